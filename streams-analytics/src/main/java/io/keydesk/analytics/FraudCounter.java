package io.keydesk.analytics;

import java.util.TreeSet;

/**
 * Distinct claims, buyers and refunds of one subject in one window (store {@code fraud-counters},
 * JSON), and the signals already raised for it. Sets stop growing at {@link #CAP} entries.
 */
final class FraudCounter {
  static final int CAP = 1000;

  /** End (epoch ms, exclusive) of the window; {@link Long#MAX_VALUE} for {@code all}. */
  public long windowEnd;

  public TreeSet<String> claims = new TreeSet<>();
  public TreeSet<String> buyers = new TreeSet<>();
  public TreeSet<String> refunds = new TreeSet<>();
  public TreeSet<String> signalled = new TreeSet<>();

  static void add(TreeSet<String> set, String value) {
    if (value != null && set.size() < CAP) {
      set.add(value);
    }
  }
}
