package io.keydesk.infrastructure.webhooks;

import io.keydesk.infrastructure.persistence.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code webhook_delivery} table as the relay sees it. Due rows are <em>claimed</em> in a short
 * transaction: read with {@code FOR UPDATE SKIP LOCKED} (another instance claiming at the same
 * moment skips them) and their {@code next_attempt_at} moved past the lease, so no other instance
 * takes them while they are being sent. The HTTP call happens outside any transaction; its outcome
 * is recorded in another short one. An instance that dies mid-send leaves its rows to be retried
 * when the lease ends.
 */
@ApplicationScoped
public class WebhookDeliveries {
  @PersistenceContext private EntityManager em;

  /** A webhook to send now. */
  public record Due(
      long id,
      String eventId,
      String type,
      String aggregateId,
      String payload,
      Instant createdAt,
      int attempts) {}

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<Due> claim(int max, Instant now, Duration lease) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT id, event_id, type, aggregate_id, payload, created_at, attempts"
                    + " FROM webhook_delivery WHERE delivered_at IS NULL AND next_attempt_at <= ?"
                    + " ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED")
            .setParameter(1, SqlTimes.utc(now))
            .setParameter(2, max)
            .getResultList();
    List<Due> due = new ArrayList<>(rows.size());
    for (Object row : rows) {
      Object[] r = (Object[]) row;
      due.add(
          new Due(
              ((Number) r[0]).longValue(),
              (String) r[1],
              (String) r[2],
              (String) r[3],
              (String) r[4],
              SqlTimes.instant(r[5]),
              ((Number) r[6]).intValue()));
    }
    for (Due d : due) {
      em.createNativeQuery("UPDATE webhook_delivery SET next_attempt_at = ? WHERE id = ?")
          .setParameter(1, SqlTimes.utc(now.plus(lease)))
          .setParameter(2, d.id())
          .executeUpdate();
    }
    return due;
  }

  /** The shop acknowledged the webhook: it is never sent again. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void delivered(long id, int status, Instant at) {
    em.createNativeQuery(
            "UPDATE webhook_delivery SET attempts = attempts + 1, delivered_at = ?,"
                + " last_status = ?, last_error = NULL WHERE id = ?")
        .setParameter(1, SqlTimes.utc(at))
        .setParameter(2, status)
        .setParameter(3, id)
        .executeUpdate();
  }

  /** The attempt failed; the next one is due at {@code next}. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void failed(long id, Integer status, String error, Instant next) {
    em.createNativeQuery(
            "UPDATE webhook_delivery SET attempts = attempts + 1, next_attempt_at = ?,"
                + " last_status = ?, last_error = ? WHERE id = ?")
        .setParameter(1, SqlTimes.utc(next))
        .setParameter(2, status)
        .setParameter(3, error.length() > 500 ? error.substring(0, 500) : error)
        .setParameter(4, id)
        .executeUpdate();
  }

  /** Webhooks not yet acknowledged, and how long the oldest has waited. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Backlog backlog() {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT COUNT(*), COALESCE(TIMESTAMPDIFF(MICROSECOND, MIN(created_at),"
                        + " UTC_TIMESTAMP(3)), 0) FROM webhook_delivery WHERE delivered_at IS NULL")
                .getSingleResult();
    return new Backlog(
        ((Number) row[0]).longValue(), Duration.ofNanos(((Number) row[1]).longValue() * 1000));
  }

  /** Undelivered webhooks and the age of the oldest one. */
  public record Backlog(long pending, Duration oldestAge) {}

  /** Deletes webhooks acknowledged before {@code before}. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int purgeDeliveredBefore(Instant before) {
    return em.createNativeQuery(
            "DELETE FROM webhook_delivery WHERE delivered_at IS NOT NULL AND delivered_at < ?"
                + " LIMIT 5000")
        .setParameter(1, SqlTimes.utc(before))
        .executeUpdate();
  }
}
