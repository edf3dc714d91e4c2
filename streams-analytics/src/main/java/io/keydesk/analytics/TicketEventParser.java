package io.keydesk.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.keydesk.events.EventTypes;
import io.keydesk.events.TicketEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the bytes of a ticket event and decides whether this job can use it. Rejects, with a reason
 * a person can act on: empty values, bytes that are not one JSON object, a missing or newer {@code
 * schemaVersion} than {@link EventTypes#SCHEMA_VERSION}, fields of the wrong type, and missing
 * required fields ({@code eventId}, {@code type}, {@code occurredAt}, {@code ticketNo}, plus {@code
 * category} on {@code TicketCreated}). Unknown extra fields are ignored; unknown event types are
 * accepted (and then ignored by the counts).
 */
final class TicketEventParser {

  private TicketEventParser() {}

  static ParsedTicketEvent parse(byte[] value) {
    if (value == null || value.length == 0) {
      return ParsedTicketEvent.rejected("empty value", value);
    }
    JsonNode tree;
    try {
      tree = JsonSerde.MAPPER.readTree(value);
    } catch (IOException e) {
      return ParsedTicketEvent.rejected("not JSON: " + originalMessage(e), value);
    }
    if (tree == null || !tree.isObject()) {
      return ParsedTicketEvent.rejected("not a JSON object", value);
    }

    JsonNode version = tree.get("schemaVersion");
    if (version == null || version.isNull()) {
      return ParsedTicketEvent.rejected("missing field(s): schemaVersion", value);
    }
    if (!version.isIntegralNumber() || !version.canConvertToInt()) {
      return ParsedTicketEvent.rejected("schemaVersion is not an integer: " + version, value);
    }
    int schemaVersion = version.intValue();
    if (schemaVersion > EventTypes.SCHEMA_VERSION) {
      return ParsedTicketEvent.rejected(
          "unsupported schemaVersion "
              + schemaVersion
              + " (this consumer reads <= "
              + EventTypes.SCHEMA_VERSION
              + ")",
          value);
    }
    if (schemaVersion < 1) {
      return ParsedTicketEvent.rejected("invalid schemaVersion " + schemaVersion, value);
    }

    TicketEvent event;
    try {
      event = JsonSerde.MAPPER.treeToValue(tree, TicketEvent.class);
    } catch (JsonProcessingException e) {
      return ParsedTicketEvent.rejected("invalid field: " + originalMessage(e), value);
    }

    List<String> missing = new ArrayList<>();
    requireText(event.eventId(), "eventId", missing);
    requireText(event.type(), "type", missing);
    if (event.occurredAt() == null) {
      missing.add("occurredAt");
    }
    requireText(event.ticketNo(), "ticketNo", missing);
    if (EventTypes.TICKET_CREATED.equals(event.type())) {
      requireText(event.category(), "category", missing);
    }
    if (!missing.isEmpty()) {
      return ParsedTicketEvent.rejected("missing field(s): " + String.join(", ", missing), value);
    }
    return ParsedTicketEvent.accepted(event);
  }

  private static void requireText(String value, String field, List<String> missing) {
    if (value == null || value.isBlank()) {
      missing.add(field);
    }
  }

  /** Jackson's message without the location suffix (which could quote the payload). */
  private static String originalMessage(IOException e) {
    String message =
        e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
