package io.keydesk.infrastructure.notification;

/**
 * A notice could not be sent. {@link #permanent()} failures (an address the server refuses, an
 * order that is gone) are not retried; every other failure is, with backoff.
 */
public class DeliveryException extends Exception {
  private static final long serialVersionUID = 1L;
  private final boolean permanent;

  DeliveryException(String message, boolean permanent, Throwable cause) {
    super(message, cause);
    this.permanent = permanent;
  }

  static DeliveryException retry(String message, Throwable cause) {
    return new DeliveryException(message, false, cause);
  }

  static DeliveryException refused(String message) {
    return new DeliveryException(message, true, null);
  }

  public boolean permanent() {
    return permanent;
  }
}
