package io.keydesk.events;

import java.time.Instant;

/**
 * A ticket was created, changed state or received a message. Key = {@code ticketNo}. {@code
 * fromStatus} is null on creation; {@code resolution} is set once the ticket is resolved; {@code
 * actorType} is BUYER, STAFF or SYSTEM.
 */
public record TicketEvent(
    String eventId,
    String type,
    int schemaVersion,
    Instant occurredAt,
    String ticketNo,
    String orderNo,
    String productSku,
    String supplierCode,
    String category,
    String fromStatus,
    String status,
    String resolution,
    String actorType) {}
