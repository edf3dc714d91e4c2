package io.keydesk.application;

/**
 * A ticket changed (a transition, a visible message, a rating). Fired as a CDI event inside the
 * transaction that changed it ({@code fromTopic} false); observers that talk to the outside world
 * observe it {@code during = AFTER_SUCCESS}, so nothing is announced for a change that rolled back.
 * Also fired, outside any transaction, for every event read from the tickets topic ({@code
 * fromTopic} true): that is how a change committed on another instance reaches this one. Carries
 * only the ticket number, never its content.
 */
public record TicketUpdated(String ticketNo, boolean fromTopic) {}
