package io.keydesk.analytics;

import io.keydesk.events.ComplaintRate;
import java.util.TreeMap;

/** Delivered orders and complaints of one scope in one hour (store {@code complaint-buckets}). */
final class RateBucket {
  public long delivered;
  public long complaints;
  public TreeMap<String, Long> byCategory = new TreeMap<>();

  /** The counts of a window's rate, to add hours to or take hours from. */
  static RateBucket of(ComplaintRate rate) {
    RateBucket bucket = new RateBucket();
    bucket.delivered = rate.delivered();
    bucket.complaints = rate.complaints();
    bucket.byCategory.putAll(rate.byCategory());
    return bucket;
  }

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
