package io.keydesk.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {

  @Test
  void defaultsSuitALocalSingleBroker() {
    StreamsSettings settings = StreamsSettings.from(name -> null);

    assertEquals("127.0.0.1:9092", settings.bootstrapServers());
    assertEquals(Path.of("./data/streams"), settings.stateDir());
    assertEquals("keydesk-analytics", settings.applicationId());
    assertEquals(1, settings.replicationFactor());
    assertEquals(1, settings.threads());
    assertEquals(3, settings.topicPartitions());
    assertEquals(true, settings.createTopics());
  }

  @Test
  void readsEveryVariable() {
    Map<String, String> env =
        Map.of(
            "KEYDESK_KAFKA_BOOTSTRAP", "kafka-1:9092,kafka-2:9092",
            "KEYDESK_STREAMS_STATE_DIR", "/var/lib/keydesk/streams",
            "KEYDESK_STREAMS_APP_ID", "keydesk-analytics-eu",
            "KEYDESK_STREAMS_REPLICATION_FACTOR", "3",
            "KEYDESK_STREAMS_THREADS", "2",
            "KEYDESK_STREAMS_TOPIC_PARTITIONS", "12",
            "KEYDESK_STREAMS_CREATE_TOPICS", "false");

    StreamsSettings settings = StreamsSettings.from(env::get);

    assertEquals(
        new StreamsSettings(
            "kafka-1:9092,kafka-2:9092",
            Path.of("/var/lib/keydesk/streams"),
            "keydesk-analytics-eu",
            (short) 3,
            2,
            12,
            false),
        settings);
  }

  @Test
  void runsExactlyOnceWithTheConfiguredReplication() {
    Map<String, String> env =
        Map.of("KEYDESK_STREAMS_REPLICATION_FACTOR", "3", "KEYDESK_STREAMS_STATE_DIR", "/tmp/s");

    Properties config = StreamsSettings.from(env::get).streamsConfig();

    assertEquals(
        StreamsConfig.EXACTLY_ONCE_V2, config.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
    assertEquals(3, config.get(StreamsConfig.REPLICATION_FACTOR_CONFIG));
    assertEquals("/tmp/s", config.get(StreamsConfig.STATE_DIR_CONFIG));
    assertEquals("keydesk-analytics", config.get(StreamsConfig.APPLICATION_ID_CONFIG));
  }

  @Test
  void rejectsANonsensicalReplicationFactor() {
    assertThrows(
        IllegalArgumentException.class,
        () -> StreamsSettings.from(Map.of("KEYDESK_STREAMS_REPLICATION_FACTOR", "0")::get));
  }

  @Test
  void readsFraudThresholdsAndTheQueryEndpoint() {
    Map<String, String> env =
        Map.of(
            "KEYDESK_FRAUD_BUYER_CLAIMS_PER_DAY", "7",
            "KEYDESK_FRAUD_REFUND_RATIO_PERCENT", "80",
            "KEYDESK_STREAMS_QUERY_HOST", "analytics-0.analytics",
            "KEYDESK_STREAMS_QUERY_PORT", "7070");

    StreamsSettings settings = StreamsSettings.from(env::get);

    assertEquals(7, settings.fraudThresholds().buyerClaimsPerDay());
    assertEquals(80, settings.fraudThresholds().refundRatioPercent());
    assertEquals(10, settings.fraudThresholds().buyerClaimsPerMonth());
    assertEquals(
        "analytics-0.analytics:7070",
        settings.streamsConfig().get(StreamsConfig.APPLICATION_SERVER_CONFIG));
    assertEquals(
        null,
        StreamsSettings.from(name -> null)
            .streamsConfig()
            .get(StreamsConfig.APPLICATION_SERVER_CONFIG),
        "no query endpoint unless a port is set");
  }

  @Test
  void rejectsAThresholdThatIsNotANumber() {
    Map<String, String> env = Map.of("KEYDESK_FRAUD_IP_CLAIMS_PER_DAY", "many");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> StreamsSettings.from(env::get));
    assertEquals("KEYDESK_FRAUD_IP_CLAIMS_PER_DAY is not a number: many", e.getMessage());
  }
}
