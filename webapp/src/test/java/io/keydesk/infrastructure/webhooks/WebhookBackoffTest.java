package io.keydesk.infrastructure.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookBackoffTest {
  private final WebhookBackoff backoff =
      new WebhookBackoff(Duration.ofSeconds(5), Duration.ofMinutes(10));

  @Test
  void doublesFromTheInitialPauseUpToTheMaximum() {
    assertEquals(Duration.ofSeconds(5), backoff.after(1));
    assertEquals(Duration.ofSeconds(10), backoff.after(2));
    assertEquals(Duration.ofSeconds(20), backoff.after(3));
    assertEquals(Duration.ofSeconds(320), backoff.after(7));
    assertEquals(Duration.ofMinutes(10), backoff.after(8), "640 s is capped at 600 s");
    assertEquals(Duration.ofMinutes(10), backoff.after(9));
  }

  @Test
  void staysAtTheMaximumForeverWithoutOverflowing() {
    assertEquals(Duration.ofMinutes(10), backoff.after(63));
    assertEquals(Duration.ofMinutes(10), backoff.after(64));
    assertEquals(Duration.ofMinutes(10), backoff.after(Integer.MAX_VALUE));
  }

  @Test
  void refusesNonsense() {
    assertThrows(IllegalArgumentException.class, () -> backoff.after(0));
    assertThrows(
        IllegalArgumentException.class,
        () -> new WebhookBackoff(Duration.ZERO, Duration.ofSeconds(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new WebhookBackoff(Duration.ofSeconds(5), Duration.ofSeconds(1)));
  }
}
