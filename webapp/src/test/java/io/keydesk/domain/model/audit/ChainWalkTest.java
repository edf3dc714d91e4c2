package io.keydesk.domain.model.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.domain.model.audit.AuditLog.Verification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainWalkTest {
  private static final Instant AT = Instant.parse("2026-11-25T10:00:00.123456Z");

  private static AuditRecord record(int n) {
    return new AuditRecord(
        AT.plusSeconds(n),
        "STAFF",
        "agent",
        "ticket.transitioned",
        "ticket",
        "KD-" + n,
        "{\"n\":\"" + n + "\"}");
  }

  private static List<ChainedEntry> chain(int length) {
    List<ChainedEntry> entries = new ArrayList<>();
    long seq = 0;
    String hash = ChainedEntry.GENESIS;
    for (int i = 1; i <= length; i++) {
      ChainedEntry e = ChainedEntry.after(seq, hash, record(i));
      entries.add(e);
      seq = e.seq();
      hash = e.hash();
    }
    return entries;
  }

  private static Verification walk(List<ChainedEntry> entries) {
    ChainWalk walk = new ChainWalk();
    for (ChainedEntry e : entries) {
      if (!walk.accept(e)) {
        return walk.result(0, "");
      }
    }
    ChainedEntry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
    return walk.result(
        last == null ? 0 : last.seq(), last == null ? ChainedEntry.GENESIS : last.hash());
  }

  @Test
  void anUntouchedChainIsIntact() {
    Verification v = walk(chain(5));

    assertTrue(v.intact());
    assertEquals(5, v.entries());
    assertEquals(null, v.firstBrokenSeq());
  }

  @Test
  void anEmptyChainIsIntact() {
    assertTrue(walk(List.of()).intact());
  }

  @Test
  void eachEntryLinksToThePreviousHash() {
    List<ChainedEntry> entries = chain(3);

    assertEquals(ChainedEntry.GENESIS, entries.get(0).prevHash());
    assertEquals(entries.get(0).hash(), entries.get(1).prevHash());
    assertEquals(entries.get(1).hash(), entries.get(2).prevHash());
    assertEquals(64, entries.get(2).hash().length());
  }

  @Test
  void timesAreKeptToTheMillisecondAsTheDatabaseStoresThem() {
    assertEquals(Instant.parse("2026-11-25T10:00:01.123Z"), record(1).at());
  }

  @Test
  void editedContentIsNamedAtThatEntry() {
    List<ChainedEntry> entries = chain(5);
    ChainedEntry third = entries.get(2);
    AuditRecord r = third.record();
    entries.set(
        2,
        new ChainedEntry(
            3,
            new AuditRecord(
                r.at(),
                r.actorType(),
                "someone-else",
                r.action(),
                r.subjectType(),
                r.subjectId(),
                r.details()),
            third.prevHash(),
            third.hash()));

    Verification v = walk(entries);

    assertFalse(v.intact());
    assertEquals(3L, v.firstBrokenSeq());
    assertTrue(v.problem().contains("content"));
  }

  @Test
  void aRehashedEditBreaksTheLinkOfTheNextEntry() {
    List<ChainedEntry> entries = chain(5);
    ChainedEntry third = entries.get(2);
    AuditRecord r = third.record();
    AuditRecord forged =
        new AuditRecord(
            r.at(),
            r.actorType(),
            r.actorName(),
            "forged",
            r.subjectType(),
            r.subjectId(),
            r.details());
    entries.set(
        2,
        new ChainedEntry(
            3, forged, third.prevHash(), ChainedEntry.hashOf(3, forged, third.prevHash())));

    Verification v = walk(entries);

    assertEquals(4L, v.firstBrokenSeq());
    assertTrue(v.problem().contains("previous hash"));
  }

  @Test
  void aDeletedEntryIsNamed() {
    List<ChainedEntry> entries = chain(5);
    entries.remove(1);

    Verification v = walk(entries);

    assertEquals(2L, v.firstBrokenSeq());
    assertTrue(v.problem().contains("missing"));
  }

  @Test
  void entriesCutFromTheEndShowAgainstTheHead() {
    List<ChainedEntry> entries = chain(5);
    ChainWalk walk = new ChainWalk();
    entries.subList(0, 3).forEach(walk::accept);

    Verification v = walk.result(5, entries.get(4).hash());

    assertFalse(v.intact());
    assertEquals(4L, v.firstBrokenSeq());
  }

  @Test
  void theHashCoversEveryField() {
    AuditRecord r = record(1);
    String base = ChainedEntry.hashOf(1, r, ChainedEntry.GENESIS);

    assertNotEquals(base, ChainedEntry.hashOf(2, r, ChainedEntry.GENESIS));
    assertNotEquals(base, ChainedEntry.hashOf(1, r, "1".repeat(64)));
    assertNotEquals(
        base,
        ChainedEntry.hashOf(
            1,
            new AuditRecord(
                r.at(),
                r.actorType(),
                r.actorName(),
                r.action(),
                r.subjectType(),
                r.subjectId(),
                "{}"),
            ChainedEntry.GENESIS));
    assertNotEquals(
        base,
        ChainedEntry.hashOf(
            1,
            new AuditRecord(
                r.at().plusMillis(1),
                r.actorType(),
                r.actorName(),
                r.action(),
                r.subjectType(),
                r.subjectId(),
                r.details()),
            ChainedEntry.GENESIS));
  }
}
