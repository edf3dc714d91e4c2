package io.keydesk.domain.model.audit;

/** The append-only, hash-chained audit log. */
public interface AuditLog {
  /** Appends an entry in the caller's transaction; entries are numbered in commit order. */
  void append(AuditRecord record);

  /** Walks the whole chain and reports the first entry that does not hold. */
  Verification verify();

  /** A page of entries, newest first, as stored (not checked: {@link #verify()} checks). */
  java.util.List<Entry> newest(Query query);

  /** How many entries match the query. */
  long count(Query query);

  /** Which entries to list: an optional subject type and an optional action prefix. */
  record Query(String subjectType, String actionPrefix, int page, int size) {}

  /** One stored entry. */
  record Entry(
      long seq,
      java.time.Instant at,
      String actorType,
      String actorName,
      String action,
      String subjectType,
      String subjectId,
      String details) {}

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
