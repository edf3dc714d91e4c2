package io.keydesk.analytics;

import io.keydesk.events.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link AnalyticsTopology} against a Kafka cluster: reads {@link StreamsSettings}, creates
 * missing topics, starts, waits for RUNNING, and closes gracefully on JVM shutdown. Local state is
 * never wiped: a restart resumes from the state directory and the changelogs.
 */
public final class StreamsApp implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);

  static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration RUNNING_WARNING_INTERVAL = Duration.ofSeconds(60);

  /**
   * Dead stream threads are replaced at most this many times within {@link #REPLACEMENT_WINDOW}.
   */
  static final int MAX_THREAD_REPLACEMENTS = 5;

  static final Duration REPLACEMENT_WINDOW = Duration.ofMinutes(10);

  private final StreamsSettings settings;
  private final KafkaStreams streams;
  private final CompletableFuture<Boolean> reachedRunning = new CompletableFuture<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicBoolean closed = new AtomicBoolean();
  private final QueryServer queries;

  /** Builds the topology and the client; nothing is processed until {@link #start()}. */
  public StreamsApp(StreamsSettings settings) {
    this(settings, Map.of());
  }

  /**
   * As {@link #StreamsApp(StreamsSettings)}, with Kafka Streams settings that win over those of
   * {@code settings} (tests: shorter session and transaction timeouts for a fast fail-over).
   */
  StreamsApp(StreamsSettings settings, Map<String, ?> overrides) {
    this.settings = settings;
    Properties config = settings.streamsConfig();
    config.putAll(overrides);
    this.streams =
        new KafkaStreams(AnalyticsTopology.build(config, settings.fraudThresholds()), config);
    streams.setStateListener(this::onStateChange);
    streams.setUncaughtExceptionHandler(
        new ReplaceDeadThreads(
            settings.applicationId(),
            MAX_THREAD_REPLACEMENTS,
            REPLACEMENT_WINDOW,
            System::currentTimeMillis));
    if (settings.queryPort() > 0) {
      try {
        this.queries =
            new QueryServer(
                streams,
                new HostInfo(settings.queryHost(), settings.queryPort()),
                settings.queryPort());
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot listen for queries on port " + settings.queryPort(), e);
      }
    } else {
      this.queries = null;
    }
  }

  /** Creates and starts an app; close it when done. */
  public static StreamsApp start(StreamsSettings settings) {
    StreamsApp app = new StreamsApp(settings);
    app.start();
    return app;
  }

  /**
   * Creates missing topics (if so configured), checks that the topics joined by order number are
   * co-partitioned, and starts the stream threads.
   *
   * @throws IllegalStateException when the orders, card-keys and tickets topics have different
   *     numbers of partitions
   */
  public void start() {
    if (settings.createTopics()) {
      createMissingTopics();
    }
    checkCoPartitioned();
    streams.start();
    if (queries != null) {
      queries.start();
    }
  }

  /**
   * Waits until the app is RUNNING. Returns false when {@code timeout} passes first, or when the
   * app stopped (NOT_RUNNING or ERROR) before ever running.
   */
  public boolean awaitRunning(Duration timeout) throws InterruptedException {
    try {
      return reachedRunning.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException("unexpected failure waiting for RUNNING", e);
    }
  }

  /** Blocks until the app has stopped, after {@link #close()} or in ERROR. */
  public void awaitStopped() throws InterruptedException {
    stopped.await();
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /** Closes gracefully: commits, flushes stores, leaves the group. Safe to call more than once. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      LOG.info("Closing {} (state {})", settings.applicationId(), streams.state());
      if (queries != null) {
        queries.close();
      }
      if (!streams.close(CLOSE_TIMEOUT)) {
        LOG.warn("{} did not close within {}", settings.applicationId(), CLOSE_TIMEOUT);
      }
      stopped.countDown();
    }
  }

  private void onStateChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
    LOG.info("{} state {} -> {}", settings.applicationId(), oldState, newState);
    if (newState == KafkaStreams.State.RUNNING) {
      reachedRunning.complete(true);
    } else if (!newState.isRunningOrRebalancing()) {
      reachedRunning.complete(false); // shutting down or failed before ever running
    }
    if (newState == KafkaStreams.State.NOT_RUNNING || newState == KafkaStreams.State.ERROR) {
      stopped.countDown();
    }
  }

  /**
   * Creates the input and output topics that do not exist yet, so a fresh cluster works without a
   * separate setup step. Existing topics are left as they are. Failures are logged, not fatal: the
   * streams client reports missing topics itself.
   */
  private void createMissingTopics() {
    List<NewTopic> topics = new ArrayList<>();
    for (String name :
        List.of(
            Topics.TICKETS,
            Topics.ORDERS,
            Topics.CARD_KEYS,
            Topics.FUNNEL,
            Topics.DEAD_LETTER,
            Topics.PRODUCT_ALERTS,
            Topics.FRAUD_SIGNALS)) {
      topics.add(new NewTopic(name, settings.topicPartitions(), settings.replicationFactor()));
    }
    // Results read as tables: the latest record per key wins.
    for (String name :
        List.of(Topics.TICKETS_PER_CATEGORY, Topics.COMPLAINT_RATES, Topics.FUNNEL_STEPS)) {
      topics.add(
          new NewTopic(name, settings.topicPartitions(), settings.replicationFactor())
              .configs(
                  Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
    }

    try (Admin admin = Admin.create(adminConfig("-topic-setup"))) {
      admin
          .createTopics(topics)
          .values()
          .forEach(
              (name, created) -> {
                try {
                  created.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                  LOG.info("Created topic {}", name);
                } catch (ExecutionException e) {
                  if (!(e.getCause() instanceof TopicExistsException)) {
                    LOG.warn("Could not create topic {}: {}", name, e.getCause().toString());
                  }
                } catch (TimeoutException e) {
                  LOG.warn("Timed out creating topic {} at {}", name, settings.bootstrapServers());
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
    }
  }

  /** The topics {@link OrderFacts} joins by order number without re-partitioning all of them. */
  static final List<String> JOINED_BY_ORDER =
      List.of(Topics.ORDERS, Topics.CARD_KEYS, Topics.TICKETS);

  private void checkCoPartitioned() {
    Map<String, Integer> partitions = new TreeMap<>();
    try (Admin admin = Admin.create(adminConfig("-topic-check"))) {
      admin
          .describeTopics(JOINED_BY_ORDER)
          .topicNameValues()
          .forEach(
              (name, description) -> {
                try {
                  partitions.put(
                      name,
                      description
                          .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                          .partitions()
                          .size());
                } catch (ExecutionException | TimeoutException e) {
                  LOG.warn("Could not describe topic {}: {}", name, e.toString());
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
    }
    requireCoPartitioned(partitions);
  }

  /**
   * Refuses topics of {@link #JOINED_BY_ORDER} with different partition counts: an order's events
   * would then be split between tasks and its counts would be wrong. Topics not described are not
   * judged.
   */
  static void requireCoPartitioned(Map<String, Integer> partitions) {
    if (new HashSet<>(partitions.values()).size() > 1) {
      throw new IllegalStateException(
          "The topics "
              + partitions
              + " (name=partitions) must have the same number of partitions: the job joins their"
              + " events by order number. Add partitions to the smaller ones"
              + " (kafka-topics.sh --alter --partitions N) before starting it.");
    }
  }

  private Map<String, Object> adminConfig(String clientSuffix) {
    return Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        settings.bootstrapServers(),
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
        (int) ADMIN_TIMEOUT.toMillis(),
        AdminClientConfig.CLIENT_ID_CONFIG,
        settings.applicationId() + clientSuffix);
  }

  public static void main(String[] args) throws InterruptedException {
    StreamsSettings settings = StreamsSettings.fromSystem();
    LOG.info(
        "Starting {}: bootstrap {}, state dir {}, exactly_once_v2, replication factor {}, {}"
            + " thread(s)",
        settings.applicationId(),
        settings.bootstrapServers(),
        settings.stateDir().toAbsolutePath(),
        settings.replicationFactor(),
        settings.threads());

    StreamsApp app = new StreamsApp(settings);
    Runtime.getRuntime().addShutdownHook(new Thread(app::close, "keydesk-analytics-shutdown"));
    app.start();

    boolean running;
    while (!(running = app.awaitRunning(RUNNING_WARNING_INTERVAL))
        && !app.reachedRunning.isDone()) {
      LOG.warn(
          "{} is not RUNNING yet (state {}); is Kafka reachable at {}?",
          settings.applicationId(),
          app.state(),
          settings.bootstrapServers());
    }
    if (running) {
      LOG.info(
          "{} RUNNING: reading {}, {}, {}, {}",
          settings.applicationId(),
          Topics.TICKETS,
          Topics.ORDERS,
          Topics.CARD_KEYS,
          Topics.FUNNEL);
    }

    app.awaitStopped();
    if (app.state() == KafkaStreams.State.ERROR) {
      LOG.error("{} stopped in state ERROR", settings.applicationId());
      app.close();
      System.exit(1);
    }
  }
}
