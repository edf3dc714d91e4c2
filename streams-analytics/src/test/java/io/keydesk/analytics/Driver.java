package io.keydesk.analytics;

import io.keydesk.events.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The whole topology in a {@link TopologyTestDriver}, with raw input topics and typed output
 * topics. Every record is piped with an explicit record time (the relay's publish time; pass the
 * event time unless the test is about the difference).
 */
final class Driver implements AutoCloseable {

  final TopologyTestDriver driver;
  private final TestInputTopic<String, byte[]> tickets;
  private final TestInputTopic<String, byte[]> orders;
  private final TestInputTopic<String, byte[]> cardKeys;
  private final TestInputTopic<String, byte[]> funnel;

  Driver(Path stateDir) {
    this(stateDir, FraudThresholds.DEFAULTS);
  }

  Driver(Path stateDir, FraudThresholds thresholds) {
    Properties config =
        new StreamsSettings(
                "unused:9092", stateDir, "keydesk-analytics-test", (short) 1, 1, 1, false)
            .streamsConfig();
    driver = new TopologyTestDriver(AnalyticsTopology.build(config, thresholds), config);
    tickets = input(Topics.TICKETS);
    orders = input(Topics.ORDERS);
    cardKeys = input(Topics.CARD_KEYS);
    funnel = input(Topics.FUNNEL);
  }

  private TestInputTopic<String, byte[]> input(String topic) {
    return driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer());
  }

  <T> TestOutputTopic<String, T> output(String topic, Class<T> type) {
    return driver.createOutputTopic(
        topic, new StringDeserializer(), JsonSerde.of(type).deserializer());
  }

  TestOutputTopic<String, byte[]> deadLetters() {
    return driver.createOutputTopic(
        Topics.DEAD_LETTER, new StringDeserializer(), new ByteArrayDeserializer());
  }

  void ticket(String key, EventJson event, Instant recordTime) {
    tickets.pipeInput(key, event.bytes(), recordTime);
  }

  void order(String key, EventJson event, Instant recordTime) {
    orders.pipeInput(key, event.bytes(), recordTime);
  }

  void cardKey(String key, EventJson event, Instant recordTime) {
    cardKeys.pipeInput(key, event.bytes(), recordTime);
  }

  void funnel(String key, EventJson event, Instant recordTime) {
    funnel.pipeInput(key, event.bytes(), recordTime);
  }

  /** Lets the wall-clock schedules run once (the complaint rates are published on one). */
  void publishRates() {
    driver.advanceWallClockTime(ComplaintRates.PUBLISH_EVERY);
  }

  void raw(String topic, String key, String value, Instant recordTime) {
    input(topic).pipeInput(key, value.getBytes(StandardCharsets.UTF_8), recordTime);
  }

  @Override
  public void close() {
    driver.close();
  }
}
