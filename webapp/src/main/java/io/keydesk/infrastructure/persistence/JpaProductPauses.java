package io.keydesk.infrastructure.persistence;

import io.keydesk.domain.model.catalog.Product;
import io.keydesk.domain.model.catalog.ProductPauses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Paused products in {@code product_pause}: one row per paused product. */
@ApplicationScoped
public class JpaProductPauses implements ProductPauses {
  @PersistenceContext private EntityManager em;

  @Override
  public boolean pause(Product product, String reason, String pausedBy, Instant at) {
    return em.createNativeQuery(
                "INSERT IGNORE INTO product_pause (product_id, reason, paused_by, paused_at)"
                    + " VALUES (?, ?, ?, ?)")
            .setParameter(1, product.id())
            .setParameter(2, reason)
            .setParameter(3, pausedBy)
            .setParameter(4, SqlTimes.utc(at))
            .executeUpdate()
        == 1;
  }

  @Override
  public boolean resume(Product product) {
    return em.createNativeQuery("DELETE FROM product_pause WHERE product_id = ?")
            .setParameter(1, product.id())
            .executeUpdate()
        == 1;
  }

  @Override
  public Optional<Pause> of(Product product) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT reason, paused_by, paused_at FROM product_pause WHERE product_id = ?")
            .setParameter(1, product.id())
            .getResultList();
    return rows.stream()
        .map(r -> (Object[]) r)
        .map(r -> new Pause((String) r[0], (String) r[1], SqlTimes.instant(r[2])))
        .findFirst();
  }
}
