package io.keydesk.analytics;

import java.util.TreeMap;

/** Delivered orders and complaints of one scope in one hour (store {@code complaint-buckets}). */
final class RateBucket {
  public long delivered;
  public long complaints;
  public TreeMap<String, Long> byCategory = new TreeMap<>();

  void add(Measure m) {
    if (m.isComplaint()) {
      complaints++;
      if (m.category() != null) {
        byCategory.merge(m.category(), 1L, Long::sum);
      }
    } else {
      delivered++;
    }
  }
}
