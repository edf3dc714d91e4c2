package io.keydesk.infrastructure.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(15));

  @Test
  void thePauseDoublesWithEveryFailureInARow() {
    assertEquals(
        List.of(10L, 20L, 40L, 80L, 160L, 320L, 640L),
        IntStream.rangeClosed(1, 7).mapToObj(n -> backoff.after(n).toSeconds()).toList());
  }

  @Test
  void thePauseNeverExceedsTheCapEvenAfterVeryManyFailures() {
    assertEquals(Duration.ofMinutes(15), backoff.after(8));
    assertEquals(Duration.ofMinutes(15), backoff.after(64));
    assertEquals(Duration.ofMinutes(15), backoff.after(Integer.MAX_VALUE));
  }

  @Test
  void aCapEqualToTheFirstPauseGivesAFixedPause() {
    Backoff fixed = new Backoff(Duration.ofMillis(200), Duration.ofMillis(200));
    assertEquals(Duration.ofMillis(200), fixed.after(1));
    assertEquals(Duration.ofMillis(200), fixed.after(5));
  }

  @Test
  void nonsenseIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> backoff.after(0));
    assertThrows(
        IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
  }
}
