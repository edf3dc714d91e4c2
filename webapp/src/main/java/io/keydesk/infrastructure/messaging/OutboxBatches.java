package io.keydesk.infrastructure.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One relay step in one database transaction. */
@ApplicationScoped
public class OutboxBatches {
  @PersistenceContext private EntityManager em;
  @Inject KafkaEventPublisher publisher;

  /**
   * Publishes up to {@code max} pending events, oldest first, if no other instance is relaying
   * right now. The relay lock row is taken with SKIP LOCKED, so a second instance skips instead of
   * waiting, and the pending rows are read and marked under that lock: no row is published twice
   * and the order per aggregate is the order of the outbox.
   *
   * @return how many events were published (0 when nothing was pending or another instance holds
   *     the lock)
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int publishNext(int max) {
    List<?> lock =
        em.createNativeQuery(
                "SELECT name FROM outbox_relay_lock WHERE name = 'kafka' FOR UPDATE SKIP LOCKED")
            .getResultList();
    if (lock.isEmpty()) {
      return 0;
    }
    List<OutboxRecord> batch =
        em.createNamedQuery("OutboxRecord.pending", OutboxRecord.class)
            .setMaxResults(max)
            .getResultList();
    if (batch.isEmpty()) {
      return 0;
    }
    publisher.publish(batch);
    Instant now = Instant.now(Clock.systemUTC());
    batch.forEach(r -> r.markPublished(now));
    return batch.size();
  }

  /** How many events wait, and for how long the oldest has waited. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Backlog backlog() {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT COUNT(*), COALESCE(TIMESTAMPDIFF(MICROSECOND, MIN(created_at),"
                        + " UTC_TIMESTAMP(3)), 0) FROM outbox_event WHERE published_at IS NULL")
                .getSingleResult();
    return new Backlog(
        ((Number) row[0]).longValue(), Duration.ofNanos(((Number) row[1]).longValue() * 1000));
  }

  /** Pending events and the age of the oldest one. */
  public record Backlog(long pending, Duration oldestAge) {}

  /** Deletes events published before {@code before}; the outbox is not an archive. */
  @Transactional
  public int purgePublishedBefore(Instant before) {
    return em.createNativeQuery(
            "DELETE FROM outbox_event WHERE published_at IS NOT NULL AND published_at < ? LIMIT"
                + " 5000")
        .setParameter(1, java.time.LocalDateTime.ofInstant(before, java.time.ZoneOffset.UTC))
        .executeUpdate();
  }
}
