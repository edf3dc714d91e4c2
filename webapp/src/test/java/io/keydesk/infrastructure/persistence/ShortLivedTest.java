package io.keydesk.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ShortLivedTest {
  @Test
  void aValueIsReadOnceWhileItIsFresh() {
    AtomicInteger reads = new AtomicInteger();
    ShortLived<Integer> kept = new ShortLived<>(Duration.ofMinutes(1));
    assertEquals(1, kept.get(reads::incrementAndGet));
    assertEquals(1, kept.get(reads::incrementAndGet));
    assertEquals(1, reads.get());
  }

  @Test
  void anOldValueIsReadAgain() throws InterruptedException {
    AtomicInteger reads = new AtomicInteger();
    ShortLived<Integer> kept = new ShortLived<>(Duration.ofMillis(20));
    kept.get(reads::incrementAndGet);
    Thread.sleep(40);
    assertEquals(2, kept.get(reads::incrementAndGet));
  }

  @Test
  void anInvalidatedValueIsReadAgain() {
    AtomicInteger reads = new AtomicInteger();
    ShortLived<Integer> kept = new ShortLived<>(Duration.ofMinutes(1));
    kept.get(reads::incrementAndGet);
    kept.invalidate();
    assertEquals(2, kept.get(reads::incrementAndGet));
  }

  @Test
  void aReadThatStartedBeforeAChangeIsNotKept() {
    AtomicInteger reads = new AtomicInteger();
    ShortLived<Integer> kept = new ShortLived<>(Duration.ofMinutes(1));
    // the change commits (and invalidates) while the first read is still running
    assertEquals(
        1,
        kept.get(
            () -> {
              kept.invalidate();
              return reads.incrementAndGet();
            }));
    assertEquals(2, kept.get(reads::incrementAndGet));
  }
}
