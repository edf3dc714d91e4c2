package io.keydesk.infrastructure.messaging;

import io.keydesk.application.DashboardChanged;
import io.keydesk.application.StreamResults;
import io.keydesk.application.StreamResults.InvalidResultException;
import io.keydesk.events.ComplaintRate;
import io.keydesk.events.FraudSignal;
import io.keydesk.events.FunnelStepCount;
import io.keydesk.events.ProductAlert;
import io.keydesk.events.Topics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the streams job's result topics (complaint rates, product alerts, funnel counts, fraud
 * signals) into the product through {@link StreamResults}. One consumer group for every instance
 * ({@code keydesk.analytics.group}), so each record is applied by one instance; {@code
 * read_committed} (the job is exactly-once); offsets are committed by hand after the record's
 * database transaction committed. Every write is idempotent, so a record applied again after a
 * crash between the two changes nothing. A record that cannot be read or applied (bad JSON, missing
 * values, a newer schema) is logged and skipped; a database failure stops the partition at that
 * record and retries it after a growing pause (up to 30 s), and skips it (logged as SEVERE) after 8
 * failed attempts. While Kafka is unreachable it retries the same way. Off with {@code
 * keydesk.analytics.consume=false}.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AnalyticsResultConsumer {
  private static final Logger LOG = Logger.getLogger(AnalyticsResultConsumer.class.getName());
  private static final Logger KAFKA_CLIENT = Logger.getLogger("org.apache.kafka");
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  private static final int MAX_ATTEMPTS = 8;

  @Resource private ManagedScheduledExecutorService scheduler;
  @Inject StreamResults results;
  @Inject Event<DashboardChanged> dashboard;

  @Inject
  @ConfigProperty(name = "keydesk.kafka.bootstrap", defaultValue = "127.0.0.1:9092")
  String bootstrap;

  @Inject
  @ConfigProperty(name = "keydesk.kafka.timeout-ms", defaultValue = "5000")
  int timeoutMs;

  @Inject
  @ConfigProperty(name = "keydesk.analytics.consume", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "keydesk.analytics.group", defaultValue = "keydesk-webapp-analytics")
  String group;

  @Inject
  @ConfigProperty(
      name = "keydesk.analytics.topic.complaint-rates",
      defaultValue = Topics.COMPLAINT_RATES)
  String ratesTopic;

  @Inject
  @ConfigProperty(
      name = "keydesk.analytics.topic.product-alerts",
      defaultValue = Topics.PRODUCT_ALERTS)
  String alertsTopic;

  @Inject
  @ConfigProperty(name = "keydesk.analytics.topic.funnel-steps", defaultValue = Topics.FUNNEL_STEPS)
  String funnelTopic;

  @Inject
  @ConfigProperty(
      name = "keydesk.analytics.topic.fraud-signals",
      defaultValue = Topics.FRAUD_SIGNALS)
  String signalsTopic;

  /** How often the consumer looks for result topics that did not exist yet. */
  @Inject
  @ConfigProperty(name = "keydesk.analytics.metadata-max-age-ms", defaultValue = "5000")
  int metadataMaxAgeMs;

  private final Jsonb jsonb = JsonbBuilder.create();
  private KafkaConsumer<String, String> consumer;
  private ScheduledFuture<?> task;
  private volatile boolean stopping;
  private Instant pausedUntil = Instant.EPOCH;
  private Duration backoff = Duration.ZERO;
  private String failingRecord;
  private int failures;

  @PostConstruct
  void start() {
    if (enabled) {
      task = scheduler.scheduleWithFixedDelay(this::pollOnce, 2000, 50, TimeUnit.MILLISECONDS);
    }
  }

  /** One poll; runs on one scheduler thread at a time (fixed delay), as the consumer needs. */
  synchronized void pollOnce() {
    Instant now = Instant.now(Clock.systemUTC());
    if (stopping || now.isBefore(pausedUntil)) {
      return;
    }
    KafkaConsumer<String, String> c;
    ConsumerRecords<String, String> batch;
    try {
      c = consumer();
      batch = c.poll(Duration.ofMillis(500));
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "result topics not readable ({0}); retrying", e.toString());
      close();
      pause(now);
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
    Set<TopicPartition> stopped = new HashSet<>();
    Map<String, Long> latest = latestOfTables(batch);
    boolean failed = false;
    for (ConsumerRecord<String, String> r : batch) {
      TopicPartition tp = new TopicPartition(r.topic(), r.partition());
      if (stopped.contains(tp)) {
        continue;
      }
      if (supersededInBatch(r, latest)) {
        done.put(tp, new OffsetAndMetadata(r.offset() + 1));
        continue;
      }
      try {
        apply(r);
        announce(r.topic());
      } catch (InvalidResultException | JsonbException | JsonException e) {
        LOG.log(
            Level.WARNING,
            "Skipped result record {0}-{1}@{2}: {3}",
            new Object[] {r.topic(), r.partition(), r.offset(), reason(e)});
      } catch (RuntimeException e) {
        if (giveUp(r)) {
          LOG.log(
              Level.SEVERE,
              "Skipped result record {0}-{1}@{2} after {3} failed attempts: {4}",
              new Object[] {r.topic(), r.partition(), r.offset(), MAX_ATTEMPTS, e.toString()});
          done.put(tp, new OffsetAndMetadata(r.offset() + 1));
          continue;
        }
        // the database (or the app) failed: retry this record, keep the partition's order
        LOG.log(
            Level.WARNING,
            "Result record {0}-{1}@{2} not applied, retrying: {3}",
            new Object[] {r.topic(), r.partition(), r.offset(), e.toString()});
        c.seek(tp, r.offset());
        stopped.add(tp);
        failed = true;
        continue;
      }
      done.put(tp, new OffsetAndMetadata(r.offset() + 1));
    }
    try {
      if (!done.isEmpty()) {
        c.commitSync(done);
      }
    } catch (RuntimeException e) {
      // a rebalance took the partitions away: the new owner re-applies, idempotently
      LOG.log(Level.INFO, "Result offsets not committed ({0})", e.toString());
    }
    if (failed) {
      pause(now);
    } else {
      backoff = Duration.ZERO;
    }
  }

  /**
   * Counts a failed attempt at a record; true once it failed {@link #MAX_ATTEMPTS} times in a row
   * (a record the database refuses every time must not block its partition).
   */
  private boolean giveUp(ConsumerRecord<String, String> r) {
    String id = r.topic() + "-" + r.partition() + "@" + r.offset();
    if (!id.equals(failingRecord)) {
      failingRecord = id;
      failures = 0;
    }
    failures++;
    if (failures >= MAX_ATTEMPTS) {
      failingRecord = null;
      failures = 0;
      return true;
    }
    return false;
  }

  /**
   * The complaint-rate and funnel topics are tables (the latest value per key is the state), and
   * the job updates a key many times a second under load: of the records of one key in one poll
   * only the last is applied, so the read model keeps up instead of writing every intermediate
   * value in a transaction of its own. Alerts and signals are events: each is applied.
   */
  private Map<String, Long> latestOfTables(ConsumerRecords<String, String> batch) {
    Map<String, Long> latest = new HashMap<>();
    for (ConsumerRecord<String, String> r : batch) {
      if (r.key() != null && (r.topic().equals(ratesTopic) || r.topic().equals(funnelTopic))) {
        latest.merge(r.topic() + "|" + r.partition() + "|" + r.key(), r.offset(), Math::max);
      }
    }
    return latest;
  }

  private static boolean supersededInBatch(
      ConsumerRecord<String, String> r, Map<String, Long> latest) {
    if (r.key() == null) {
      return false;
    }
    Long last = latest.get(r.topic() + "|" + r.partition() + "|" + r.key());
    return last != null && last > r.offset();
  }

  private void apply(ConsumerRecord<String, String> r) {
    if (r.value() == null) {
      throw new InvalidResultException("no value");
    }
    String topic = r.topic();
    if (topic.equals(ratesTopic)) {
      results.complaintRate(r.key(), jsonb.fromJson(r.value(), ComplaintRate.class));
    } else if (topic.equals(funnelTopic)) {
      results.funnelStep(r.key(), jsonb.fromJson(r.value(), FunnelStepCount.class));
    } else if (topic.equals(alertsTopic)) {
      results.productAlert(jsonb.fromJson(r.value(), ProductAlert.class));
    } else if (topic.equals(signalsTopic)) {
      results.fraudSignal(jsonb.fromJson(r.value(), FraudSignal.class));
    } else {
      throw new InvalidResultException("unexpected topic");
    }
  }

  /** Tells the open dashboards (after the record's transaction committed); never fails the poll. */
  private void announce(String topic) {
    try {
      dashboard.fire(new DashboardChanged(topic));
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "dashboard not told about a result: {0}", e.toString());
    }
  }

  /** The reason of a refused record, without the record's content. */
  private static String reason(RuntimeException e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String text =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return text.length() > 200 ? text.substring(0, 200) : text;
  }

  private void pause(Instant now) {
    backoff =
        backoff.isZero()
            ? Duration.ofSeconds(1)
            : (backoff.compareTo(MAX_BACKOFF) < 0 ? backoff.multipliedBy(2) : backoff);
    pausedUntil = now.plus(backoff);
  }

  private KafkaConsumer<String, String> consumer() {
    if (consumer != null) {
      return consumer;
    }
    KAFKA_CLIENT.setLevel(Level.SEVERE);
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
    props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, metadataMaxAgeMs);
    props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
    props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(KafkaConsumer.class.getClassLoader());
    try {
      KafkaConsumer<String, String> c =
          new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
      c.subscribe(List.of(ratesTopic, alertsTopic, funnelTopic, signalsTopic));
      consumer = c;
      LOG.log(
          Level.INFO,
          "Reading the streams job''s results ({0}, {1}, {2}, {3}) as group {4}",
          new Object[] {ratesTopic, alertsTopic, funnelTopic, signalsTopic, group});
      return c;
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  private void close() {
    if (consumer != null) {
      try {
        consumer.close(Duration.ZERO);
      } catch (RuntimeException e) {
        // closing a broken consumer: nothing more to do
      }
      consumer = null;
    }
  }

  /** Waits for a running poll (synchronized), then closes the consumer. */
  @PreDestroy
  synchronized void stop() {
    stopping = true;
    if (task != null) {
      task.cancel(false);
    }
    close();
  }
}
