package io.keydesk.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keydesk.events.EventTypes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ticket events as the webapp writes them on the wire (JSON-B: ISO-8601 instants, null fields left
 * out), built from plain maps so tests do not depend on the job's own serde.
 */
final class TicketEventJson {

  private static final ObjectMapper PLAIN = new ObjectMapper();

  private final Map<String, Object> fields = new LinkedHashMap<>();

  private TicketEventJson() {}

  static TicketEventJson ticketCreated(
      String eventId, String ticketNo, String category, Instant occurredAt) {
    return event(eventId, EventTypes.TICKET_CREATED, ticketNo, category, occurredAt)
        .with("status", "OPEN")
        .with("actorType", "BUYER");
  }

  static TicketEventJson ticketTransitioned(
      String eventId, String ticketNo, String category, Instant occurredAt) {
    return event(eventId, EventTypes.TICKET_TRANSITIONED, ticketNo, category, occurredAt)
        .with("fromStatus", "OPEN")
        .with("status", "RESOLVED")
        .with("resolution", "REPLACEMENT_KEY")
        .with("actorType", "STAFF");
  }

  static TicketEventJson event(
      String eventId, String type, String ticketNo, String category, Instant occurredAt) {
    return new TicketEventJson()
        .with("eventId", eventId)
        .with("type", type)
        .with("schemaVersion", EventTypes.SCHEMA_VERSION)
        .with("occurredAt", occurredAt.toString())
        .with("ticketNo", ticketNo)
        .with("orderNo", "O-" + ticketNo)
        .with("productSku", "STEAM-50-EUR")
        .with("supplierCode", "SUP-1")
        .with("category", category);
  }

  TicketEventJson with(String field, Object value) {
    fields.put(field, value);
    return this;
  }

  TicketEventJson without(String field) {
    fields.remove(field);
    return this;
  }

  String text() {
    try {
      return PLAIN.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  byte[] bytes() {
    return text().getBytes(StandardCharsets.UTF_8);
  }
}
