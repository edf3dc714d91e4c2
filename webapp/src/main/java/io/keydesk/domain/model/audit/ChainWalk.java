package io.keydesk.domain.model.audit;

import io.keydesk.domain.model.audit.AuditLog.Verification;

/**
 * Checks entries in sequence order: numbers without gaps, each entry's previous hash equal to the
 * hash of the entry before it, and each hash equal to the hash of the entry's content. Stops at the
 * first entry that fails.
 */
public final class ChainWalk {
  private long entries;
  private long lastSeq;
  private String lastHash = ChainedEntry.GENESIS;
  private Verification broken;

  /** Feeds the next entry; false once the chain is broken (further entries are ignored). */
  public boolean accept(ChainedEntry entry) {
    if (broken != null) {
      return false;
    }
    entries++;
    if (entry.seq() != lastSeq + 1) {
      broken =
          Verification.brokenAt(entries, lastSeq + 1, "entry " + (lastSeq + 1) + " is missing");
    } else if (!entry.prevHash().equals(lastHash)) {
      broken =
          Verification.brokenAt(
              entries,
              entry.seq(),
              "its previous hash does not match the hash of entry " + lastSeq);
    } else if (!entry.sealed()) {
      broken = Verification.brokenAt(entries, entry.seq(), "its content does not match its hash");
    }
    lastSeq = entry.seq();
    lastHash = entry.hash();
    return broken == null;
  }

  /**
   * The result, given the head the log recorded last: a head behind the entries or ahead of them
   * means entries were added or removed around the chain.
   */
  public Verification result(long headSeq, String headHash) {
    if (broken != null) {
      return broken;
    }
    if (headSeq != lastSeq || !headHash.equals(lastHash)) {
      return Verification.brokenAt(
          entries,
          Math.min(headSeq, lastSeq) + 1,
          "the chain ends at entry " + lastSeq + " but its head records entry " + headSeq);
    }
    return Verification.intact(entries);
  }

  /** The result when entry {@code seq} cannot even be read as an entry (a field was blanked). */
  public Verification unreadable(long seq) {
    return broken != null
        ? broken
        : Verification.brokenAt(entries + 1, seq, "its content is not a valid entry");
  }

  public long lastSeq() {
    return lastSeq;
  }
}
