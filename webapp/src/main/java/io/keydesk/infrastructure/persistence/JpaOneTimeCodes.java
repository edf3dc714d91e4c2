package io.keydesk.infrastructure.persistence;

import static io.keydesk.infrastructure.persistence.SqlTimes.utc;

import io.keydesk.domain.model.order.OneTimeCodes;
import io.keydesk.domain.model.order.Order;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code one_time_code} rows, by native SQL (a small table without an aggregate of its own). */
@ApplicationScoped
public class JpaOneTimeCodes implements OneTimeCodes {
  @PersistenceContext private EntityManager em;

  @Override
  public Optional<Pending> pendingForUpdate(Order order, int keyIndex, Instant now) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, code_hash, attempts FROM one_time_code WHERE order_id = ? AND key_index"
                    + " = ? AND used_at IS NULL AND expires_at > ? ORDER BY id DESC LIMIT 1 FOR"
                    + " UPDATE")
            .setParameter(1, order.id())
            .setParameter(2, keyIndex)
            .setParameter(3, utc(now))
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            r ->
                new Pending(
                    ((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).intValue()));
  }

  @Override
  public void add(Order order, int keyIndex, String codeHash, Instant now, Instant expiresAt) {
    em.createNativeQuery(
            "INSERT INTO one_time_code (order_id, key_index, code_hash, attempts, created_at,"
                + " expires_at) VALUES (?, ?, ?, 0, ?, ?)")
        .setParameter(1, order.id())
        .setParameter(2, keyIndex)
        .setParameter(3, codeHash)
        .setParameter(4, utc(now))
        .setParameter(5, utc(expiresAt))
        .executeUpdate();
  }

  @Override
  public void countFailedAttempt(long id) {
    em.createNativeQuery("UPDATE one_time_code SET attempts = attempts + 1 WHERE id = ?")
        .setParameter(1, id)
        .executeUpdate();
  }

  @Override
  public void markUsed(long id, Instant now) {
    em.createNativeQuery("UPDATE one_time_code SET used_at = ? WHERE id = ?")
        .setParameter(1, utc(now))
        .setParameter(2, id)
        .executeUpdate();
  }
}
