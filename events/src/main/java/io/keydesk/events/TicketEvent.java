package io.keydesk.events;

import java.time.Instant;
import java.util.List;

/**
 * A ticket was created, changed state or received a message. Key = {@code ticketNo}. {@code
 * fromStatus} is null on creation; {@code resolution} is set once the ticket is resolved; {@code
 * actorType} is BUYER, STAFF or SYSTEM.
 *
 * <p>The origin fields feed the fraud signals of the streams job and are nullable: {@code
 * contactHash} identifies the buyer (a keyed hash of the normalized contact, never the contact),
 * {@code clientIp} and {@code deviceId} where the claim came from, {@code keyFingerprints} the
 * fingerprints of the keys the ticket is about.
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
    String actorType,
    String contactHash,
    String clientIp,
    String deviceId,
    List<String> keyFingerprints) {

  /** An event without the origin fields (they are optional on the wire). */
  public TicketEvent(
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
      String actorType) {
    this(
        eventId,
        type,
        schemaVersion,
        occurredAt,
        ticketNo,
        orderNo,
        productSku,
        supplierCode,
        category,
        fromStatus,
        status,
        resolution,
        actorType,
        null,
        null,
        null,
        null);
  }
}
