package io.keydesk.analytics;

import io.keydesk.events.AnalyticsResults;
import io.keydesk.events.AnalyticsStores;
import io.keydesk.events.ComplaintRate;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Complaint rates as hopping windows of 1 h, 24 h and 7 d that advance by one hour, kept as running
 * sums over hourly buckets: each measure adds to one bucket and to the sums of the windows that
 * hold its hour (a few small state reads and writes per event, however long the window); only when
 * a scope's newest hour moves on is a window summed again from its buckets — once per scope, window
 * and hour. Rates are keyed {@code scope|id|window}.
 *
 * <p>Publishing. The changed rates are sent every {@link #PUBLISH_EVERY} of wall-clock time, each
 * key once with its latest value (the result topic is a table: intermediate values carry nothing a
 * reader needs). After a start or a rebalance every rate of the task is sent again once, so a
 * change that was committed but not yet sent when an instance died is never lost.
 *
 * <p>Time is event time (the record time upstream was set from {@code occurredAt}). A measure older
 * than stream time minus {@link #GRACE} is dropped; later and out-of-order ones within the grace
 * update their hour's bucket and the windows that hold that hour.
 */
final class ComplaintRates implements ProcessorSupplier<String, Measure, String, ComplaintRate> {

  static final Duration HOUR = Duration.ofHours(1);

  /** How late (behind stream time) a measure may arrive and still count. */
  static final Duration GRACE = Duration.ofHours(2);

  /** How often (wall-clock) the changed rates are published. */
  static final Duration PUBLISH_EVERY = Duration.ofMillis(200);

  /** The windows published, by name. */
  static final Map<String, Duration> WINDOWS =
      Map.of("1h", Duration.ofHours(1), "24h", Duration.ofHours(24), "7d", Duration.ofDays(7));

  private static final List<String> WINDOW_NAMES = List.of("1h", "24h", "7d");

  /** Buckets are kept for the longest window plus the grace plus a day of margin. */
  static final Duration RETENTION = Duration.ofDays(8).plus(GRACE);

  private static final Logger LOG = LoggerFactory.getLogger(ComplaintRates.class);

  @Override
  public Set<StoreBuilder<?>> stores() {
    return Set.of(
        Stores.windowStoreBuilder(
                Stores.persistentWindowStore(
                    AnalyticsStores.COMPLAINT_BUCKETS, RETENTION, HOUR, false),
                Serdes.String(),
                CompactSerde.RATE_BUCKET)
            .withCachingEnabled(),
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(AnalyticsStores.COMPLAINT_RATES),
                Serdes.String(),
                CompactSerde.COMPLAINT_RATE)
            .withCachingEnabled());
  }

  @Override
  public Processor<String, Measure, String, ComplaintRate> get() {
    return new Processor<>() {
      private ProcessorContext<String, ComplaintRate> context;
      private WindowStore<String, RateBucket> buckets;
      private KeyValueStore<String, ComplaintRate> ratesStore;
      private ValueCache<String, ComplaintRate> rates;

      /** The buckets of the newest hours, by {@code scope|id} and hour start. */
      private ValueCache<BucketKey, RateBucket> hourBuckets;

      /** Rate keys changed since the last publication → record time to publish them with. */
      private final Map<String, Long> changed = new LinkedHashMap<>();

      private boolean publishAll = true;

      @Override
      public void init(ProcessorContext<String, ComplaintRate> context) {
        this.context = context;
        this.buckets = context.getStateStore(AnalyticsStores.COMPLAINT_BUCKETS);
        this.ratesStore = context.getStateStore(AnalyticsStores.COMPLAINT_RATES);
        this.rates = ValueCache.of(ratesStore);
        this.hourBuckets =
            ValueCache.of(
                k -> buckets.fetch(k.key(), k.hour()),
                (k, bucket) -> buckets.put(k.key(), bucket, k.hour()),
                k -> buckets.put(k.key(), null, k.hour()),
                ValueCache.DEFAULT_CAPACITY);
        context.schedule(PUBLISH_EVERY, PunctuationType.WALL_CLOCK_TIME, now -> publish());
      }

      @Override
      public void process(Record<String, Measure> record) {
        long time = record.timestamp();
        long streamTime = Math.max(context.currentStreamTimeMs(), time);
        if (time < streamTime - GRACE.toMillis()) {
          LOG.debug(
              "Dropped a {} measure for {} at {}: more than {} behind stream time",
              record.value().kind(),
              record.key(),
              Instant.ofEpochMilli(time),
              GRACE);
          return;
        }
        Measure m = record.value();
        long hour = hourStart(time);
        BucketKey bucketKey = new BucketKey(record.key(), hour);
        RateBucket bucket = hourBuckets.get(bucketKey);
        if (bucket == null) {
          bucket = new RateBucket();
        }
        bucket.add(m);
        hourBuckets.put(bucketKey, bucket);

        long end = hour + HOUR.toMillis();
        ComplaintRate latest = rates.get(record.key() + "|1h");
        if (latest != null && latest.windowEnd().toEpochMilli() > end) {
          end = latest.windowEnd().toEpochMilli();
        }
        for (String name : WINDOW_NAMES) {
          String key = record.key() + "|" + name;
          ComplaintRate current = name.equals("1h") ? latest : rates.get(key);
          long start = end - WINDOWS.get(name).toMillis();
          ComplaintRate next;
          if (current == null || current.windowEnd().toEpochMilli() <= start) {
            next = sum(m.scope(), m.id(), name, record.key(), start, end);
          } else if (current.windowEnd().toEpochMilli() < end) {
            next = advance(current, record.key(), start, end);
          } else if (hour >= start) {
            next = plus(current, m);
          } else {
            continue; // the measure's hour is older than this window
          }
          rates.put(key, next);
          changed.merge(key, time, Math::max);
        }
      }

      private void publish() {
        if (publishAll) {
          publishAll = false;
          try (KeyValueIterator<String, ComplaintRate> all = ratesStore.all()) {
            while (all.hasNext()) {
              KeyValue<String, ComplaintRate> next = all.next();
              changed.putIfAbsent(next.key, next.value.windowEnd().toEpochMilli() - 1);
            }
          }
        }
        for (Map.Entry<String, Long> key : changed.entrySet()) {
          ComplaintRate rate = rates.get(key.getKey());
          if (rate != null) {
            context.forward(new Record<>(key.getKey(), rate, key.getValue()));
          }
        }
        changed.clear();
      }

      /** The window summed from its buckets. */
      private ComplaintRate sum(
          String scope, String id, String window, String key, long start, long end) {
        RateBucket total = new RateBucket();
        addBuckets(total, key, start, end, 1);
        return rate(
            scope, id, window, start, end, total.delivered, total.complaints, total.byCategory);
      }

      /**
       * The window moved on to end at {@code end}: the hours that left it are taken off and the new
       * hours added, instead of summing every hour again (2 bucket reads, not up to 168).
       */
      private ComplaintRate advance(ComplaintRate current, String key, long start, long end) {
        RateBucket total = RateBucket.of(current);
        addBuckets(total, key, current.windowStart().toEpochMilli(), start, -1);
        addBuckets(total, key, current.windowEnd().toEpochMilli(), end, 1);
        total.byCategory.values().removeIf(n -> n == 0);
        return rate(current, total, start);
      }

      /** Adds ({@code sign} 1) or subtracts (-1) the buckets of the hours in [from, to). */
      private void addBuckets(RateBucket total, String key, long from, long to, int sign) {
        if (from >= to) {
          return;
        }
        try (WindowStoreIterator<RateBucket> hours = buckets.fetch(key, from, to - 1)) {
          while (hours.hasNext()) {
            RateBucket hour = hours.next().value;
            total.delivered += sign * hour.delivered;
            total.complaints += sign * hour.complaints;
            hour.byCategory.forEach((c, n) -> total.byCategory.merge(c, sign * n, Long::sum));
          }
        }
      }
    };
  }

  /** One hourly bucket of one {@code scope|id}. */
  private record BucketKey(String key, long hour) {}

  /** {@code current} with one more measure of an hour inside its window. */
  static ComplaintRate plus(ComplaintRate current, Measure m) {
    RateBucket total = RateBucket.of(current);
    total.add(m);
    return rate(current, total, current.windowStart().toEpochMilli());
  }

  /** {@code current}'s scope and window over [start, its end) with the counts of {@code total}. */
  private static ComplaintRate rate(ComplaintRate current, RateBucket total, long start) {
    return rate(
        current.scope(),
        current.id(),
        current.window(),
        start,
        start + WINDOWS.get(current.window()).toMillis(),
        total.delivered,
        total.complaints,
        total.byCategory);
  }

  private static ComplaintRate rate(
      String scope,
      String id,
      String window,
      long start,
      long end,
      long delivered,
      long complaints,
      Map<String, Long> byCategory) {
    double rate = delivered == 0 ? complaints : (double) complaints / delivered;
    return new ComplaintRate(
        AnalyticsResults.SCHEMA_VERSION,
        scope,
        id,
        window,
        Instant.ofEpochMilli(start),
        Instant.ofEpochMilli(end),
        delivered,
        complaints,
        byCategory,
        rate);
  }

  static long hourStart(long epochMillis) {
    return Math.floorDiv(epochMillis, HOUR.toMillis()) * HOUR.toMillis();
  }
}
