package io.keydesk.infrastructure.persistence;

import io.keydesk.domain.model.audit.AuditLog;
import io.keydesk.domain.model.audit.AuditRecord;
import io.keydesk.domain.model.audit.ChainWalk;
import io.keydesk.domain.model.audit.ChainedEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The audit log in MariaDB ({@code audit_entry}, append-only by trigger, and {@code audit_head}).
 * Appending locks the head row until the caller's transaction ends, so entries are numbered in
 * commit order without gaps; callers append last, and pending changes are flushed before the lock
 * is taken, to hold it briefly.
 */
@ApplicationScoped
public class JpaAuditLog implements AuditLog {
  private static final int PAGE = 2000;

  @PersistenceContext private EntityManager em;

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void append(AuditRecord record) {
    // Write the caller's pending changes first: the head lock below is then held only for the audit
    // rows and the commit, not for the flush of the whole unit of work.
    em.flush();
    Object[] head =
        (Object[])
            em.createNativeQuery(
                    "SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .getSingleResult();
    ChainedEntry entry =
        ChainedEntry.after(((Number) head[0]).longValue(), (String) head[1], record);
    em.createNativeQuery(
            "INSERT INTO audit_entry (seq, at, actor_type, actor_name, action, subject_type,"
                + " subject_id, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .setParameter(1, entry.seq())
        .setParameter(2, SqlTimes.utc(record.at()))
        .setParameter(3, record.actorType())
        .setParameter(4, record.actorName())
        .setParameter(5, record.action())
        .setParameter(6, record.subjectType())
        .setParameter(7, record.subjectId())
        .setParameter(8, record.details())
        .setParameter(9, entry.prevHash())
        .setParameter(10, entry.hash())
        .executeUpdate();
    em.createNativeQuery("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")
        .setParameter(1, entry.seq())
        .setParameter(2, entry.hash())
        .executeUpdate();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Verification verify() {
    Object[] head =
        (Object[])
            em.createNativeQuery("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
                .getSingleResult();
    ChainWalk walk = new ChainWalk();
    long after = 0;
    while (true) {
      @SuppressWarnings("unchecked")
      List<Object[]> rows =
          em.createNativeQuery(
                  "SELECT seq, at, actor_type, actor_name, action, subject_type, subject_id,"
                      + " details, prev_hash, hash FROM audit_entry WHERE seq > ? ORDER BY seq"
                      + " LIMIT "
                      + PAGE)
              .setParameter(1, after)
              .getResultList();
      for (Object[] row : rows) {
        ChainedEntry entry;
        try {
          entry = entry(row);
        } catch (RuntimeException e) {
          return walk.unreadable(((Number) row[0]).longValue());
        }
        if (!walk.accept(entry)) {
          return walk.result(0, "");
        }
      }
      if (rows.size() < PAGE) {
        break;
      }
      after = walk.lastSeq();
    }
    return walk.result(((Number) head[0]).longValue(), (String) head[1]);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Entry> newest(Query query) {
    jakarta.persistence.Query q =
        em.createNativeQuery(
            "SELECT seq, at, actor_type, actor_name, action, subject_type, subject_id, details"
                + " FROM audit_entry"
                + where(query)
                + " ORDER BY seq DESC LIMIT ? OFFSET ?");
    int n = bind(q, query);
    q.setParameter(n, query.size()).setParameter(n + 1, (long) query.page() * query.size());
    @SuppressWarnings("unchecked")
    List<Object[]> rows = q.getResultList();
    return rows.stream()
        .map(
            r ->
                new Entry(
                    ((Number) r[0]).longValue(),
                    SqlTimes.instant(r[1]),
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    (String) r[5],
                    (String) r[6],
                    (String) r[7]))
        .toList();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public long count(Query query) {
    jakarta.persistence.Query q =
        em.createNativeQuery("SELECT COUNT(*) FROM audit_entry" + where(query));
    bind(q, query);
    return ((Number) q.getSingleResult()).longValue();
  }

  private static String where(Query query) {
    List<String> terms = new java.util.ArrayList<>();
    if (query.subjectType() != null) {
      terms.add("subject_type = ?");
    }
    if (query.actionPrefix() != null) {
      terms.add("action LIKE ?");
    }
    return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
  }

  /** Binds the filter's parameters; answers the next free position. */
  private static int bind(jakarta.persistence.Query q, Query query) {
    int n = 1;
    if (query.subjectType() != null) {
      q.setParameter(n++, query.subjectType());
    }
    if (query.actionPrefix() != null) {
      q.setParameter(
          n++,
          query.actionPrefix().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }
    return n;
  }

  private static ChainedEntry entry(Object[] row) {
    AuditRecord record =
        new AuditRecord(
            SqlTimes.instant(row[1]),
            (String) row[2],
            (String) row[3],
            (String) row[4],
            (String) row[5],
            (String) row[6],
            (String) row[7]);
    return new ChainedEntry(
        ((Number) row[0]).longValue(), record, (String) row[8], (String) row[9]);
  }
}
