package io.keydesk.analytics;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a stream thread that died (its tasks restart from the last committed offsets and state),
 * but shuts this instance down once threads have died {@code maxReplacements} times within {@code
 * window}: an error that recurs on every attempt should stop the job visibly, not spin it forever.
 */
final class ReplaceDeadThreads implements StreamsUncaughtExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ReplaceDeadThreads.class);

  private final String applicationId;
  private final int maxReplacements;
  private final Duration window;
  private final LongSupplier clockMillis;
  private final Deque<Long> replacements = new ArrayDeque<>();

  ReplaceDeadThreads(
      String applicationId, int maxReplacements, Duration window, LongSupplier clockMillis) {
    this.applicationId = applicationId;
    this.maxReplacements = maxReplacements;
    this.window = window;
    this.clockMillis = clockMillis;
  }

  @Override
  public synchronized StreamThreadExceptionResponse handle(Throwable error) {
    long now = clockMillis.getAsLong();
    while (!replacements.isEmpty() && replacements.peekFirst() <= now - window.toMillis()) {
      replacements.pollFirst();
    }
    if (replacements.size() >= maxReplacements) {
      LOG.error(
          "A stream thread of {} died again after {} replacements within {}; shutting down",
          applicationId,
          replacements.size(),
          window,
          error);
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
    replacements.addLast(now);
    LOG.error("A stream thread of {} died; replacing it", applicationId, error);
    return StreamThreadExceptionResponse.REPLACE_THREAD;
  }
}
