package io.keydesk.infrastructure.messaging;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes one outbox batch atomically in a Kafka transaction: consumers reading committed data
 * see the whole batch or nothing. A broken producer (broker down, fenced) is thrown away and built
 * again on the next batch.
 */
@ApplicationScoped
public class KafkaEventPublisher {
  private static final Logger LOG = Logger.getLogger(KafkaEventPublisher.class.getName());

  /**
   * The Kafka client warns on every failed reconnect; while the broker is down that floods the log.
   * The relay reports outages itself (with its backoff), so the client only logs errors.
   */
  private static final Logger KAFKA_CLIENT = Logger.getLogger("org.apache.kafka");

  @Inject
  @ConfigProperty(name = "keydesk.kafka.bootstrap", defaultValue = "127.0.0.1:9092")
  String bootstrap;

  @Inject
  @ConfigProperty(name = "keydesk.kafka.timeout-ms", defaultValue = "5000")
  int timeoutMs;

  private final String transactionalId = "keydesk-outbox-" + UUID.randomUUID();
  private KafkaProducer<String, String> producer;

  /**
   * Sends the records in order in one transaction.
   *
   * @throws PublishException when anything fails; nothing of the batch is committed then
   */
  public synchronized void publish(List<OutboxRecord> batch) {
    try {
      KafkaProducer<String, String> p = producer();
      p.beginTransaction();
      List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
      for (OutboxRecord r : batch) {
        ProducerRecord<String, String> record =
            new ProducerRecord<>(r.topic(), r.aggregateId(), r.payload());
        record.headers().add("eventId", r.eventId().getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventType", r.eventType().getBytes(StandardCharsets.UTF_8));
        acks.add(p.send(record));
      }
      p.commitTransaction();
      for (Future<RecordMetadata> ack : acks) {
        ack.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      discard();
      throw new PublishException("interrupted", e);
    } catch (ExecutionException | RuntimeException e) {
      discard();
      throw new PublishException(e.getMessage(), e);
    }
  }

  private KafkaProducer<String, String> producer() {
    if (producer == null) {
      KAFKA_CLIENT.setLevel(Level.SEVERE);
      Properties props = new Properties();
      props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
      props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
      props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
      props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
      props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs * 2);
      props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 60_000);
      props.put(ProducerConfig.LINGER_MS_CONFIG, 2);
      props.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
      ClassLoader previous = Thread.currentThread().getContextClassLoader();
      Thread.currentThread().setContextClassLoader(KafkaProducer.class.getClassLoader());
      try {
        KafkaProducer<String, String> p =
            new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        try {
          p.initTransactions();
        } catch (RuntimeException e) {
          p.close(Duration.ZERO);
          throw e;
        }
        producer = p;
      } finally {
        Thread.currentThread().setContextClassLoader(previous);
      }
    }
    return producer;
  }

  private void discard() {
    if (producer != null) {
      try {
        producer.close(Duration.ZERO);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "closing a failed producer", e);
      }
      producer = null;
    }
  }

  @PreDestroy
  synchronized void close() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(2));
      producer = null;
    }
  }

  /** The batch was not published. */
  public static class PublishException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PublishException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
