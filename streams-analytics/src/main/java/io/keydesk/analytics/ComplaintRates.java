package io.keydesk.analytics;

import io.keydesk.events.AnalyticsResults;
import io.keydesk.events.AnalyticsStores;
import io.keydesk.events.ComplaintRate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Complaint rates as hopping windows of 1 h, 24 h and 7 d that advance by one hour, computed from
 * hourly buckets: each measure updates exactly one bucket (one state write per event), and the
 * windows ending at the end of the newest hour seen for the scope are summed from the buckets and
 * published, keyed {@code scope|id|window}.
 *
 * <p>Time is event time (the record time upstream was set from {@code occurredAt}). A measure older
 * than stream time minus {@link #GRACE} is dropped; later and out-of-order ones within the grace
 * update their hour's bucket and the current windows are re-published.
 */
final class ComplaintRates implements ProcessorSupplier<String, Measure, String, ComplaintRate> {

  static final Duration HOUR = Duration.ofHours(1);

  /** How late (behind stream time) a measure may arrive and still count. */
  static final Duration GRACE = Duration.ofHours(2);

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
            Stores.persistentWindowStore(AnalyticsStores.COMPLAINT_BUCKETS, RETENTION, HOUR, false),
            Serdes.String(),
            JsonSerde.of(RateBucket.class)),
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(AnalyticsStores.COMPLAINT_RATES),
            Serdes.String(),
            JsonSerde.of(ComplaintRate.class)));
  }

  @Override
  public Processor<String, Measure, String, ComplaintRate> get() {
    return new Processor<>() {
      private ProcessorContext<String, ComplaintRate> context;
      private WindowStore<String, RateBucket> buckets;
      private KeyValueStore<String, ComplaintRate> rates;

      @Override
      public void init(ProcessorContext<String, ComplaintRate> context) {
        this.context = context;
        this.buckets = context.getStateStore(AnalyticsStores.COMPLAINT_BUCKETS);
        this.rates = context.getStateStore(AnalyticsStores.COMPLAINT_RATES);
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
        long hour = hourStart(time);
        RateBucket bucket = buckets.fetch(record.key(), hour);
        if (bucket == null) {
          bucket = new RateBucket();
        }
        bucket.add(record.value());
        buckets.put(record.key(), bucket, hour);

        long end = hour + HOUR.toMillis();
        ComplaintRate latest = rates.get(record.key() + "|1h");
        if (latest != null && latest.windowEnd().toEpochMilli() > end) {
          end = latest.windowEnd().toEpochMilli();
        }
        Measure m = record.value();
        for (String name : WINDOW_NAMES) {
          long start = end - WINDOWS.get(name).toMillis();
          ComplaintRate rate = sum(m.scope(), m.id(), name, record.key(), start, end);
          String key = record.key() + "|" + name;
          rates.put(key, rate);
          context.forward(new Record<>(key, rate, time));
        }
      }

      private ComplaintRate sum(
          String scope, String id, String window, String key, long start, long end) {
        long delivered = 0;
        long complaints = 0;
        TreeMap<String, Long> byCategory = new TreeMap<>();
        try (WindowStoreIterator<RateBucket> hours = buckets.fetch(key, start, end - 1)) {
          while (hours.hasNext()) {
            KeyValue<Long, RateBucket> next = hours.next();
            delivered += next.value.delivered;
            complaints += next.value.complaints;
            next.value.byCategory.forEach((c, n) -> byCategory.merge(c, n, Long::sum));
          }
        }
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
    };
  }

  static long hourStart(long epochMillis) {
    return Math.floorDiv(epochMillis, HOUR.toMillis()) * HOUR.toMillis();
  }
}
