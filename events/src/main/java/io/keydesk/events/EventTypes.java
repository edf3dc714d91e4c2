package io.keydesk.events;

/** Values of the {@code type} field of every event. */
public final class EventTypes {
  public static final String ORDER_IMPORTED = "OrderImported";
  public static final String ORDER_UPDATED = "OrderUpdated";
  public static final String CARD_KEY_STATUS_CHANGED = "CardKeyStatusChanged";
  public static final String TICKET_CREATED = "TicketCreated";
  public static final String TICKET_TRANSITIONED = "TicketTransitioned";
  public static final String TICKET_MESSAGE_ADDED = "TicketMessageAdded";

  /** The buyer rated a resolved or closed case (the score stays on the ticket). */
  public static final String TICKET_RATED = "TicketRated";

  /**
   * A ticket went to a member of staff (automatically or by a supervisor); see the audit log for
   * whom.
   */
  public static final String TICKET_ASSIGNED = "TicketAssigned";

  /** A ticket is about to miss its first-response or resolution target. */
  public static final String TICKET_DEADLINE_AT_RISK = "TicketDeadlineAtRisk";

  /**
   * A ticket was escalated to a supervisor or to the supplier (by staff, or on a missed target).
   */
  public static final String TICKET_ESCALATED = "TicketEscalated";

  /** One step of the after-sales funnel ({@link FunnelEvent}). */
  public static final String FUNNEL_STEP = "FUNNEL_STEP";

  /** The schema version written by this build; consumers accept this version and older ones. */
  public static final int SCHEMA_VERSION = 1;

  private EventTypes() {}
}
