package io.keydesk.domain.model.ticket;

/**
 * Something that happened to a ticket and must be announced: created, moved from one state to
 * another, received a message, was rated by the buyer, was assigned, flagged for a deadline at risk
 * or escalated. Collected by the ticket, drained by the application service into the outbox in the
 * same transaction. {@code detail} says more where the kind needs it (the assignee's username, the
 * escalation target, the deadline concerned); null otherwise.
 */
public record TicketChange(
    Kind kind, TicketStatus from, TicketStatus to, Actor actor, String detail) {
  public enum Kind {
    CREATED,
    TRANSITIONED,
    MESSAGE_ADDED,
    RATED,
    ASSIGNED,
    DEADLINE_AT_RISK,
    ESCALATED
  }

  public TicketChange(Kind kind, TicketStatus from, TicketStatus to, Actor actor) {
    this(kind, from, to, actor, null);
  }
}
