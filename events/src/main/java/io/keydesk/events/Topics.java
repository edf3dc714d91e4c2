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

  private Topics() {}
}
