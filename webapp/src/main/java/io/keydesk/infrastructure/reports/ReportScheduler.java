package io.keydesk.infrastructure.reports;

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
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sweeps the scheduled supplier reports every {@code keydesk.reports.sweep-seconds} on every
 * instance. Nothing is kept in memory: what was sent is in {@code report_run}, so a restart neither
 * loses nor repeats a report.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ReportScheduler {
  private static final Logger LOG = Logger.getLogger(ReportScheduler.class.getName());

  @Resource private ManagedScheduledExecutorService scheduler;
  @Inject ReportSweep sweep;

  @Inject
  @ConfigProperty(name = "keydesk.reports.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "keydesk.reports.sweep-seconds", defaultValue = "60")
  long sweepSeconds;

  private ScheduledFuture<?> task;

  @PostConstruct
  void start() {
    if (!enabled) {
      LOG.info("Scheduled supplier reports are off (keydesk.reports.enabled=false)");
      return;
    }
    task =
        scheduler.scheduleWithFixedDelay(
            this::run, Math.min(30, sweepSeconds), Math.max(5, sweepSeconds), TimeUnit.SECONDS);
  }

  private void run() {
    try {
      ReportSweep.Outcome outcome = sweep.sweep(Instant.now(Clock.systemUTC()));
      if (outcome.sent() + outcome.failed() > 0) {
        LOG.info(
            () ->
                "Scheduled reports: " + outcome.sent() + " sent, " + outcome.failed() + " failed");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Scheduled report sweep failed; next sweep retries", e);
    }
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
