package io.keydesk.analytics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.events.ComplaintRate;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The job's two wire forms: JSON for others' topics, Smile for its own stores and repartitions. */
class JsonSerdeTest {

  private static final ComplaintRate RATE =
      new ComplaintRate(
          1,
          "product",
          "STEAM-100",
          "24h",
          Instant.parse("2026-11-24T10:00:00.123Z"),
          Instant.parse("2026-11-25T10:00:00Z"),
          40,
          3,
          Map.of("INVALID_KEY", 2L, "NOT_RECEIVED", 1L),
          0.075);

  @Test
  void binaryValuesRoundTripAndAreSmallerThanJson() {
    JsonSerde<ComplaintRate> binary = JsonSerde.binary(ComplaintRate.class);
    byte[] smile = binary.serializer().serialize("t", RATE);
    byte[] json = JsonSerde.of(ComplaintRate.class).serializer().serialize("t", RATE);

    assertArrayEquals(new byte[] {':', ')', '\n'}, java.util.Arrays.copyOf(smile, 3));
    assertTrue(smile.length < json.length, smile.length + " vs " + json.length);
    assertEquals(RATE, binary.deserializer().deserialize("t", smile));
  }

  @Test
  void binaryReadsTheJsonOfEarlierVersions() {
    byte[] json = JsonSerde.of(ComplaintRate.class).serializer().serialize("t", RATE);
    assertEquals(RATE, JsonSerde.binary(ComplaintRate.class).deserializer().deserialize("t", json));
  }

  @Test
  void jsonStaysTextWithIsoInstants() {
    byte[] json = JsonSerde.of(ComplaintRate.class).serializer().serialize("t", RATE);
    assertTrue(
        new String(json, StandardCharsets.UTF_8)
            .contains("\"windowEnd\":\"2026-11-25T10:00:00Z\""));
  }
}
