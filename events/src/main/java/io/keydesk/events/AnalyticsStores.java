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

  private AnalyticsStores() {}
}
