package io.keydesk.infrastructure.persistence;

import io.keydesk.application.SupplierCheckLog;
import io.keydesk.application.SupplierVerification.Verdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Supplier checks in {@code supplier_check}. */
@ApplicationScoped
public class JpaSupplierCheckLog implements SupplierCheckLog {
  @PersistenceContext private EntityManager em;

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void record(
      long cardKeyId, String supplierCode, Verdict verdict, String requestedBy, Instant at) {
    String detail = verdict.detail();
    em.createNativeQuery(
            "INSERT INTO supplier_check (card_key_id, supplier_code, outcome, detail, took_ms,"
                + " requested_by, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .setParameter(1, cardKeyId)
        .setParameter(2, supplierCode)
        .setParameter(3, verdict.outcome().name())
        .setParameter(4, detail.length() > 500 ? detail.substring(0, 500) : detail)
        .setParameter(5, (int) Math.min(Integer.MAX_VALUE, verdict.took().toMillis()))
        .setParameter(6, requestedBy)
        .setParameter(7, SqlTimes.utc(at))
        .executeUpdate();
  }
}
