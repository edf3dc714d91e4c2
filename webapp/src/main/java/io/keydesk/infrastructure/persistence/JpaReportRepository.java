package io.keydesk.infrastructure.persistence;

import static io.keydesk.infrastructure.persistence.SqlTimes.instant;
import static io.keydesk.infrastructure.persistence.SqlTimes.utc;

import io.keydesk.domain.model.report.ReportRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Supplier report reads with native SQL. Orders use {@code ix_order_product_paid}, tickets {@code
 * ix_ticket_created} (V16), both restricted to the supplier's products.
 */
@ApplicationScoped
public class JpaReportRepository implements ReportRepository {
  @PersistenceContext private EntityManager em;

  @Override
  public Optional<SupplierRef> supplier(long id) {
    return first(
        em.createNativeQuery("SELECT id, code, name FROM supplier WHERE id = ?")
            .setParameter(1, id));
  }

  @Override
  public Optional<SupplierRef> supplierByCode(String code) {
    return first(
        em.createNativeQuery("SELECT id, code, name FROM supplier WHERE code = ?")
            .setParameter(1, code));
  }

  @Override
  public List<SupplierRef> suppliers() {
    return rows(em.createNativeQuery("SELECT id, code, name FROM supplier ORDER BY code")).stream()
        .map(JpaReportRepository::supplierRef)
        .toList();
  }

  @Override
  public List<ProductOrders> ordersByProduct(long supplierId, Instant from, Instant to) {
    Query q =
        em.createNativeQuery(
                "SELECT p.sku, p.name, COUNT(o.id) FROM product p LEFT JOIN shop_order o"
                    + " ON o.product_id = p.id AND o.paid_at >= ? AND o.paid_at < ?"
                    + " WHERE p.supplier_id = ? GROUP BY p.id, p.sku, p.name ORDER BY p.sku")
            .setParameter(1, utc(from))
            .setParameter(2, utc(to))
            .setParameter(3, supplierId);
    return rows(q).stream()
        .map(r -> new ProductOrders((String) r[0], (String) r[1], number(r[2])))
        .toList();
  }

  @Override
  public List<BatchOrders> ordersByBatch(long supplierId, Instant from, Instant to) {
    Query q =
        em.createNativeQuery(
                "SELECT p.sku, b.code, COUNT(DISTINCT o.id) FROM product p"
                    + " JOIN shop_order o ON o.product_id = p.id AND o.paid_at >= ? AND o.paid_at < ?"
                    + " JOIN card_key k ON k.order_id = o.id JOIN key_batch b ON b.id = k.batch_id"
                    + " WHERE p.supplier_id = ? GROUP BY p.sku, b.id, b.code ORDER BY p.sku, b.code")
            .setParameter(1, utc(from))
            .setParameter(2, utc(to))
            .setParameter(3, supplierId);
    return rows(q).stream()
        .map(r -> new BatchOrders((String) r[0], (String) r[1], number(r[2])))
        .toList();
  }

  @Override
  public List<DayOrders> ordersByDay(long supplierId, Instant from, Instant to) {
    Query q =
        em.createNativeQuery(
                "SELECT DATE(o.paid_at), COUNT(*) FROM product p"
                    + " JOIN shop_order o ON o.product_id = p.id AND o.paid_at >= ? AND o.paid_at < ?"
                    + " WHERE p.supplier_id = ? GROUP BY DATE(o.paid_at)")
            .setParameter(1, utc(from))
            .setParameter(2, utc(to))
            .setParameter(3, supplierId);
    return rows(q).stream().map(r -> new DayOrders(day(r[0]), number(r[1]))).toList();
  }

  @Override
  public List<TicketRow> tickets(long supplierId, Instant from, Instant to) {
    Query q =
        em.createNativeQuery(
                "SELECT p.sku, b.code, t.category_code, t.resolution, t.description, t.created_at,"
                    + " t.first_response_at, t.resolved_at FROM ticket t"
                    + " JOIN shop_order o ON o.id = t.order_id"
                    + " JOIN product p ON p.id = o.product_id"
                    + " LEFT JOIN card_key k ON k.id = COALESCE(t.card_key_id,"
                    + "   (SELECT k2.id FROM card_key k2 WHERE k2.order_id = o.id"
                    + "    ORDER BY k2.key_index LIMIT 1))"
                    + " LEFT JOIN key_batch b ON b.id = k.batch_id"
                    + " WHERE t.created_at >= ? AND t.created_at < ? AND p.supplier_id = ?")
            .setParameter(1, utc(from))
            .setParameter(2, utc(to))
            .setParameter(3, supplierId);
    return rows(q).stream()
        .map(
            r ->
                new TicketRow(
                    (String) r[0],
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    instant(r[5]),
                    instant(r[6]),
                    instant(r[7])))
        .toList();
  }

  @Override
  public List<Recipient> recipients() {
    return rows(
            em.createNativeQuery(
                "SELECT id, supplier_id, username, email, language FROM staff_user"
                    + " WHERE role = 'SUPPLIER_MANAGER' AND active AND email IS NOT NULL"
                    + " AND supplier_id IS NOT NULL ORDER BY supplier_id, id"))
        .stream()
        .map(
            r ->
                new Recipient(
                    number(r[0]), number(r[1]), (String) r[2], (String) r[3], (String) r[4]))
        .toList();
  }

  @Override
  public boolean claim(
      Recipient to,
      String kind,
      Instant periodStart,
      Instant periodEnd,
      String instance,
      Instant now,
      Instant claimedUntil,
      int maxAttempts) {
    int created =
        em.createNativeQuery(
                "INSERT IGNORE INTO report_run (supplier_id, kind, period_start, period_end,"
                    + " staff_id, status, claimed_by, claimed_until, attempts, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, 'CLAIMED', ?, ?, 1, ?)")
            .setParameter(1, to.supplierId())
            .setParameter(2, kind)
            .setParameter(3, utc(periodStart))
            .setParameter(4, utc(periodEnd))
            .setParameter(5, to.staffId())
            .setParameter(6, instance)
            .setParameter(7, utc(claimedUntil))
            .setParameter(8, utc(now))
            .executeUpdate();
    if (created == 1) {
      return true;
    }
    // Taken over only when the claim expired: look first without a lock, so concurrent sweeps that
    // lost the INSERT do not all try to lock the row (they would deadlock on it).
    List<?> expired =
        em.createNativeQuery(
                "SELECT id FROM report_run WHERE supplier_id = ? AND kind = ? AND period_start = ?"
                    + " AND staff_id = ? AND status = 'CLAIMED' AND claimed_until < ?"
                    + " AND attempts < ?")
            .setParameter(1, to.supplierId())
            .setParameter(2, kind)
            .setParameter(3, utc(periodStart))
            .setParameter(4, to.staffId())
            .setParameter(5, utc(now))
            .setParameter(6, maxAttempts)
            .getResultList();
    if (expired.isEmpty()) {
      return false;
    }
    return em.createNativeQuery(
                "UPDATE report_run SET claimed_by = ?, claimed_until = ?, attempts = attempts + 1"
                    + " WHERE supplier_id = ? AND kind = ? AND period_start = ? AND staff_id = ?"
                    + " AND status = 'CLAIMED' AND claimed_until < ? AND attempts < ?")
            .setParameter(1, instance)
            .setParameter(2, utc(claimedUntil))
            .setParameter(3, to.supplierId())
            .setParameter(4, kind)
            .setParameter(5, utc(periodStart))
            .setParameter(6, to.staffId())
            .setParameter(7, utc(now))
            .setParameter(8, maxAttempts)
            .executeUpdate()
        == 1;
  }

  @Override
  public void markSent(Recipient to, String kind, Instant periodStart, Instant at) {
    em.createNativeQuery(
            "UPDATE report_run SET status = 'SENT', sent_at = ?, last_error = NULL"
                + " WHERE supplier_id = ? AND kind = ? AND period_start = ? AND staff_id = ?")
        .setParameter(1, utc(at))
        .setParameter(2, to.supplierId())
        .setParameter(3, kind)
        .setParameter(4, utc(periodStart))
        .setParameter(5, to.staffId())
        .executeUpdate();
  }

  @Override
  public void markRetry(
      Recipient to, String kind, Instant periodStart, String error, Instant retryAt) {
    em.createNativeQuery(
            "UPDATE report_run SET claimed_until = ?, last_error = ?"
                + " WHERE supplier_id = ? AND kind = ? AND period_start = ? AND staff_id = ?"
                + " AND status = 'CLAIMED'")
        .setParameter(1, utc(retryAt))
        .setParameter(2, error == null ? null : error.substring(0, Math.min(500, error.length())))
        .setParameter(3, to.supplierId())
        .setParameter(4, kind)
        .setParameter(5, utc(periodStart))
        .setParameter(6, to.staffId())
        .executeUpdate();
  }

  @Override
  public long sentCount(long staffId, String kind, Instant periodStart) {
    return number(
        em.createNativeQuery(
                "SELECT COUNT(*) FROM report_run WHERE staff_id = ? AND kind = ?"
                    + " AND period_start = ? AND status = 'SENT'")
            .setParameter(1, staffId)
            .setParameter(2, kind)
            .setParameter(3, utc(periodStart))
            .getSingleResult());
  }

  private static Optional<SupplierRef> first(Query q) {
    return rows(q).stream().findFirst().map(JpaReportRepository::supplierRef);
  }

  private static SupplierRef supplierRef(Object[] r) {
    return new SupplierRef(number(r[0]), (String) r[1], (String) r[2]);
  }

  @SuppressWarnings("unchecked")
  private static List<Object[]> rows(Query q) {
    return q.getResultList();
  }

  private static long number(Object o) {
    return ((Number) o).longValue();
  }

  private static LocalDate day(Object o) {
    if (o instanceof LocalDate d) {
      return d;
    }
    if (o instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (o instanceof java.util.Date d) {
      return d.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
    }
    return LocalDate.parse(o.toString().substring(0, 10));
  }
}
