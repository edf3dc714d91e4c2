package io.keydesk.domain.model.analytics;

import io.keydesk.events.ComplaintRate;
import io.keydesk.events.FunnelStepCount;
import io.keydesk.events.ProductAlert;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The read-model tables of the streams job's results. Every write is idempotent. */
public interface AnalyticsRepository {
  /**
   * Upserts the rate of a record key: replaces the row only when {@code rate} is at least as new
   * (window end, then volume). Returns whether the row changed.
   */
  boolean upsertRate(String key, ComplaintRate rate, Instant now);

  /** Upserts the counts of a record key, keeping the larger of each count. */
  boolean upsertFunnelStep(String key, FunnelStepCount count, Instant now);

  /** Stores an alert once per product and hour; its id when it is new, empty when it was known. */
  Optional<Long> insertAlert(ProductAlert alert, Instant now);

  /**
   * The buyers of the product (of these key batches; of any batch when empty) whose order was paid
   * since {@code paidSince} and who have not filed a ticket about that order, one order per
   * contact.
   */
  List<Buyer> buyersToWarn(String sku, List<String> batches, Instant paidSince, int limit);

  /** Records that a buyer was told about an alert; false when they already were. */
  boolean markNotified(long alertId, String contact, String orderNo, Instant now);

  /** What predictive after-sales did with an alert. */
  void alertHandled(long alertId, int notified, boolean paused);

  /** Rates of one scope and window, highest first; {@code supplierId} narrows to one supplier. */
  List<RateRow> rates(String scope, String window, Long supplierId, int page, int size);

  long countRates(String scope, String window, Long supplierId);

  /** Funnel counts per step summed over {@code [from, to)}; null filters match anything. */
  List<StepTotals> funnel(Instant from, Instant to, String mode, String language, String channel);

  /** A buyer to warn: the contact of one of their orders. */
  record Buyer(String contact, String orderNo) {}

  /** One complaint-rate row. */
  record RateRow(
      String scope,
      String id,
      String window,
      Instant windowStart,
      Instant windowEnd,
      long delivered,
      long complaints,
      java.util.Map<String, Long> byCategory,
      double rate) {}

  /** One step of the funnel summed over a range. */
  record StepTotals(String step, long entered, long completed, long abandoned) {}
}
