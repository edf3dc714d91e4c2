package io.keydesk.analytics;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The job's configuration, read once at start. Every setting has a safe local default; nothing here
 * is secret.
 *
 * @param bootstrapServers {@code KEYDESK_KAFKA_BOOTSTRAP}, default {@code 127.0.0.1:9092}
 * @param stateDir {@code KEYDESK_STREAMS_STATE_DIR}, default {@code ./data/streams}
 * @param applicationId {@code KEYDESK_STREAMS_APP_ID}, default {@code keydesk-analytics}: consumer
 *     group, prefix of internal topics and state directory name
 * @param replicationFactor {@code KEYDESK_STREAMS_REPLICATION_FACTOR}, default 1 (use 3 in
 *     production): for internal topics and for the topics this job creates
 * @param threads {@code KEYDESK_STREAMS_THREADS}, default 1: stream threads in this instance
 * @param topicPartitions {@code KEYDESK_STREAMS_TOPIC_PARTITIONS}, default 3: partitions of the
 *     topics this job creates when they do not exist yet (its maximum parallelism)
 * @param createTopics {@code KEYDESK_STREAMS_CREATE_TOPICS}, default true: create missing input and
 *     output topics at start (turn off where topics are managed elsewhere)
 * @param fraudThresholds {@code KEYDESK_FRAUD_*}, see {@link FraudThresholds}
 * @param queryHost {@code KEYDESK_STREAMS_QUERY_HOST}, default {@code 127.0.0.1}: the host name
 *     other instances reach this one's query endpoint at
 * @param queryPort {@code KEYDESK_STREAMS_QUERY_PORT}, default 0 (off): port of the interactive
 *     query endpoint ({@link QueryServer})
 */
public record StreamsSettings(
    String bootstrapServers,
    Path stateDir,
    String applicationId,
    short replicationFactor,
    int threads,
    int topicPartitions,
    boolean createTopics,
    FraudThresholds fraudThresholds,
    String queryHost,
    int queryPort) {

  /** Settings with the default fraud thresholds. */
  public StreamsSettings(
      String bootstrapServers,
      Path stateDir,
      String applicationId,
      short replicationFactor,
      int threads,
      int topicPartitions,
      boolean createTopics) {
    this(
        bootstrapServers,
        stateDir,
        applicationId,
        replicationFactor,
        threads,
        topicPartitions,
        createTopics,
        FraudThresholds.DEFAULTS,
        "127.0.0.1",
        0);
  }

  public StreamsSettings {
    if (fraudThresholds == null) {
      throw new IllegalArgumentException("fraudThresholds is required");
    }
    if (queryHost == null || queryHost.isBlank() || queryPort < 0 || queryPort > 65535) {
      throw new IllegalArgumentException("queryHost is required and queryPort must be 0..65535");
    }
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("bootstrapServers is required");
    }
    if (stateDir == null) {
      throw new IllegalArgumentException("stateDir is required");
    }
    if (applicationId == null || applicationId.isBlank()) {
      throw new IllegalArgumentException("applicationId is required");
    }
    if (replicationFactor < 1 || threads < 1 || topicPartitions < 1) {
      throw new IllegalArgumentException(
          "replicationFactor, threads and topicPartitions must be at least 1");
    }
  }

  /**
   * Reads the settings through {@code lookup} (a name such as {@code KEYDESK_KAFKA_BOOTSTRAP} →
   * value, or null when unset).
   */
  public static StreamsSettings from(UnaryOperator<String> lookup) {
    return new StreamsSettings(
        get(lookup, "KEYDESK_KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
        Path.of(get(lookup, "KEYDESK_STREAMS_STATE_DIR", "./data/streams")),
        get(lookup, "KEYDESK_STREAMS_APP_ID", "keydesk-analytics"),
        Short.parseShort(get(lookup, "KEYDESK_STREAMS_REPLICATION_FACTOR", "1")),
        Integer.parseInt(get(lookup, "KEYDESK_STREAMS_THREADS", "1")),
        Integer.parseInt(get(lookup, "KEYDESK_STREAMS_TOPIC_PARTITIONS", "3")),
        Boolean.parseBoolean(get(lookup, "KEYDESK_STREAMS_CREATE_TOPICS", "true")),
        FraudThresholds.from(lookup),
        get(lookup, "KEYDESK_STREAMS_QUERY_HOST", "127.0.0.1"),
        Integer.parseInt(get(lookup, "KEYDESK_STREAMS_QUERY_PORT", "0")));
  }

  /**
   * The settings of this process: a system property ({@code -Dkeydesk.kafka.bootstrap=...} or
   * {@code -DKEYDESK_KAFKA_BOOTSTRAP=...}) wins over the environment variable {@code
   * KEYDESK_KAFKA_BOOTSTRAP}.
   */
  public static StreamsSettings fromSystem() {
    Map<String, String> env = System.getenv();
    return from(
        name -> {
          String dotted = name.toLowerCase(Locale.ROOT).replace('_', '.');
          return System.getProperty(dotted, System.getProperty(name, env.get(name)));
        });
  }

  /**
   * Record cache of the state stores, shared by the threads of one instance (Kafka's default is 10
   * MiB). Repeated updates of a key between two commits reach RocksDB and the changelog once; with
   * ~150,000 open orders the default cache evicted the hot complaint-rate keys and three times as
   * many changelog records were written (docs/benchmarks.md, streams throughput).
   */
  static final long CACHE_BYTES = 64L * 1024 * 1024;

  /** Producer batch size per partition (Kafka's default is 16 KiB). */
  static final int PRODUCER_BATCH_BYTES = 128 * 1024;

  /**
   * The Kafka Streams configuration: exactly-once v2, no default serdes (every boundary is
   * explicit).
   */
  public Properties streamsConfig() {
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) replicationFactor);
    config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
    config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, CACHE_BYTES);
    config.put(
        StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), PRODUCER_BATCH_BYTES);
    if (queryPort > 0) {
      config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, queryHost + ":" + queryPort);
    }
    return config;
  }

  private static String get(UnaryOperator<String> lookup, String name, String fallback) {
    String value = lookup.apply(name);
    return value == null || value.isBlank() ? fallback.trim() : value.trim();
  }
}
