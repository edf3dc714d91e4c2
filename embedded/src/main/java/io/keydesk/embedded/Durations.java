package io.keydesk.embedded;

import java.time.Duration;
import java.time.Instant;

/** Small helpers for bounded waits and for durations in log lines. */
final class Durations {
  private Durations() {}

  /** Sleeps; an interrupt ends the wait with an exception (the interrupt flag stays set). */
  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting", e);
    }
  }

  /** "2.4 s" since {@code begin}. */
  static String since(Instant begin) {
    return seconds(Duration.between(begin, Instant.now()));
  }

  /** "2.4 s". */
  static String seconds(Duration duration) {
    return String.format("%.1f s", duration.toMillis() / 1000.0);
  }
}
