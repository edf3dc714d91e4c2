package io.keydesk.application;

import io.keydesk.domain.shared.DomainException;
import java.time.Duration;

/** A rate limit was hit; the caller may try again after {@link #retryAfter()}. */
public class TooManyRequestsException extends DomainException {
  private static final long serialVersionUID = 1L;
  private final transient Duration retryAfter;

  public TooManyRequestsException(Duration retryAfter) {
    super("rate-limited", "too many requests; try again later");
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
