package io.keydesk.infrastructure.ratelimit;

import io.keydesk.application.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Fixed-window counters in the {@code rate_limit} table: one upsert per hit, in the caller's
 * transaction. Windows are aligned to multiples of their length; old windows are deleted now and
 * then.
 */
@ApplicationScoped
public class DatabaseRateLimiter implements RateLimiter {
  @PersistenceContext private EntityManager em;

  @Override
  @Transactional
  public Decision hit(String bucket, int limit, Duration window) {
    long now = Instant.now(Clock.systemUTC()).getEpochSecond();
    long length = window.getSeconds();
    long start = now - now % length;
    LocalDateTime windowStart = LocalDateTime.ofEpochSecond(start, 0, ZoneOffset.UTC);
    em.createNativeQuery(
            "INSERT INTO rate_limit (bucket, window_start, hits) VALUES (?, ?, 1)"
                + " ON DUPLICATE KEY UPDATE hits = hits + 1")
        .setParameter(1, bucket)
        .setParameter(2, windowStart)
        .executeUpdate();
    Number hits =
        (Number)
            em.createNativeQuery(
                    "SELECT hits FROM rate_limit WHERE bucket = ? AND window_start = ?")
                .setParameter(1, bucket)
                .setParameter(2, windowStart)
                .getSingleResult();
    if (hits.intValue() == 1 && (now / length) % 16 == 0) {
      em.createNativeQuery("DELETE FROM rate_limit WHERE window_start < ? LIMIT 1000")
          .setParameter(1, windowStart.minusDays(1))
          .executeUpdate();
    }
    return hits.intValue() <= limit
        ? new Decision(true, Duration.ZERO)
        : new Decision(false, Duration.ofSeconds(start + length - now));
  }
}
