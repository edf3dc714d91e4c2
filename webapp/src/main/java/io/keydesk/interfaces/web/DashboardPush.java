package io.keydesk.interfaces.web;

import io.keydesk.application.DashboardChanged;
import io.keydesk.application.TicketUpdated;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells the open dashboards to read their panels again when a streams result was applied or a
 * ticket changed (both committed), at most once per {@value #MIN_GAP_MS} ms: a burst of changes
 * becomes one message at the end of the gap. The message is the word {@value #CHANGED} on the
 * application-wide channel {@code dashboard}; no figure travels over the socket, the page reads
 * them itself through an ajax request checked against its session and role.
 *
 * <p>Only the sockets connected to this instance are reached; every instance consumes the tickets
 * topic, the result topics only one (see docs/console.md); the page also polls every 60 s.
 */
@ApplicationScoped
public class DashboardPush {
  public static final String CHANGED = "changed";
  static final long MIN_GAP_MS = 1000;

  private static final Logger LOG = Logger.getLogger(DashboardPush.class.getName());

  @Inject
  @Push(channel = "dashboard")
  PushContext push;

  @Resource ManagedScheduledExecutorService scheduler;

  private final AtomicBoolean due = new AtomicBoolean();
  private volatile long lastSent;

  void resultApplied(@Observes DashboardChanged changed) {
    request();
  }

  void ticketChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) TicketUpdated updated) {
    request();
  }

  /** Schedules one message unless one is already due. */
  void request() {
    if (!due.compareAndSet(false, true)) {
      return;
    }
    long wait = Math.max(0, lastSent + MIN_GAP_MS - System.currentTimeMillis());
    try {
      scheduler.schedule(this::send, wait, TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      due.set(false);
      LOG.log(Level.FINE, "dashboard push not scheduled: {0}", e.toString());
    }
  }

  private void send() {
    due.set(false);
    lastSent = System.currentTimeMillis();
    try {
      push.send(CHANGED);
    } catch (RuntimeException e) {
      // an open dashboard that misses the push still polls
      LOG.log(Level.WARNING, "could not push a change to the open dashboards", e);
    }
  }
}
