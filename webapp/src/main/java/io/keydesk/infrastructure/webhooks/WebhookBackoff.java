package io.keydesk.infrastructure.webhooks;

import java.time.Duration;

/**
 * The pause before the next attempt at an unacknowledged webhook: {@code initial} after the first
 * failure, doubling after each further one, never more than {@code max}. Attempts never stop.
 */
public record WebhookBackoff(Duration initial, Duration max) {
  public WebhookBackoff {
    if (initial == null || initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException("the initial backoff must be positive");
    }
    if (max == null || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("the maximum backoff must be at least the initial one");
    }
  }

  /**
   * @param failedAttempts how many attempts have failed so far, at least 1
   */
  public Duration after(int failedAttempts) {
    if (failedAttempts < 1) {
      throw new IllegalArgumentException("no attempt has failed yet");
    }
    // 2^40 times any sensible initial pause is far beyond any sensible maximum: no overflow.
    Duration delay = initial.multipliedBy(1L << Math.min(failedAttempts - 1, 40));
    return delay.compareTo(max) > 0 ? max : delay;
  }
}
