package io.keydesk.domain.model.ticket;

/**
 * Something that happened to a ticket and must be announced: created, moved from one state to
 * another, received a message, or was rated by the buyer. Collected by the ticket, drained by the
 * application service into the outbox in the same transaction.
 */
public record TicketChange(Kind kind, TicketStatus from, TicketStatus to, Actor actor) {
  public enum Kind {
    CREATED,
    TRANSITIONED,
    MESSAGE_ADDED,
    RATED
  }
}
