package io.keydesk.domain.model.ticket;

import static io.keydesk.domain.shared.Checks.notNull;

import java.time.Duration;
import java.time.Instant;

/**
 * The two published targets of a ticket (docs/console.md#queue-assignment-and-deadlines): the first
 * response, due until an agent first answers, and the resolution, due until the case is resolved. A
 * target is <em>at risk</em> once the share {@code atRiskShare} of its time (from the ticket's
 * creation to the target) is used, and <em>breached</em> once the target has passed.
 */
public final class Deadline {
  /** Which target. */
  public enum Target {
    RESPONSE,
    RESOLUTION
  }

  /** Where a ticket stands against its current target. */
  public enum State {
    OK,
    AT_RISK,
    BREACHED,
    /** No target runs: the case is resolved or closed, or waits for the buyer. */
    NONE
  }

  /** The share of a target's time after which it is at risk, unless configured otherwise. */
  public static final double DEFAULT_AT_RISK_SHARE = 0.8;

  private Deadline() {}

  /**
   * The state of one target: {@code due} counted from {@code start}, at {@code now}, at risk after
   * {@code atRiskShare} (0 &lt; share ≤ 1) of the time.
   */
  public static State state(Instant start, Instant due, Instant now, double atRiskShare) {
    notNull(start, "start");
    notNull(due, "due");
    notNull(now, "now");
    checkShare(atRiskShare);
    if (now.isAfter(due)) {
      return State.BREACHED;
    }
    return now.isBefore(atRiskFrom(start, due, atRiskShare)) ? State.OK : State.AT_RISK;
  }

  /** The moment a target becomes at risk. */
  public static Instant atRiskFrom(Instant start, Instant due, double atRiskShare) {
    checkShare(atRiskShare);
    long total = Math.max(0, Duration.between(start, due).toMillis());
    return start.plusMillis(Math.round(total * atRiskShare));
  }

  public static void checkShare(double atRiskShare) {
    if (!(atRiskShare > 0 && atRiskShare <= 1)) {
      throw new IllegalArgumentException("the at-risk share must be above 0 and at most 1");
    }
  }
}
