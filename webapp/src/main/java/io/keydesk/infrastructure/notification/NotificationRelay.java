package io.keydesk.infrastructure.notification;

import io.keydesk.domain.model.notification.Channel;
import io.keydesk.infrastructure.notification.NotificationDelivery.Outcome;
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
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends due notifications continuously, one row per transaction. Every instance runs a relay; rows
 * are taken with SKIP LOCKED, so instances share the work and never send one row twice. A channel
 * that fails (mail server down, SMS gateway unreachable) is paused with capped exponential backoff
 * while the others go on; its rows stay pending and go out once it answers again.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class NotificationRelay {
  private static final Logger LOG = Logger.getLogger(NotificationRelay.class.getName());
  private static final Pattern EMAIL = Pattern.compile("([^\\s<>\"'@:,;])[^\\s<>\"'@:,;]*@");

  @Resource private ManagedScheduledExecutorService scheduler;
  @Inject NotificationDelivery delivery;

  @Inject
  @ConfigProperty(name = "keydesk.notify.poll-ms", defaultValue = "500")
  long pollMs;

  @Inject
  @ConfigProperty(name = "keydesk.notify.batch", defaultValue = "100")
  int batch;

  private ScheduledFuture<?> task;
  private final Map<Channel, Pause> paused = new EnumMap<>(Channel.class);
  private Pause database = Pause.NONE;
  private Instant nextExpiry = Instant.EPOCH;

  /** A channel (or the database) that failed {@code failures} times in a row. */
  private record Pause(int failures, Instant until) {
    static final Pause NONE = new Pause(0, Instant.EPOCH);
  }

  @PostConstruct
  void start() {
    LOG.info(() -> "Notifications: " + delivery.describe());
    task = scheduler.scheduleWithFixedDelay(this::drain, 1500, pollMs, TimeUnit.MILLISECONDS);
  }

  synchronized void drain() {
    Instant now = Instant.now(Clock.systemUTC());
    if (now.isBefore(database.until())) {
      return;
    }
    try {
      expireOccasionally(now);
      for (int i = 0; i < batch; i++) {
        Set<Channel> open = open(Instant.now(Clock.systemUTC()));
        Outcome outcome = delivery.deliverNext(open);
        if (outcome.result() == NotificationDelivery.Result.NONE) {
          break;
        }
        record(outcome);
      }
      if (database.failures() > 0) {
        LOG.info("Notifications: database reachable again");
        database = Pause.NONE;
      }
    } catch (RuntimeException e) {
      int failures = database.failures() + 1;
      Duration pause = delivery.backoff().after(failures);
      database = new Pause(failures, now.plus(pause));
      LOG.log(
          Level.WARNING,
          "Notification relay failed ({0}); retry in {1} ms",
          new Object[] {MailSender.reason(e), pause.toMillis()});
    }
  }

  private Set<Channel> open(Instant now) {
    Set<Channel> open = EnumSet.allOf(Channel.class);
    paused.forEach(
        (channel, pause) -> {
          if (now.isBefore(pause.until())) {
            open.remove(channel);
          }
        });
    return open;
  }

  private void record(Outcome outcome) {
    Channel channel = outcome.channel();
    switch (outcome.result()) {
      case SENT -> {
        Pause before = paused.remove(channel);
        if (before != null) {
          LOG.info(() -> "Notifications: " + channel + " works again; waiting ones go out now");
        }
      }
      case RETRY -> {
        int failures = paused.getOrDefault(channel, Pause.NONE).failures() + 1;
        Duration pause = delivery.backoff().after(failures);
        paused.put(channel, new Pause(failures, Instant.now(Clock.systemUTC()).plus(pause)));
        LOG.log(
            Level.WARNING,
            "Notifications: {0} failed ({1}); notifications stay pending, {0} paused for {2} ms",
            new Object[] {channel, masked(outcome.error()), pause.toMillis()});
      }
      case BROKEN ->
          LOG.log(
              Level.WARNING,
              "Notifications: a {0} {1} could not be prepared ({2}); it is retried later",
              new Object[] {channel, outcome.template(), masked(outcome.error())});
      case FAILED ->
          LOG.log(
              Level.WARNING,
              "Notifications: a {0} {1} was refused for good: {2}",
              new Object[] {channel, outcome.template(), masked(outcome.error())});
      case EXPIRED ->
          LOG.log(
              Level.INFO,
              "Notifications: a {0} {1} expired before it could be sent",
              new Object[] {channel, outcome.template()});
      case NONE -> {
        // nothing was due
      }
    }
  }

  /** Server answers may quote the recipient; logs show contacts masked only. */
  static String masked(String error) {
    return error == null ? null : EMAIL.matcher(error).replaceAll("$1***@");
  }

  private void expireOccasionally(Instant now) {
    if (now.isAfter(nextExpiry)) {
      nextExpiry = now.plusSeconds(10);
      delivery.expireOverdue();
    }
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
