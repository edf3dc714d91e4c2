package io.keydesk.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.events.ComplaintRate;
import io.keydesk.events.DeadLetterHeaders;
import io.keydesk.events.FunnelStepCount;
import io.keydesk.events.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every input topic: a corrupt or unusable record goes to the dead-letter topic with its reason and
 * source, and the next good record of the same topic is still processed.
 */
class InputContractTest {

  private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

  @TempDir Path stateDir;

  static Stream<Arguments> unusableRecords() {
    return Stream.of(
        Arguments.of(Topics.ORDERS, "{\"orderNo\":", "not JSON"),
        Arguments.of(
            Topics.ORDERS,
            "{\"eventId\":\"x\",\"type\":\"OrderImported\",\"schemaVersion\":2,"
                + "\"occurredAt\":\"2026-11-25T10:00:00Z\",\"orderNo\":\"O-9\"}",
            "unsupported schemaVersion 2"),
        Arguments.of(
            Topics.ORDERS,
            "{\"eventId\":\"x\",\"type\":\"OrderImported\",\"schemaVersion\":1,"
                + "\"occurredAt\":\"2026-11-25T10:00:00Z\",\"orderNo\":\"O-9\"}",
            "missing field(s): productSku, supplierCode"),
        Arguments.of(Topics.CARD_KEYS, "[1,2]", "not a JSON object"),
        Arguments.of(
            Topics.CARD_KEYS,
            "{\"eventId\":\"x\",\"type\":\"CardKeyStatusChanged\",\"schemaVersion\":1,"
                + "\"occurredAt\":\"yesterday\",\"orderNo\":\"O-9\"}",
            "invalid field"),
        Arguments.of(Topics.TICKETS, "", "empty value"),
        Arguments.of(Topics.FUNNEL, "not json at all", "not JSON"),
        Arguments.of(
            Topics.FUNNEL,
            "{\"eventId\":\"x\",\"type\":\"FUNNEL_STEP\",\"schemaVersion\":1,"
                + "\"at\":\"2026-11-25T10:00:00Z\",\"sessionId\":\"s-1\",\"step\":\"PAYMENT\","
                + "\"action\":\"VIEWED\",\"language\":\"en\",\"channel\":\"web\"}",
            "unknown step PAYMENT"),
        Arguments.of(
            Topics.FUNNEL,
            "{\"eventId\":\"x\",\"type\":\"FUNNEL_STEP\",\"schemaVersion\":1,"
                + "\"at\":\"2026-11-25T10:00:00Z\",\"sessionId\":\"s-1\",\"step\":\"ORDER\","
                + "\"action\":\"JUMPED\",\"language\":\"en\",\"channel\":\"web\"}",
            "unknown action JUMPED"));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("unusableRecords")
  void anUnusableRecordGoesToTheDeadLetterTopicAndTheJobGoesOn(
      String topic, String value, String reason) {
    try (Driver driver = new Driver(stateDir)) {
      var deadLetters = driver.deadLetters();
      driver.raw(topic, "k-1", value, T);

      TestRecord<String, byte[]> dead = deadLetters.readRecord();
      assertEquals("k-1", dead.key());
      assertEquals(value, new String(dead.value(), StandardCharsets.UTF_8));
      String why = header(dead, DeadLetterHeaders.REASON);
      assertTrue(why.startsWith(reason), why);
      assertEquals(topic, header(dead, DeadLetterHeaders.SOURCE_TOPIC));
      assertEquals("keydesk-analytics-test", header(dead, DeadLetterHeaders.REJECTED_BY));

      // the next good record of the same topic is processed
      goodRecord(driver, topic);
      assertTrue(deadLetters.isEmpty());
      assertTrue(producedSomething(driver, topic), "the job went on after the bad record");
    }
  }

  private static void goodRecord(Driver driver, String topic) {
    switch (topic) {
      case Topics.ORDERS -> driver.order("O-1", EventJson.order("O-1", "SKU-1", "SUP-1", T), T);
      case Topics.CARD_KEYS ->
          driver.cardKey("O-1", EventJson.cardKey("O-1", 0, "fp-1", "B-1", "DELIVERED", T), T);
      case Topics.TICKETS ->
          driver.ticket(
              "T-1", EventJson.ticketCreated("T-1", "O-1", "SKU-1", "SUP-1", "OTHER", T), T);
      case Topics.FUNNEL -> driver.funnel("s-1", EventJson.funnel("s-1", "ORDER", "VIEWED", T), T);
      default -> throw new IllegalArgumentException(topic);
    }
  }

  private static boolean producedSomething(Driver driver, String topic) {
    if (Topics.FUNNEL.equals(topic)) {
      return !driver.output(Topics.FUNNEL_STEPS, FunnelStepCount.class).isEmpty();
    }
    driver.publishRates();
    List<ComplaintRate> rates =
        driver.output(Topics.COMPLAINT_RATES, ComplaintRate.class).readValuesToList();
    return !rates.isEmpty();
  }

  private static String header(TestRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
