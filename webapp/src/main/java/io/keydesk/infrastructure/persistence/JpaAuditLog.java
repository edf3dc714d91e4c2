package io.keydesk.infrastructure.persistence;

import io.keydesk.domain.model.audit.AuditLog;
import io.keydesk.domain.model.audit.AuditRecord;
import io.keydesk.domain.model.audit.ChainWalk;
import io.keydesk.domain.model.audit.ChainedEntry;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit log in MariaDB ({@code audit_entry}, append-only by trigger, and {@code audit_head}).
 *
 * <p>Appending numbers entries in commit order without gaps, so it must lock the head row until the
 * transaction ends: every writer queues behind that one lock until the one before it has committed.
 * To hold it as briefly as possible the entries of a transaction are collected and written together
 * just before it commits, by a {@link Synchronization} that runs ahead of the persistence
 * provider's flush: the caller's pending changes are flushed first, then the head is locked, all
 * entries go in one multi-row insert and the head is moved once (three statements per transaction,
 * however many entries). A transaction that rolls back writes nothing.
 */
@ApplicationScoped
public class JpaAuditLog implements AuditLog {
  private static final int PAGE = 2000;

  /** Where a transaction's entries wait for its commit (a transaction-scoped resource). */
  private static final Object PENDING = JpaAuditLog.class.getName() + ".pending";

  private static final List<String> COLUMNS =
      List.of(
          "seq",
          "at",
          "actor_type",
          "actor_name",
          "action",
          "subject_type",
          "subject_id",
          "details",
          "prev_hash",
          "hash");

  @PersistenceContext private EntityManager em;
  @Resource TransactionSynchronizationRegistry registry;

  /**
   * Payara's transaction manager: only it registers a synchronization that runs before the
   * interposed ones, among them EclipseLink's flush at commit.
   */
  @Resource(lookup = "java:appserver/TransactionManager")
  TransactionManager transactions;

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void append(AuditRecord record) {
    @SuppressWarnings("unchecked")
    List<AuditRecord> pending = (List<AuditRecord>) registry.getResource(PENDING);
    if (pending == null) {
      List<AuditRecord> batch = new ArrayList<>();
      registerBeforeCommit(() -> write(batch));
      registry.putResource(PENDING, batch);
      pending = batch;
    }
    pending.add(record);
  }

  private void registerBeforeCommit(Runnable work) {
    try {
      transactions
          .getTransaction()
          .registerSynchronization(
              new Synchronization() {
                @Override
                public void beforeCompletion() {
                  work.run();
                }

                @Override
                public void afterCompletion(int status) {
                  // nothing: a rolled-back transaction simply never wrote its entries
                }
              });
    } catch (RollbackException | SystemException e) {
      throw new IllegalStateException("could not join the audit entries to the transaction", e);
    }
  }

  /** Locks the head, writes the entries in one statement and moves the head. */
  private void write(List<AuditRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    // Write the caller's pending changes first: the head lock below is then held only for the
    // audit rows and the commit, not for the flush of the whole unit of work.
    em.flush();
    Object[] head =
        (Object[])
            em.createNativeQuery(
                    "SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .getSingleResult();
    long seq = ((Number) head[0]).longValue();
    String hash = (String) head[1];
    MultiRowInsert insert = new MultiRowInsert("audit_entry", COLUMNS);
    for (AuditRecord record : records) {
      ChainedEntry entry = ChainedEntry.after(seq, hash, record);
      insert.add(
          entry.seq(),
          SqlTimes.utc(record.at()),
          record.actorType(),
          record.actorName(),
          record.action(),
          record.subjectType(),
          record.subjectId(),
          record.details(),
          entry.prevHash(),
          entry.hash());
      seq = entry.seq();
      hash = entry.hash();
    }
    insert.execute(em);
    em.createNativeQuery("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")
        .setParameter(1, seq)
        .setParameter(2, hash)
        .executeUpdate();
    records.clear();
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
