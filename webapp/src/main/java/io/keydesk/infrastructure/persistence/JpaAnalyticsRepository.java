package io.keydesk.infrastructure.persistence;

import static io.keydesk.infrastructure.persistence.SqlTimes.utc;

import io.keydesk.domain.model.analytics.AnalyticsRepository;
import io.keydesk.events.ComplaintRate;
import io.keydesk.events.FunnelStepCount;
import io.keydesk.events.ProductAlert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The read models of the streams job's results, in the V11 tables. */
@ApplicationScoped
public class JpaAnalyticsRepository implements AnalyticsRepository {
  /** Looked up once: {@code Json.create…} scans the class path for the provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @PersistenceContext private EntityManager em;

  @Override
  public boolean upsertRate(String key, ComplaintRate r, Instant now) {
    JsonObjectBuilder categories = JSON.createObjectBuilder();
    new TreeMap<>(r.byCategory()).forEach(categories::add);
    // The new values win when the record is newer: a later window end, or the same end with more
    // volume (counts of one window only grow). A replayed, duplicated or older record loses the
    // comparison and changes nothing.
    // The history point of this window end (the dashboard's trend): the record with the most
    // volume.
    em.createNativeQuery(
            "INSERT INTO analytics_rate_point (scope, window_name, subject_id, window_end,"
                + " delivered, complaints, rate) VALUES (?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY"
                + " UPDATE rate = IF((@more := (VALUES(delivered) + VALUES(complaints) > delivered"
                + " + complaints)), VALUES(rate), rate), complaints = IF(@more,"
                + " VALUES(complaints), complaints), delivered = IF(@more, VALUES(delivered),"
                + " delivered)")
        .setParameter(1, r.scope())
        .setParameter(2, r.window())
        .setParameter(3, r.id())
        .setParameter(4, utc(r.windowEnd()))
        .setParameter(5, r.delivered())
        .setParameter(6, r.complaints())
        .setParameter(7, r.rate())
        .executeUpdate();
    return em.createNativeQuery(snapshotUpsert())
            .setParameter(1, key)
            .setParameter(2, r.scope())
            .setParameter(3, r.id())
            .setParameter(4, r.window())
            .setParameter(5, utc(r.windowStart()))
            .setParameter(6, utc(r.windowEnd()))
            .setParameter(7, r.delivered())
            .setParameter(8, r.complaints())
            .setParameter(9, categories.build().toString())
            .setParameter(10, r.rate())
            .setParameter(11, utc(now))
            .executeUpdate()
        > 0;
  }

  /**
   * The upsert with one decision for all columns. MariaDB assigns left to right and a later
   * assignment sees the columns already changed, so the decision is taken once, from the old row,
   * into {@code @newer} by the first assignment.
   */
  private static String snapshotUpsert() {
    String decide =
        "(@newer := (VALUES(window_end) > window_end OR (VALUES(window_end) = window_end AND"
            + " VALUES(delivered) + VALUES(complaints) > delivered + complaints)))";
    return "INSERT INTO analytics_complaint_rate (rate_key, scope, subject_id, window_name,"
        + " window_start, window_end, delivered, complaints, by_category, rate, updated_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
        + " updated_at = IF("
        + decide
        + ", VALUES(updated_at), updated_at),"
        + " window_start = IF(@newer, VALUES(window_start), window_start),"
        + " delivered = IF(@newer, VALUES(delivered), delivered),"
        + " complaints = IF(@newer, VALUES(complaints), complaints),"
        + " by_category = IF(@newer, VALUES(by_category), by_category),"
        + " rate = IF(@newer, VALUES(rate), rate),"
        + " window_end = IF(@newer, VALUES(window_end), window_end)";
  }

  @Override
  public boolean upsertFunnelStep(String key, FunnelStepCount c, Instant now) {
    return em.createNativeQuery(
                "INSERT INTO analytics_funnel_step (step_key, step, mode, language, channel,"
                    + " hour_start, entered, completed, abandoned, updated_at) VALUES (?, ?, ?, ?,"
                    + " ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE updated_at = IF(VALUES(entered)"
                    + " > entered OR VALUES(completed) > completed OR VALUES(abandoned) >"
                    + " abandoned, VALUES(updated_at), updated_at), entered = GREATEST(entered,"
                    + " VALUES(entered)), completed = GREATEST(completed, VALUES(completed)),"
                    + " abandoned = GREATEST(abandoned, VALUES(abandoned))")
            .setParameter(1, key)
            .setParameter(2, c.step())
            .setParameter(3, c.mode())
            .setParameter(4, c.language())
            .setParameter(5, c.channel())
            .setParameter(6, utc(c.hourStart()))
            .setParameter(7, c.entered())
            .setParameter(8, c.completed())
            .setParameter(9, c.abandoned())
            .setParameter(10, utc(now))
            .executeUpdate()
        > 0;
  }

  @Override
  public Optional<Long> insertAlert(ProductAlert a, Instant now) {
    JsonArrayBuilder batches = JSON.createArrayBuilder();
    a.batches().forEach(batches::add);
    int inserted =
        em.createNativeQuery(
                "INSERT IGNORE INTO analytics_product_alert (sku, supplier, batches, rate,"
                    + " baseline, threshold, volume, delivered, hour_start, raised_at,"
                    + " received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .setParameter(1, a.sku())
            .setParameter(2, a.supplier())
            .setParameter(3, batches.build().toString())
            .setParameter(4, a.rate())
            .setParameter(5, a.baseline())
            .setParameter(6, a.threshold())
            .setParameter(7, a.volume())
            .setParameter(8, a.delivered())
            .setParameter(9, utc(a.hourStart()))
            .setParameter(10, utc(a.at()))
            .setParameter(11, utc(now))
            .executeUpdate();
    if (inserted == 0) {
      return Optional.empty();
    }
    Number id =
        (Number)
            em.createNativeQuery(
                    "SELECT id FROM analytics_product_alert WHERE sku = ? AND hour_start = ?")
                .setParameter(1, a.sku())
                .setParameter(2, utc(a.hourStart()))
                .getSingleResult();
    return Optional.of(id.longValue());
  }

  @Override
  public List<Buyer> buyersToWarn(String sku, List<String> batches, Instant paidSince, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT COALESCE(o.buyer_email, o.buyer_phone), MIN(o.order_no) FROM shop_order o"
                + " JOIN product p ON p.id = o.product_id WHERE p.sku = ? AND o.paid_at >= ?"
                + " AND NOT EXISTS (SELECT 1 FROM ticket t WHERE t.order_id = o.id)");
    if (!batches.isEmpty()) {
      sql.append(
          " AND EXISTS (SELECT 1 FROM card_key k JOIN key_batch b ON b.id = k.batch_id WHERE"
              + " k.order_id = o.id AND b.product_id = p.id AND b.code IN (");
      for (int i = 0; i < batches.size(); i++) {
        sql.append(i == 0 ? "?" : ", ?");
      }
      sql.append("))");
    }
    sql.append(" GROUP BY COALESCE(o.buyer_email, o.buyer_phone) ORDER BY 2 LIMIT ").append(limit);
    Query q = em.createNativeQuery(sql.toString()).setParameter(1, sku);
    q.setParameter(2, utc(paidSince));
    for (int i = 0; i < batches.size(); i++) {
      q.setParameter(3 + i, batches.get(i));
    }
    List<Buyer> buyers = new ArrayList<>();
    for (Object row : q.getResultList()) {
      Object[] r = (Object[]) row;
      buyers.add(new Buyer((String) r[0], (String) r[1]));
    }
    return buyers;
  }

  @Override
  public boolean markNotified(long alertId, String contact, String orderNo, Instant now) {
    return em.createNativeQuery(
                "INSERT IGNORE INTO analytics_alert_notice (alert_id, contact, order_no,"
                    + " created_at) VALUES (?, ?, ?, ?)")
            .setParameter(1, alertId)
            .setParameter(2, contact)
            .setParameter(3, orderNo)
            .setParameter(4, utc(now))
            .executeUpdate()
        > 0;
  }

  @Override
  public void alertHandled(long alertId, int notified, boolean paused) {
    em.createNativeQuery("UPDATE analytics_product_alert SET notified = ?, paused = ? WHERE id = ?")
        .setParameter(1, notified)
        .setParameter(2, paused)
        .setParameter(3, alertId)
        .executeUpdate();
  }

  @Override
  public List<RateRow> rates(String scope, String window, Long supplierId, int page, int size) {
    Query q =
        em.createNativeQuery(
            "SELECT r.scope, r.subject_id, r.window_name, r.window_start, r.window_end,"
                + " r.delivered, r.complaints, r.by_category, r.rate FROM"
                + " analytics_complaint_rate r WHERE r.scope = ? AND r.window_name = ?"
                + supplierClause(supplierId)
                + " ORDER BY r.rate DESC, r.complaints DESC, r.subject_id LIMIT ? OFFSET ?");
    int next = bindScope(q, scope, window, supplierId);
    q.setParameter(next, size).setParameter(next + 1, page * size);
    List<RateRow> rows = new ArrayList<>();
    for (Object row : q.getResultList()) {
      Object[] r = (Object[]) row;
      rows.add(
          new RateRow(
              (String) r[0],
              (String) r[1],
              (String) r[2],
              SqlTimes.instant(r[3]),
              SqlTimes.instant(r[4]),
              ((Number) r[5]).longValue(),
              ((Number) r[6]).longValue(),
              categories(r[7]),
              ((Number) r[8]).doubleValue()));
    }
    return rows;
  }

  @Override
  public long countRates(String scope, String window, Long supplierId) {
    Query q =
        em.createNativeQuery(
            "SELECT COUNT(*) FROM analytics_complaint_rate r WHERE r.scope = ? AND r.window_name"
                + " = ?"
                + supplierClause(supplierId));
    bindScope(q, scope, window, supplierId);
    return ((Number) q.getSingleResult()).longValue();
  }

  /** A supplier manager sees the rows of their supplier's code, products and batches. */
  private static String supplierClause(Long supplierId) {
    if (supplierId == null) {
      return "";
    }
    return " AND ((r.scope = 'supplier' AND r.subject_id IN (SELECT s.code FROM supplier s WHERE"
        + " s.id = ?)) OR (r.scope = 'product' AND r.subject_id IN (SELECT p.sku FROM product p"
        + " WHERE p.supplier_id = ?)) OR (r.scope = 'batch' AND r.subject_id IN (SELECT b.code"
        + " FROM key_batch b JOIN product p ON p.id = b.product_id WHERE p.supplier_id = ?)))";
  }

  private static int bindScope(Query q, String scope, String window, Long supplierId) {
    q.setParameter(1, scope).setParameter(2, window);
    if (supplierId == null) {
      return 3;
    }
    q.setParameter(3, supplierId).setParameter(4, supplierId).setParameter(5, supplierId);
    return 6;
  }

  @Override
  public List<StepTotals> funnel(
      Instant from, Instant to, String mode, String language, String channel) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT step, SUM(entered), SUM(completed), SUM(abandoned) FROM analytics_funnel_step"
                + " WHERE hour_start >= ? AND hour_start < ?");
    List<Object> params = new ArrayList<>(List.of(utc(from), utc(to)));
    Map<String, String> filters = new LinkedHashMap<>();
    filters.put("mode", mode);
    filters.put("language", language);
    filters.put("channel", channel);
    filters.forEach(
        (column, value) -> {
          if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            params.add(value);
          }
        });
    sql.append(" GROUP BY step ORDER BY step");
    Query q = em.createNativeQuery(sql.toString());
    for (int i = 0; i < params.size(); i++) {
      q.setParameter(i + 1, params.get(i));
    }
    List<StepTotals> steps = new ArrayList<>();
    for (Object row : q.getResultList()) {
      Object[] r = (Object[]) row;
      steps.add(
          new StepTotals(
              (String) r[0],
              ((Number) r[1]).longValue(),
              ((Number) r[2]).longValue(),
              ((Number) r[3]).longValue()));
    }
    return steps;
  }

  private static Map<String, Long> categories(Object json) {
    Map<String, Long> byCategory = new TreeMap<>();
    if (json == null) {
      return byCategory;
    }
    try (var reader = JSON.createReader(new StringReader(json.toString()))) {
      JsonObject o = reader.readObject();
      for (Map.Entry<String, JsonValue> e : o.entrySet()) {
        if (e.getValue() instanceof JsonNumber n) {
          byCategory.put(e.getKey(), n.longValue());
        }
      }
    }
    return byCategory;
  }
}
