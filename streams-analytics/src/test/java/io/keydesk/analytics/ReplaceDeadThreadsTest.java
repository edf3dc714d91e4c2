package io.keydesk.analytics;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReplaceDeadThreadsTest {

  private final AtomicLong now = new AtomicLong(1_000_000);
  private final ReplaceDeadThreads handler =
      new ReplaceDeadThreads("keydesk-analytics-test", 3, Duration.ofMinutes(10), now::get);
  private final RuntimeException crash = new IllegalStateException("boom");

  @Test
  void replacesADeadThreadUntilThreadsKeepDying() {
    assertEquals(REPLACE_THREAD, handler.handle(crash));
    assertEquals(REPLACE_THREAD, handler.handle(crash));
    assertEquals(REPLACE_THREAD, handler.handle(crash));

    assertEquals(SHUTDOWN_CLIENT, handler.handle(crash));
  }

  @Test
  void forgetsDeathsOlderThanTheWindow() {
    handler.handle(crash);
    handler.handle(crash);
    handler.handle(crash);

    now.addAndGet(Duration.ofMinutes(10).toMillis());

    assertEquals(REPLACE_THREAD, handler.handle(crash));
  }
}
