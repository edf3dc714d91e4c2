package io.keydesk.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The periodic look at every open ticket (run by {@code DeadlineTimer} on every app instance):
 * flags targets at risk, escalates missed ones to a supervisor, and hands tickets waiting in review
 * to agents who became free or came back. Safe to run at the same time on several instances (see
 * {@link DeadlineWork}).
 */
@ApplicationScoped
public class DeadlineSweep {
  private static final Logger LOG = Logger.getLogger(DeadlineSweep.class.getName());
  static final int BATCH = 500;
  static final int WAITING_BATCH = 100;

  @Inject DeadlineWork work;
  @Inject DeadlinePolicy policy;
  @Inject Clock clock;

  /** What one sweep did. */
  public record Result(int flagged, int escalated, int assigned) {}

  public Result sweep() {
    Instant now = clock.instant();
    int flagged = 0;
    int escalated = 0;
    for (long id : work.candidates(now, policy.atRiskShare(), BATCH)) {
      try {
        DeadlineWork.Outcome outcome = work.check(id, now, policy.atRiskShare());
        flagged += outcome.flagged();
        escalated += outcome.escalated();
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "Deadline check of ticket {0} failed, next sweep retries: {1}",
            new Object[] {id, e.toString()});
      }
    }
    int assigned = 0;
    for (long id : work.waiting(WAITING_BATCH)) {
      try {
        if (work.assignWaiting(id, now)) {
          assigned++;
        }
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "Assigning waiting ticket {0} failed, next sweep retries: {1}",
            new Object[] {id, e.toString()});
      }
    }
    return new Result(flagged, escalated, assigned);
  }
}
