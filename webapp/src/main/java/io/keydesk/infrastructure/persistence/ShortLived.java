package io.keydesk.infrastructure.persistence;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * One value read from the database and kept for a short time by this instance, for reference data
 * that every request reads and staff rarely change (risk thresholds, the block lists). A change
 * made through this instance calls {@link #invalidate()} once it has committed and is seen at once;
 * a change made through another instance is seen here within {@code timeToLive}.
 *
 * <p>A load that began before an invalidation is not kept (a generation number), so a value read
 * just before a change commits cannot outlive the change.
 */
final class ShortLived<T> {
  private record Entry<T>(T value, long loadedAt, long generation) {}

  private final long timeToLiveNanos;
  private final Object lock = new Object();
  private volatile Entry<T> entry;
  private long generation;

  ShortLived(Duration timeToLive) {
    this.timeToLiveNanos = timeToLive.toNanos();
  }

  /** The kept value, or a fresh one from {@code load} when there is none or it is too old. */
  T get(Supplier<T> load) {
    Entry<T> e = entry;
    long now = System.nanoTime();
    if (e != null && now - e.loadedAt() < timeToLiveNanos) {
      return e.value();
    }
    long started;
    synchronized (lock) {
      started = generation;
    }
    T value = load.get();
    synchronized (lock) {
      if (generation == started) {
        entry = new Entry<>(value, now, started);
      }
    }
    return value;
  }

  /** Forgets the value: the next {@link #get} reads the database. */
  void invalidate() {
    synchronized (lock) {
      generation++;
      entry = null;
    }
  }
}
