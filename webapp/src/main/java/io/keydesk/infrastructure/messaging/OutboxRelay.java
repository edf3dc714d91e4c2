package io.keydesk.infrastructure.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Drains the outbox to Kafka continuously. While Kafka is unreachable requests still succeed and
 * events wait in the outbox; the relay retries with a growing pause (up to 10 s) and catches up, in
 * order, once the broker is back.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OutboxRelay {
  private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
  private static final int BATCH = 500;

  @Resource private ManagedScheduledExecutorService scheduler;
  @Inject OutboxBatches batches;

  @Inject
  @ConfigProperty(name = "keydesk.outbox.poll-ms", defaultValue = "100")
  long pollMs;

  @Inject
  @ConfigProperty(name = "keydesk.outbox.retention-hours", defaultValue = "72")
  long retentionHours;

  private ScheduledFuture<?> task;
  private volatile Instant pausedUntil = Instant.EPOCH;
  private volatile Duration backoff = Duration.ZERO;
  private volatile Instant nextPurge = Instant.EPOCH;

  @PostConstruct
  void start() {
    task = scheduler.scheduleWithFixedDelay(this::drain, 1000, pollMs, TimeUnit.MILLISECONDS);
  }

  void drain() {
    Instant now = Instant.now(Clock.systemUTC());
    if (now.isBefore(pausedUntil)) {
      return;
    }
    try {
      int published;
      do {
        published = batches.publishNext(BATCH);
      } while (published == BATCH);
      if (!backoff.isZero()) {
        LOG.info("Outbox relay: Kafka reachable again, backlog published");
        backoff = Duration.ZERO;
      }
      purgeOccasionally(now);
    } catch (RuntimeException e) {
      backoff =
          backoff.isZero()
              ? Duration.ofMillis(500)
              : min(backoff.multipliedBy(2), Duration.ofSeconds(10));
      pausedUntil = now.plus(backoff);
      LOG.log(
          Level.WARNING,
          "Outbox relay could not publish ({0}); events stay in the outbox, retry in {1} ms",
          new Object[] {rootMessage(e), backoff.toMillis()});
    }
  }

  private void purgeOccasionally(Instant now) {
    if (now.isAfter(nextPurge)) {
      nextPurge = now.plus(Duration.ofMinutes(10));
      batches.purgePublishedBefore(now.minus(Duration.ofHours(retentionHours)));
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
