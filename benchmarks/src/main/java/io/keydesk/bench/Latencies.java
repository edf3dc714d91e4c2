package io.keydesk.bench;

import java.util.Arrays;

/** Every latency of a phase, exactly (sorted nanoseconds), with nearest-rank percentiles. */
final class Latencies {
  private final long[] sortedNanos;

  private Latencies(long[] sortedNanos) {
    this.sortedNanos = sortedNanos;
  }

  /** Merges the recorders of all clients of a phase. */
  static Latencies of(Iterable<Recorder> recorders) {
    int total = 0;
    for (Recorder recorder : recorders) {
      total += recorder.size;
    }
    long[] all = new long[total];
    int at = 0;
    for (Recorder recorder : recorders) {
      System.arraycopy(recorder.values, 0, all, at, recorder.size);
      at += recorder.size;
    }
    Arrays.sort(all);
    return new Latencies(all);
  }

  int count() {
    return sortedNanos.length;
  }

  /**
   * The smallest latency that at least {@code quantile} of all calls did not exceed (nearest rank),
   * in milliseconds; NaN when nothing was recorded.
   */
  double percentileMillis(double quantile) {
    if (quantile <= 0 || quantile > 1) {
      throw new IllegalArgumentException("quantile must be in (0, 1]: " + quantile);
    }
    if (sortedNanos.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(quantile * sortedNanos.length);
    return sortedNanos[Math.max(0, rank - 1)] / 1e6;
  }

  double maxMillis() {
    return sortedNanos.length == 0 ? Double.NaN : sortedNanos[sortedNanos.length - 1] / 1e6;
  }

  /** The latencies one client records; not thread-safe, one per client thread. */
  static final class Recorder {
    private long[] values = new long[4096];
    private int size;

    void record(long nanos) {
      if (size == values.length) {
        values = Arrays.copyOf(values, values.length * 2);
      }
      values[size++] = nanos;
    }
  }
}
