package io.keydesk.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keydesk.events.EventTypes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Order, card-key, ticket and funnel events as the webapp writes them on the wire (ISO-8601
 * instants, null fields left out), built from plain maps so tests do not depend on the job's serde.
 */
final class EventJson {

  private static final ObjectMapper PLAIN = new ObjectMapper();
  private static int ids;

  private final Map<String, Object> fields = new LinkedHashMap<>();

  private EventJson(String type, String timeField, Instant at) {
    with("eventId", "ev-" + (++ids));
    with("type", type);
    with("schemaVersion", EventTypes.SCHEMA_VERSION);
    with(timeField, at.toString());
  }

  /** An imported order with its keys delivered. */
  static EventJson order(String orderNo, String sku, String supplier, Instant at) {
    return new EventJson(EventTypes.ORDER_IMPORTED, "occurredAt", at)
        .with("orderNo", orderNo)
        .with("productSku", sku)
        .with("supplierCode", supplier)
        .with("quantity", 1)
        .with("amount", 10.00)
        .with("currency", "CNY")
        .with("paidAt", at.toString())
        .with("deliveredKeys", 1);
  }

  static EventJson cardKey(
      String orderNo, int keyIndex, String fingerprint, String batch, String status, Instant at) {
    return new EventJson(EventTypes.CARD_KEY_STATUS_CHANGED, "occurredAt", at)
        .with("orderNo", orderNo)
        .with("keyIndex", keyIndex)
        .with("fingerprint", fingerprint)
        .with("batchCode", batch)
        .with("productSku", "STEAM-100")
        .with("status", status);
  }

  static EventJson ticketCreated(
      String ticketNo, String orderNo, String sku, String supplier, String category, Instant at) {
    return new EventJson(EventTypes.TICKET_CREATED, "occurredAt", at)
        .with("ticketNo", ticketNo)
        .with("orderNo", orderNo)
        .with("productSku", sku)
        .with("supplierCode", supplier)
        .with("category", category)
        .with("status", "SUBMITTED")
        .with("actorType", "BUYER");
  }

  static EventJson ticketRefunded(String ticketNo, String orderNo, Instant at) {
    return new EventJson(EventTypes.TICKET_TRANSITIONED, "occurredAt", at)
        .with("ticketNo", ticketNo)
        .with("orderNo", orderNo)
        .with("productSku", "STEAM-100")
        .with("supplierCode", "VALVE-CN")
        .with("category", "WRONG_PURCHASE")
        .with("fromStatus", "IN_REVIEW")
        .with("status", "RESOLVED")
        .with("resolution", "REFUNDED")
        .with("actorType", "STAFF");
  }

  static EventJson funnel(String sessionId, String step, String action, Instant at) {
    return new EventJson(EventTypes.FUNNEL_STEP, "at", at)
        .with("sessionId", sessionId)
        .with("step", step)
        .with("action", action)
        .with("mode", "novice")
        .with("language", "zh-CN")
        .with("channel", "web");
  }

  EventJson with(String field, Object value) {
    if (value == null) {
      fields.remove(field);
    } else {
      fields.put(field, value instanceof List<?> list ? List.copyOf(list) : value);
    }
    return this;
  }

  String eventId() {
    return (String) fields.get("eventId");
  }

  byte[] bytes() {
    try {
      return PLAIN.writeValueAsString(fields).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
