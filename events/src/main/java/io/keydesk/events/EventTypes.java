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

  /** One step of the after-sales funnel ({@link FunnelEvent}). */
  public static final String FUNNEL_STEP = "FUNNEL_STEP";

  /** The schema version written by this build; consumers accept this version and older ones. */
  public static final int SCHEMA_VERSION = 1;

  private EventTypes() {}
}
