package io.keydesk.infrastructure.messaging;

import io.keydesk.application.TicketUpdated;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Follows the tickets topic from its end on every instance and fires {@link TicketUpdated} (from
 * the topic) for each event, so that open ticket pages connected to this instance hear about
 * changes committed on another one. No consumer group: the partitions are assigned directly,
 * nothing is committed, an instance that starts reads only what comes next. While Kafka is
 * unreachable it retries with a growing pause (up to 5 s); the pages' poll covers the gap. Off with
 * {@code keydesk.push.from-topic=false}.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class TicketTopicListener {
  private static final Logger LOG = Logger.getLogger(TicketTopicListener.class.getName());
  private static final Logger KAFKA_CLIENT = Logger.getLogger("org.apache.kafka");

  @Resource private ManagedScheduledExecutorService scheduler;
  @Inject Event<TicketUpdated> updated;

  @Inject
  @ConfigProperty(name = "keydesk.kafka.bootstrap", defaultValue = "127.0.0.1:9092")
  String bootstrap;

  @Inject
  @ConfigProperty(name = "keydesk.kafka.timeout-ms", defaultValue = "5000")
  int timeoutMs;

  @Inject
  @ConfigProperty(name = "keydesk.push.from-topic", defaultValue = "true")
  boolean enabled;

  private final String clientId = "keydesk-push-" + UUID.randomUUID();
  private KafkaConsumer<String, String> consumer;
  private ScheduledFuture<?> task;
  private volatile boolean stopping;
  private Instant pausedUntil = Instant.EPOCH;
  private Duration backoff = Duration.ZERO;

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
    try {
      KafkaConsumer<String, String> c = consumer();
      if (c == null) {
        pause(now);
        return;
      }
      for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
        if (r.key() != null) {
          updated.fire(new TicketUpdated(r.key(), true));
        }
      }
      backoff = Duration.ZERO;
    } catch (RuntimeException e) {
      LOG.log(
          Level.FINE, "tickets topic not readable ({0}); pages rely on their poll", e.toString());
      close();
      pause(now);
    }
  }

  private void pause(Instant now) {
    backoff =
        backoff.isZero()
            ? Duration.ofSeconds(1)
            : (backoff.compareTo(Duration.ofSeconds(5)) < 0 ? backoff.multipliedBy(2) : backoff);
    pausedUntil = now.plus(backoff);
  }

  /** The consumer at the end of every partition of the topic; null while the topic is unknown. */
  private KafkaConsumer<String, String> consumer() {
    if (consumer != null) {
      return consumer;
    }
    KAFKA_CLIENT.setLevel(Level.SEVERE);
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
    props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(KafkaConsumer.class.getClassLoader());
    KafkaConsumer<String, String> c =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    try {
      List<PartitionInfo> partitions = c.partitionsFor(Topics.TICKETS);
      if (partitions == null || partitions.isEmpty()) {
        c.close(Duration.ZERO);
        return null;
      }
      List<TopicPartition> assigned =
          partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      c.assign(assigned);
      c.seekToEnd(assigned);
      assigned.forEach(c::position); // resolve the end now, not at the first poll
      consumer = c;
      LOG.log(
          Level.INFO,
          "Following {0} ({1} partitions) for live ticket pages",
          new Object[] {Topics.TICKETS, assigned.size()});
      return c;
    } catch (RuntimeException e) {
      c.close(Duration.ZERO);
      throw e;
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
