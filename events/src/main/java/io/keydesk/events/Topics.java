package io.keydesk.events;

/** Kafka topic names, shared by producers, the streams job and tests. */
public final class Topics {
  /** Order imports and updates, keyed by order number. */
  public static final String ORDERS = "keydesk.orders.v1";

  /** Card key status changes (delivered, redeemed, voided), keyed by order number. */
  public static final String CARD_KEYS = "keydesk.card-keys.v1";

  /** Ticket creation, transitions and messages, keyed by ticket number. */
  public static final String TICKETS = "keydesk.tickets.v1";

  /**
   * Steps of the buyers' after-sales flow (viewed, completed, deflected by an answer, handed off,
   * submitted, left), keyed by the flow's session id.
   */
  public static final String FUNNEL = "keydesk.funnel.v1";

  /** Records a consumer could not read, with the reason in the headers. */
  public static final String DEAD_LETTER = "keydesk.dead-letter.v1";

  /** Result of the streams job: running count of tickets per category, keyed by category. */
  public static final String TICKETS_PER_CATEGORY = "keydesk.analytics.tickets-per-category.v1";

  /**
   * Result of the streams job: complaint rate per product, supplier and key batch over 1 h, 24 h
   * and 7 d, keyed {@code scope|id|window} (e.g. {@code product|STEAM-100|24h}); value {@link
   * ComplaintRate}. Read as a table (compacted).
   */
  public static final String COMPLAINT_RATES = "keydesk.analytics.complaint-rates.v1";

  /**
   * Result of the streams job: a product's complaint rate spiked; key product SKU. {@link
   * ProductAlert}
   */
  public static final String PRODUCT_ALERTS = "keydesk.analytics.product-alerts.v1";

  /**
   * Result of the streams job: per hour, step, mode, language and channel, sessions that entered,
   * completed and abandoned the step; keyed {@code step|mode|language|channel|hourStart}; value
   * {@link FunnelStepCount}. Read as a table (compacted).
   */
  public static final String FUNNEL_STEPS = "keydesk.analytics.funnel-steps.v1";

  /**
   * Result of the streams job: a fraud signal; key {@code kind|subject}; value {@link FraudSignal}.
   */
  public static final String FRAUD_SIGNALS = "keydesk.analytics.fraud-signals.v1";

  private Topics() {}
}
