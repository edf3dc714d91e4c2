package io.keydesk.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {
  private static final String TOPIC = "keydesk.test.v1";

  @TempDir Path dataDir;

  @Test
  void keepsACommittedTransactionalRecordAcrossARestart() throws Exception {
    int port = Ports.freePort();
    try (KafkaBroker broker = KafkaBroker.start(dataDir, port)) {
      assertEquals("127.0.0.1:" + port, broker.bootstrapServers());
      produceInTransaction(broker.bootstrapServers(), "ORD-1", "ticket filed");
      assertEquals(List.of("ORD-1=ticket filed"), readAll(broker.bootstrapServers()));

      broker.stop();
      assertTrue(Ports.isFree(port), "nothing listens on the port after stop()");
      assertEquals(List.of(), brokersRunningIn(dataDir), "no broker process after stop()");

      broker.restart();
      assertEquals("127.0.0.1:" + port, broker.bootstrapServers());
      assertEquals(List.of("ORD-1=ticket filed"), readAll(broker.bootstrapServers()));
    }
    assertEquals(List.of(), brokersRunningIn(dataDir), "no broker process after close()");
    assertTrue(KafkaBroker.rememberedControllerPort(dataDir).isPresent());
  }

  private static void produceInTransaction(String bootstrap, String key, String value) {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ProducerConfig.TRANSACTIONAL_ID_CONFIG,
            "test-" + UUID.randomUUID(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(TOPIC, key, value));
      producer.commitTransaction();
    }
  }

  /** Reads the topic from the start with a fresh group until one record arrives or 30 s pass. */
  private static List<String> readAll(String bootstrap) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ConsumerConfig.GROUP_ID_CONFIG,
            "test-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class);
    List<String> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of(TOPIC));
      Instant deadline = Instant.now().plusSeconds(30);
      while (records.isEmpty() && Instant.now().isBefore(deadline)) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          records.add(record.key() + "=" + record.value());
        }
      }
    }
    return records;
  }

  private static List<ProcessHandle> brokersRunningIn(Path dataDir) {
    String marker = dataDir.toAbsolutePath().resolve("server.properties").toString();
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").contains(marker))
        .toList();
  }
}
