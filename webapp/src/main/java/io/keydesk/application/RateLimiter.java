package io.keydesk.application;

import java.time.Duration;

/** Counts hits per bucket in fixed windows, shared by all app instances. */
public interface RateLimiter {
  /**
   * Counts one hit. When the bucket is over its limit the answer says how long to wait; the hit is
   * counted either way.
   */
  Decision hit(String bucket, int limit, Duration window);

  /** Allowed, or refused with the time until the window ends. */
  record Decision(boolean allowed, Duration retryAfter) {}
}
