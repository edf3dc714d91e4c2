package io.keydesk.infrastructure.notification;

import java.time.Duration;

/**
 * Capped exponential backoff: the pause after the n-th failure in a row is {@code first · 2^(n-1)},
 * never more than {@code max}. No jitter: rows fail at different times anyway, and a predictable
 * schedule is easier to read in {@code next_attempt_at}.
 */
public record Backoff(Duration first, Duration max) {
  public Backoff {
    if (first == null || first.isNegative() || first.isZero()) {
      throw new IllegalArgumentException("the first pause must be positive");
    }
    if (max == null || max.compareTo(first) < 0) {
      throw new IllegalArgumentException("the longest pause must not be shorter than the first");
    }
  }

  /**
   * The pause after {@code failures} failures in a row.
   *
   * @param failures 1 or more
   */
  public Duration after(int failures) {
    if (failures < 1) {
      throw new IllegalArgumentException("failures must be 1 or more");
    }
    // 2^62 ms overflows long arithmetic long before it matters: stop doubling at the cap.
    Duration pause = first;
    for (int i = 1; i < failures && pause.compareTo(max) < 0; i++) {
      pause = pause.multipliedBy(2);
    }
    return pause.compareTo(max) > 0 ? max : pause;
  }
}
