package io.keydesk.analytics;

import static io.keydesk.analytics.TicketEventJson.ticketCreated;
import static io.keydesk.analytics.TicketEventJson.ticketTransitioned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.embedded.KafkaBroker;
import io.keydesk.embedded.Ports;
import io.keydesk.events.DeadLetterHeaders;
import io.keydesk.events.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end against a real single-node KRaft broker: the real {@link StreamsApp} (exactly_once_v2)
 * counts tickets the way the webapp's relay publishes them, including a re-delivered event and a
 * corrupt record, and a read_committed consumer sees the counts.
 */
class TicketsPerCategoryIT {

  private static final Duration PATIENCE = Duration.ofMinutes(2);

  /** Recent: the broker deletes records older than its retention (by their timestamps). */
  private static final Instant T0 =
      Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);

  @TempDir Path tmp;

  private KafkaBroker broker;
  private StreamsApp app;

  @BeforeEach
  void startBrokerAndApp() throws InterruptedException {
    broker = KafkaBroker.start(tmp.resolve("kafka"), Ports.freePort());
    // One partition, so that records are processed in the order produced and the last one can
    // serve as a marker that everything before it has been processed.
    StreamsSettings settings =
        new StreamsSettings(
            broker.bootstrapServers(),
            tmp.resolve("streams"),
            "keydesk-analytics-it",
            (short) 1,
            1,
            1,
            true);
    app = StreamsApp.start(settings);
    assertTrue(app.awaitRunning(PATIENCE), () -> "app not RUNNING but " + app.state());
  }

  @AfterEach
  void stopAppAndBroker() {
    if (app != null) {
      app.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void countsDistinctCreatedTicketsPerCategoryExactlyOnce() throws Exception {
    try (KafkaProducer<String, byte[]> relay = relay()) {
      send(relay, "T-1", ticketCreated("e1", "T-1", "INVALID_KEY", T0).bytes());
      send(relay, "T-2", ticketCreated("e2", "T-2", "ALREADY_REDEEMED", T0.plusSeconds(1)).bytes());
      send(relay, "T-1", ticketTransitioned("e3", "T-1", "INVALID_KEY", T0.plusSeconds(2)).bytes());
      send(relay, "T-3", ticketCreated("e4", "T-3", "INVALID_KEY", T0.plusSeconds(3)).bytes());
      send(relay, "T-1", ticketCreated("e1", "T-1", "INVALID_KEY", T0).bytes()); // re-delivery
      send(relay, "T-4", "{not json".getBytes(StandardCharsets.UTF_8));
      send(relay, "T-5", ticketCreated("e5", "T-5", "WRONG_REGION", T0.plusSeconds(5)).bytes());
    }

    Map<String, String> latest = new HashMap<>();
    List<String> all = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        readCommitted(new StringDeserializer(), Topics.TICKETS_PER_CATEGORY)) {
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (!latest.containsKey("WRONG_REGION") && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          latest.put(record.key(), record.value());
          all.add(record.value());
        }
      }
    }

    assertEquals(
        Map.of(
            "INVALID_KEY", "{\"category\":\"INVALID_KEY\",\"count\":2}",
            "ALREADY_REDEEMED", "{\"category\":\"ALREADY_REDEEMED\",\"count\":1}",
            "WRONG_REGION", "{\"category\":\"WRONG_REGION\",\"count\":1}"),
        latest,
        () -> "all counts published: " + all);
    assertTrue(
        all.stream().noneMatch(value -> value.contains("\"count\":3")),
        () -> "the re-delivered event was counted: " + all);

    try (KafkaConsumer<String, byte[]> consumer =
        readCommitted(new ByteArrayDeserializer(), Topics.DEAD_LETTER)) {
      List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (dead.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(dead::add);
      }
      assertEquals(1, dead.size());
      assertEquals("T-4", dead.get(0).key());
      assertEquals("{not json", new String(dead.get(0).value(), StandardCharsets.UTF_8));
      Header reason = dead.get(0).headers().lastHeader(DeadLetterHeaders.REASON);
      assertTrue(new String(reason.value(), StandardCharsets.UTF_8).startsWith("not JSON"));
    }
  }

  private KafkaProducer<String, byte[]> relay() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  private static void send(KafkaProducer<String, byte[]> producer, String key, byte[] value)
      throws InterruptedException, ExecutionException {
    producer.send(new ProducerRecord<>(Topics.TICKETS, key, value)).get();
  }

  private <V> KafkaConsumer<String, V> readCommitted(Deserializer<V> values, String topic) {
    KafkaConsumer<String, V> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new StringDeserializer(),
            values);
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(info -> new TopicPartition(info.topic(), info.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return consumer;
  }
}
