package io.keydesk.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.keydesk.events.EventTypes;
import io.keydesk.events.TicketEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast instant reader of the input events gives exactly what {@link Instant#parse} gives, and
 * leaves every other form to Jackson, so an event is accepted or rejected as before.
 */
class FastInstantDeserializerTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-25T10:15:30Z",
        "2026-11-25T00:00:00Z",
        "2026-11-25T23:59:59Z",
        "2026-11-25T10:15:30.1Z",
        "2026-11-25T10:15:30.123Z",
        "2026-11-25T10:15:30.123456Z",
        "2026-11-25T10:15:30.123456789Z",
        "2024-02-29T12:00:00Z",
        "1970-01-01T00:00:00Z",
        "1969-12-31T23:59:59.999Z",
        "0001-01-01T00:00:00Z"
      })
  void theCommonFormIsReadAsInstantParseReadsIt(String text) {
    assertEquals(Instant.parse(text), FastInstantDeserializer.parse(text));
    assertEquals(Instant.parse(text), bind(text).occurredAt());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-25T10:15:30+01:00",
        "2026-11-25T10:15:30.Z",
        "2026-11-25T10:15:30.1234567890Z",
        "2026-11-25t10:15:30Z",
        "2026-11-25T10:15:30z",
        " 2026-11-25T10:15:30Z",
        "2026-11-25T24:00:00Z",
        "2026-11-25T10:60:00Z",
        "2026-12-31T23:59:60Z",
        "2026-02-29T10:15:30Z",
        "2026-13-01T10:15:30Z",
        "+2026-11-25T10:15:30Z",
        "2026-11-25 10:15:30Z",
        "1764065730000",
        "yesterday"
      })
  void everyOtherFormIsLeftToJackson(String text) {
    assertNull(FastInstantDeserializer.parse(text));
    Instant jackson;
    try {
      jackson = JsonSerde.MAPPER.readValue(json(text), TicketEvent.class).occurredAt();
    } catch (IOException rejected) {
      jackson = null;
    }
    Parsed<TicketEvent> parsed = parse(text);
    assertEquals(jackson, parsed.isAccepted() ? parsed.event().occurredAt() : null, text);
  }

  private static TicketEvent bind(String occurredAt) {
    return parse(occurredAt).event();
  }

  private static Parsed<TicketEvent> parse(String occurredAt) {
    return EventParser.TICKETS.parse(json(occurredAt));
  }

  private static byte[] json(String occurredAt) {
    String json =
        "{\"schemaVersion\":"
            + EventTypes.SCHEMA_VERSION
            + ",\"eventId\":\"e-1\",\"type\":\"TicketCreated\",\"occurredAt\":\""
            + occurredAt
            + "\",\"ticketNo\":\"T-1\",\"category\":\"INVALID_KEY\"}";
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
