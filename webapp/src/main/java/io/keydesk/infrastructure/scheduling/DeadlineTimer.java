package io.keydesk.infrastructure.scheduling;

import io.keydesk.application.DeadlineSweep;
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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the {@link DeadlineSweep} every {@code keydesk.deadlines.sweep-seconds} (default 30) on
 * every app instance. Nothing is kept in memory: what was flagged or escalated is in the ticket
 * rows, so a restart loses nothing and two instances never act twice on one ticket.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DeadlineTimer {
  private static final Logger LOG = Logger.getLogger(DeadlineTimer.class.getName());

  @Resource private ManagedScheduledExecutorService scheduler;
  @Inject DeadlineSweep sweep;

  @Inject
  @ConfigProperty(name = "keydesk.deadlines.sweep-seconds", defaultValue = "30")
  long sweepSeconds;

  private ScheduledFuture<?> task;

  @PostConstruct
  void start() {
    if (sweepSeconds > 0) {
      task =
          scheduler.scheduleWithFixedDelay(this::run, sweepSeconds, sweepSeconds, TimeUnit.SECONDS);
    }
  }

  void run() {
    try {
      DeadlineSweep.Result result = sweep.sweep();
      if (result.escalated() > 0 || result.flagged() > 0 || result.assigned() > 0) {
        LOG.log(
            Level.INFO,
            "Deadline sweep: {0} flagged at risk, {1} escalated, {2} assigned",
            new Object[] {result.flagged(), result.escalated(), result.assigned()});
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Deadline sweep failed, the next one retries: {0}", e.toString());
    }
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
