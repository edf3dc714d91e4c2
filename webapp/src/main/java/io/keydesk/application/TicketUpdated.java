package io.keydesk.application;

/**
 * A ticket changed (a transition, a visible message, a rating). Fired as a CDI event inside the
 * transaction that changed it; observers that talk to the outside world observe it {@code during =
 * AFTER_SUCCESS}, so nothing is announced for a change that rolled back. Carries only the ticket
 * number, never its content.
 */
public record TicketUpdated(String ticketNo) {}
