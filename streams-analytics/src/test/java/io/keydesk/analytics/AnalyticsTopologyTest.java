package io.keydesk.analytics;

import static io.keydesk.analytics.TicketEventJson.event;
import static io.keydesk.analytics.TicketEventJson.ticketCreated;
import static io.keydesk.analytics.TicketEventJson.ticketTransitioned;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.events.AnalyticsStores;
import io.keydesk.events.CategoryCount;
import io.keydesk.events.DeadLetterHeaders;
import io.keydesk.events.EventTypes;
import io.keydesk.events.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The tickets-per-category topology, driven record by record with explicit record times. */
class AnalyticsTopologyTest {

  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  @TempDir Path stateDir;

  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> tickets;
  private TestOutputTopic<String, CategoryCount> counts;
  private TestOutputTopic<String, byte[]> deadLetters;

  @BeforeEach
  void startDriver() {
    Properties config =
        new StreamsSettings(
                "unused:9092", stateDir, "keydesk-analytics-test", (short) 1, 1, 1, false)
            .streamsConfig();
    driver = new TopologyTestDriver(AnalyticsTopology.build(config), config);
    tickets =
        driver.createInputTopic(Topics.TICKETS, new StringSerializer(), new ByteArraySerializer());
    counts =
        driver.createOutputTopic(
            Topics.TICKETS_PER_CATEGORY,
            new StringDeserializer(),
            JsonSerde.of(CategoryCount.class).deserializer());
    deadLetters =
        driver.createOutputTopic(
            Topics.DEAD_LETTER, new StringDeserializer(), new ByteArrayDeserializer());
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void countsCreatedTicketsPerCategory() {
    created("e1", "T-1", "INVALID_KEY", T0);
    created("e2", "T-2", "ALREADY_REDEEMED", T0.plusSeconds(60));
    created("e3", "T-3", "INVALID_KEY", T0.plusSeconds(120));
    created("e4", "T-4", "INVALID_KEY", T0.plusSeconds(180));

    assertEquals(
        List.of(
            KeyValue.pair("INVALID_KEY", new CategoryCount("INVALID_KEY", 1)),
            KeyValue.pair("ALREADY_REDEEMED", new CategoryCount("ALREADY_REDEEMED", 1)),
            KeyValue.pair("INVALID_KEY", new CategoryCount("INVALID_KEY", 2)),
            KeyValue.pair("INVALID_KEY", new CategoryCount("INVALID_KEY", 3))),
        counts.readKeyValuesToList());
    assertEquals(Map.of("INVALID_KEY", 3L, "ALREADY_REDEEMED", 1L), storeContents());
    assertTrue(deadLetters.isEmpty());
  }

  @Test
  void publishesEachCountAsJsonKeyedByCategory() {
    TestOutputTopic<String, String> countsAsText =
        driver.createOutputTopic(
            Topics.TICKETS_PER_CATEGORY, new StringDeserializer(), new StringDeserializer());
    created("e1", "T-1", "INVALID_KEY", T0);

    TestRecord<String, String> record = countsAsText.readRecord();
    assertEquals("INVALID_KEY", record.key());
    assertEquals("{\"category\":\"INVALID_KEY\",\"count\":1}", record.value());
    assertEquals(T0, record.getRecordTime());
  }

  @Test
  void ignoresTicketEventsOtherThanCreated() {
    pipe("T-1", ticketTransitioned("e1", "T-1", "INVALID_KEY", T0));
    pipe(
        "T-1",
        event("e2", EventTypes.TICKET_MESSAGE_ADDED, "T-1", "INVALID_KEY", T0.plusSeconds(5)));
    pipe("T-1", event("e3", "TicketArchived", "T-1", "INVALID_KEY", T0.plusSeconds(10)));

    assertTrue(counts.isEmpty());
    assertEquals(Map.of(), storeContents());
    assertTrue(deadLetters.isEmpty(), "other and unknown event types are not errors");
  }

  @Test
  void countsARedeliveredEventOnce() {
    created("e1", "T-1", "INVALID_KEY", T0);
    // The relay crashed before marking e1 as sent and delivers it again a few minutes later.
    pipe("T-1", ticketCreated("e1", "T-1", "INVALID_KEY", T0), T0.plus(Duration.ofMinutes(3)));
    created("e2", "T-2", "INVALID_KEY", T0.plus(Duration.ofMinutes(4)));
    pipe("T-1", ticketCreated("e1", "T-1", "INVALID_KEY", T0), T0.plus(Duration.ofDays(6)));

    assertEquals(
        List.of(new CategoryCount("INVALID_KEY", 1), new CategoryCount("INVALID_KEY", 2)),
        counts.readValuesToList());
    assertEquals(Map.of("INVALID_KEY", 2L), storeContents());
  }

  @Test
  void countsOutOfOrderEventsAndStillDropsTheirDuplicates() {
    created("e3", "T-3", "INVALID_KEY", T0.plus(Duration.ofHours(3)));
    created("e1", "T-1", "INVALID_KEY", T0.plus(Duration.ofHours(1)));
    created("e2", "T-2", "WRONG_REGION", T0.plus(Duration.ofHours(2)));
    // A duplicate of e3 that is older than the original (a producer that stamps occurredAt).
    created("e3", "T-3", "INVALID_KEY", T0);
    created("e4", "T-4", "WRONG_REGION", T0.plus(Duration.ofMinutes(30)));

    assertEquals(
        Map.of(
            "INVALID_KEY", new CategoryCount("INVALID_KEY", 2),
            "WRONG_REGION", new CategoryCount("WRONG_REGION", 2)),
        counts.readKeyValuesToMap());
    assertEquals(Map.of("INVALID_KEY", 2L, "WRONG_REGION", 2L), storeContents());
  }

  @Test
  void aRedeliveryBeyondTheDedupHorizonCountsAgain() {
    created("e1", "T-1", "INVALID_KEY", T0);
    Instant afterHorizon = T0.plus(DropRedeliveredEvents.HORIZON).plus(Duration.ofDays(1));
    pipe("T-1", ticketCreated("e1", "T-1", "INVALID_KEY", T0), afterHorizon);

    assertEquals(Map.of("INVALID_KEY", 2L), storeContents());
  }

  @Test
  void sendsACorruptRecordToTheDeadLetterTopicAndGoesOn() {
    byte[] garbage = {(byte) 0xC3, 0x28, 0x00, (byte) 0xFF, '{', 'x'};
    tickets.pipeInput("T-1", garbage, T0);
    created("e2", "T-2", "INVALID_KEY", T0.plusSeconds(1));

    TestRecord<String, byte[]> dead = deadLetters.readRecord();
    assertEquals("T-1", dead.key());
    assertArrayEquals(garbage, dead.value());
    assertTrue(header(dead, DeadLetterHeaders.REASON).startsWith("not JSON"));
    assertEquals(Topics.TICKETS, header(dead, DeadLetterHeaders.SOURCE_TOPIC));
    assertEquals("0", header(dead, DeadLetterHeaders.SOURCE_OFFSET));
    assertEquals("keydesk-analytics-test", header(dead, DeadLetterHeaders.REJECTED_BY));
    assertTrue(deadLetters.isEmpty());

    assertEquals(List.of(new CategoryCount("INVALID_KEY", 1)), counts.readValuesToList());
  }

  @Test
  void sendsAnEventOfAnUnknownSchemaVersionToTheDeadLetterTopicAndGoesOn() {
    byte[] future = ticketCreated("e1", "T-1", "INVALID_KEY", T0).with("schemaVersion", 99).bytes();
    tickets.pipeInput("T-1", future, T0);
    created("e2", "T-2", "INVALID_KEY", T0.plusSeconds(1));

    TestRecord<String, byte[]> dead = deadLetters.readRecord();
    assertArrayEquals(future, dead.value());
    assertEquals(
        "unsupported schemaVersion 99 (this consumer reads <= 1)",
        header(dead, DeadLetterHeaders.REASON));
    assertTrue(deadLetters.isEmpty());

    assertEquals(List.of(new CategoryCount("INVALID_KEY", 1)), counts.readValuesToList());
    assertEquals(Map.of("INVALID_KEY", 1L), storeContents());
  }

  static Stream<Arguments> unusableRecords() {
    TicketEventJson good = ticketCreated("e1", "T-1", "INVALID_KEY", T0);
    return Stream.of(
        Arguments.of("empty value", new byte[0], "empty value"),
        Arguments.of("tombstone", null, "empty value"),
        Arguments.of("JSON array", "[1,2]".getBytes(StandardCharsets.UTF_8), "not a JSON object"),
        Arguments.of(
            "trailing garbage", (good.text() + " }}").getBytes(StandardCharsets.UTF_8), "not JSON"),
        Arguments.of(
            "no schemaVersion",
            ticketCreated("e1", "T-1", "X", T0).without("schemaVersion").bytes(),
            "missing field(s): schemaVersion"),
        Arguments.of(
            "schemaVersion 0",
            ticketCreated("e1", "T-1", "X", T0).with("schemaVersion", 0).bytes(),
            "invalid schemaVersion 0"),
        Arguments.of(
            "schemaVersion as a string",
            ticketCreated("e1", "T-1", "X", T0).with("schemaVersion", "1").bytes(),
            "schemaVersion is not an integer"),
        Arguments.of(
            "schemaVersion as a fraction",
            ticketCreated("e1", "T-1", "X", T0).with("schemaVersion", 1.5).bytes(),
            "schemaVersion is not an integer"),
        Arguments.of(
            "no eventId nor category",
            ticketCreated("e1", "T-1", "X", T0).without("eventId").without("category").bytes(),
            "missing field(s): eventId, category"),
        Arguments.of(
            "blank ticketNo",
            ticketCreated("e1", " ", "X", T0).bytes(),
            "missing field(s): ticketNo"),
        Arguments.of(
            "occurredAt not an instant",
            ticketCreated("e1", "T-1", "X", T0).with("occurredAt", "yesterday").bytes(),
            "invalid field: "));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unusableRecords")
  void sendsUnusableRecordsToTheDeadLetterTopic(String what, byte[] value, String reason) {
    tickets.pipeInput("T-1", value, T0);

    TestRecord<String, byte[]> dead = deadLetters.readRecord();
    assertArrayEquals(value, dead.value());
    assertTrue(
        header(dead, DeadLetterHeaders.REASON).startsWith(reason),
        () -> "reason was: " + header(dead, DeadLetterHeaders.REASON));
    assertTrue(counts.isEmpty());
  }

  @Test
  void acceptsAnEventWithExtraFieldsAndWithoutOptionalOnes() {
    pipe(
        "T-1",
        ticketCreated("e1", "T-1", "INVALID_KEY", T0)
            .with("channel", "WIDGET")
            .without("orderNo")
            .without("actorType"));

    assertEquals(Map.of("INVALID_KEY", 1L), storeContents());
    assertTrue(deadLetters.isEmpty());
  }

  private void created(String eventId, String ticketNo, String category, Instant at) {
    pipe(ticketNo, ticketCreated(eventId, ticketNo, category, at), at);
  }

  private void pipe(String ticketNo, TicketEventJson event) {
    pipe(ticketNo, event, T0);
  }

  private void pipe(String ticketNo, TicketEventJson event, Instant recordTime) {
    tickets.pipeInput(ticketNo, event.bytes(), recordTime);
  }

  private Map<String, Long> storeContents() {
    KeyValueStore<String, ValueAndTimestamp<Long>> store =
        driver.getTimestampedKeyValueStore(AnalyticsStores.TICKETS_PER_CATEGORY);
    Map<String, Long> contents = new HashMap<>();
    try (KeyValueIterator<String, ValueAndTimestamp<Long>> all = store.all()) {
      all.forEachRemaining(entry -> contents.put(entry.key, entry.value.value()));
    }
    return contents;
  }

  private static String header(TestRecord<String, byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    assertNotNull(header, () -> "header " + name + " missing");
    return new String(header.value(), StandardCharsets.UTF_8);
  }
}
