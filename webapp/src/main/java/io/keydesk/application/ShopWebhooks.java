package io.keydesk.application;

import jakarta.json.bind.annotation.JsonbNumberFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Tells the shop about changes it must act on, by signed webhooks. {@link #enqueue} writes the
 * webhook in the caller's transaction (it requires one): it is sent only if the change commits, and
 * then retried until the shop acknowledges it with a 2xx. The shop may receive a webhook more than
 * once and dedupes by its event id.
 */
public interface ShopWebhooks {
  /** A refund was issued to the buyer ({@link RefundIssued}). */
  String REFUND_ISSUED = "refund.issued";

  /** The shop should stop selling a product ({@link ProductPaused}). */
  String PRODUCT_PAUSED = "product.paused";

  /** The shop may sell a paused product again ({@link ProductResumed}). */
  String PRODUCT_RESUMED = "product.resumed";

  /**
   * Queues a webhook.
   *
   * @param type e.g. {@link #REFUND_ISSUED}: lower-case words joined by dots
   * @param aggregateId what it is about (order number, SKU), up to 64 characters
   * @param payload the {@code data} of the webhook, serialised with JSON-B (one of the records
   *     here)
   * @return the event id the shop will see in {@code X-Keydesk-Event-Id}
   * @throws jakarta.persistence.TransactionRequiredException without a transaction
   */
  String enqueue(String type, String aggregateId, Object payload);

  /** {@code refund.issued}: money goes back to the buyer for these keys of the order. */
  record RefundIssued(
      String orderNo,
      List<Integer> keyIndexes,
      @JsonbNumberFormat(value = "0.00", locale = "en") BigDecimal amount,
      String currency,
      String ticketNo,
      String reason) {}

  /** {@code product.paused}: stop selling the product (e.g. a batch is failing). */
  record ProductPaused(String sku, String reason, Instant at) {}

  /** {@code product.resumed}: the product may be sold again. */
  record ProductResumed(String sku, Instant at) {}
}
