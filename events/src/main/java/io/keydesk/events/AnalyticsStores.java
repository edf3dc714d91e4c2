package io.keydesk.events;

/**
 * Names of the state stores of the streams job, shared by the topology, its tests and any
 * interactive query layer. Changing a name orphans the store and its changelog topic: add a new one
 * instead.
 */
public final class AnalyticsStores {
  /** Key-value store: category → number of distinct tickets created in it. Queryable. */
  public static final String TICKETS_PER_CATEGORY = "tickets-per-category";

  /** Window store of the ticket event ids seen recently, used to drop re-delivered events. */
  public static final String TICKET_EVENT_IDS = "ticket-event-ids";

  /**
   * Window store of recently seen funnel event ids (dedup, 7 days); no longer used since
   * 2026-11-26: the funnel sessions keep the ids of their events ({@link #FUNNEL_SESSIONS}). Its
   * changelog topic can be deleted.
   */
  public static final String FUNNEL_EVENT_IDS = "funnel-event-ids";

  /**
   * Key-value store: order number → what the job knows of the order (product, supplier, batches and
   * fingerprints of its keys, redemptions), joined from orders, card keys and tickets.
   */
  public static final String ORDER_FACTS = "order-facts";

  /**
   * Window store (1-hour windows, 8 days retained): {@code scope|id} → delivered and complaints in
   * that hour. Complaint rates are sums of these buckets. Queryable.
   */
  public static final String COMPLAINT_BUCKETS = "complaint-buckets";

  /** Key-value store: {@code scope|id|window} → the latest {@link ComplaintRate}. Queryable. */
  public static final String COMPLAINT_RATES = "complaint-rates";

  /** Key-value store: product SKU → baseline (EWMA of hourly rate) of the spike detector. */
  public static final String PRODUCT_BASELINES = "product-baselines";

  /**
   * Key-value store: funnel session id → the open session's state and the ids of the events seen
   * under that id in the last 7 days (after the session idled out: the ids only, for 7 to 10.5
   * days).
   */
  public static final String FUNNEL_SESSIONS = "funnel-sessions";

  /**
   * Key-value store: {@code step|mode|language|channel|hourStart} → {@link FunnelStepCount}.
   * Queryable.
   */
  public static final String FUNNEL_STEP_COUNTS = "funnel-step-counts";

  /** Key-value store: {@code dimension|subject|window|windowStart} → fraud counters. */
  public static final String FRAUD_COUNTERS = "fraud-counters";

  private AnalyticsStores() {}
}
