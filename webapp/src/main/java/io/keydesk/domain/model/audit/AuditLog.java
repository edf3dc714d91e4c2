package io.keydesk.domain.model.audit;

/** The append-only, hash-chained audit log. */
public interface AuditLog {
  /** Appends an entry in the caller's transaction; entries are numbered in commit order. */
  void append(AuditRecord record);

  /** Walks the whole chain and reports the first entry that does not hold. */
  Verification verify();

  /** The outcome of a walk over the chain. */
  record Verification(long entries, boolean intact, Long firstBrokenSeq, String problem) {
    public static Verification intact(long entries) {
      return new Verification(entries, true, null, null);
    }

    public static Verification brokenAt(long entries, long seq, String problem) {
      return new Verification(entries, false, seq, problem);
    }
  }
}
