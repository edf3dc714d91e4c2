/**
 * The ticket aggregate: one after-sales case about one order. Tickets change state only here,
 * through {@link io.keydesk.domain.model.ticket.Ticket}'s intention-revealing methods, guarded by
 * {@link io.keydesk.domain.model.ticket.TicketStatus}; every change lands on the ticket's timeline
 * and is announced as a {@link io.keydesk.domain.model.ticket.TicketChange}.
 */
package io.keydesk.domain.model.ticket;
