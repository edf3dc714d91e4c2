package io.keydesk.domain.model.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Reads for supplier reports (indexed, scoped to one supplier) and the scheduled runs' claims. */
public interface ReportRepository {
  /** A supplier as reports name it. */
  record SupplierRef(long id, String code, String name) {}

  /** Orders paid in the period, per product (every product of the supplier, also with none). */
  record ProductOrders(String sku, String name, long orders) {}

  /** Orders paid in the period with a key from this batch. */
  record BatchOrders(String sku, String batch, long orders) {}

  /** Orders paid on one UTC day. */
  record DayOrders(LocalDate day, long orders) {}

  /**
   * One ticket filed in the period: its product, the batch of its key (the ticket's key, else the
   * order's first key; null when the key has no batch), category, resolution and times.
   */
  record TicketRow(
      String sku,
      String batch,
      String category,
      String resolution,
      String description,
      Instant createdAt,
      Instant firstResponseAt,
      Instant resolvedAt) {}

  /** An active supplier manager who receives scheduled reports. */
  record Recipient(long staffId, long supplierId, String username, String email, String language) {}

  Optional<SupplierRef> supplier(long id);

  Optional<SupplierRef> supplierByCode(String code);

  List<SupplierRef> suppliers();

  List<ProductOrders> ordersByProduct(long supplierId, Instant from, Instant to);

  List<BatchOrders> ordersByBatch(long supplierId, Instant from, Instant to);

  List<DayOrders> ordersByDay(long supplierId, Instant from, Instant to);

  List<TicketRow> tickets(long supplierId, Instant from, Instant to);

  /** Active supplier managers with an e-mail address. */
  List<Recipient> recipients();

  /**
   * Claims one scheduled run: true when this caller created the row, or took over a claim that
   * expired (its sender crashed) and was tried fewer than {@code maxAttempts} times.
   */
  boolean claim(
      Recipient to,
      String kind,
      Instant periodStart,
      Instant periodEnd,
      String instance,
      Instant now,
      Instant claimedUntil,
      int maxAttempts);

  void markSent(Recipient to, String kind, Instant periodStart, Instant at);

  /** A failed send: claimable again after {@code retryAt}. */
  void markRetry(Recipient to, String kind, Instant periodStart, String error, Instant retryAt);

  /** How many runs of this kind and period were sent to this recipient (tests, operations). */
  long sentCount(long staffId, String kind, Instant periodStart);
}
