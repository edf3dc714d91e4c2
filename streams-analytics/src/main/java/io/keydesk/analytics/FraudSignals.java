package io.keydesk.analytics;

import io.keydesk.events.AnalyticsResults;
import io.keydesk.events.AnalyticsStores;
import io.keydesk.events.FraudSignal;
import io.keydesk.events.FraudSignal.Kind;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
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

/**
 * Counts claims, distinct buyers and refunds per subject ({@code dimension|subject}) in UTC days,
 * UTC months and (for key fingerprints) ever, in the store {@link AnalyticsStores#FRAUD_COUNTERS},
 * and raises a {@link FraudSignal} the first time a count goes over its threshold in a window —
 * once per kind, subject and window, never again on further events of that window. Day and month
 * counters are deleted a day after their window ended (checked every hour of stream time; the store
 * is scanned only when a window end is due, known from an in-memory count of window ends).
 */
final class FraudSignals implements ProcessorSupplier<String, FraudFact, String, FraudSignal> {

  static final String DAY = "day";
  static final String MONTH = "month";
  static final String ALL = "all";
  private static final Duration PURGE_EVERY = Duration.ofHours(1);
  private static final Duration KEEP_AFTER_END = Duration.ofDays(1);

  private final FraudThresholds thresholds;

  FraudSignals(FraudThresholds thresholds) {
    this.thresholds = thresholds;
  }

  @Override
  public Set<StoreBuilder<?>> stores() {
    return Set.of(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(AnalyticsStores.FRAUD_COUNTERS),
                Serdes.String(),
                JsonSerde.binary(FraudCounter.class))
            .withCachingEnabled());
  }

  @Override
  public Processor<String, FraudFact, String, FraudSignal> get() {
    return new Processor<>() {
      private ProcessorContext<String, FraudSignal> context;
      private KeyValueStore<String, FraudCounter> store;
      private ValueCache<String, FraudCounter> counters;

      /**
       * How many counters end at each window end (day and month windows only): the purge scans the
       * store only when one of them is due, i.e. once a day of stream time rather than every hour.
       * Rebuilt from the store in {@code init}.
       */
      private final TreeMap<Long, Integer> windowEnds = new TreeMap<>();

      @Override
      public void init(ProcessorContext<String, FraudSignal> context) {
        this.context = context;
        this.store = context.getStateStore(AnalyticsStores.FRAUD_COUNTERS);
        this.counters = ValueCache.of(store);
        windowEnds.clear();
        try (KeyValueIterator<String, FraudCounter> all = store.all()) {
          while (all.hasNext()) {
            countWindowEnd(all.next().value.windowEnd);
          }
        }
        context.schedule(PURGE_EVERY, PunctuationType.STREAM_TIME, this::purge);
      }

      @Override
      public void process(Record<String, FraudFact> record) {
        FraudFact fact = record.value();
        long at = record.timestamp();
        switch (fact.dimension()) {
          case FraudFact.BUYER -> {
            window(
                record,
                DAY,
                at,
                c -> claims(c, Kind.BUYER_CLAIM_VELOCITY, thresholds.buyerClaimsPerDay()));
            window(
                record,
                MONTH,
                at,
                c -> {
                  claims(c, Kind.BUYER_CLAIM_VELOCITY, thresholds.buyerClaimsPerMonth());
                  refundRatio(c);
                });
          }
          case FraudFact.IP -> {
            window(
                record,
                DAY,
                at,
                c -> {
                  claims(c, Kind.IP_CLAIM_VELOCITY, thresholds.ipClaimsPerDay());
                  buyers(c, Kind.SHARED_IP, thresholds.buyersPerIpPerDay());
                });
            window(
                record,
                MONTH,
                at,
                c -> {
                  claims(c, Kind.IP_CLAIM_VELOCITY, thresholds.ipClaimsPerMonth());
                  buyers(c, Kind.SHARED_IP, thresholds.buyersPerIpPerMonth());
                });
          }
          case FraudFact.DEVICE -> {
            window(
                record,
                DAY,
                at,
                c -> {
                  claims(c, Kind.DEVICE_CLAIM_VELOCITY, thresholds.deviceClaimsPerDay());
                  buyers(c, Kind.SHARED_DEVICE, thresholds.buyersPerDevicePerDay());
                });
            window(
                record,
                MONTH,
                at,
                c -> {
                  claims(c, Kind.DEVICE_CLAIM_VELOCITY, thresholds.deviceClaimsPerMonth());
                  buyers(c, Kind.SHARED_DEVICE, thresholds.buyersPerDevicePerMonth());
                });
          }
          case FraudFact.FINGERPRINT ->
              window(
                  record,
                  ALL,
                  at,
                  c -> {
                    long distinct = Math.max(c.counter.claims.size(), c.counter.buyers.size());
                    cross(
                        c,
                        Kind.DUPLICATE_KEY_CLAIM,
                        distinct,
                        thresholds.claimsPerFingerprint(),
                        distinct
                            + " tickets / "
                            + c.counter.buyers.size()
                            + " buyers claim this key");
                  });
          default -> {
            // a dimension of a newer build: nothing to count
          }
        }
      }

      /** The counter of one window, updated with the fact and checked. */
      private record Checked(
          Record<String, FraudFact> record, String window, long start, FraudCounter counter) {}

      private void window(
          Record<String, FraudFact> record,
          String window,
          long at,
          java.util.function.Consumer<Checked> checks) {
        long start;
        long end;
        if (DAY.equals(window)) {
          start = Math.floorDiv(at, Duration.ofDays(1).toMillis()) * Duration.ofDays(1).toMillis();
          end = start + Duration.ofDays(1).toMillis();
        } else if (MONTH.equals(window)) {
          YearMonth month = YearMonth.from(Instant.ofEpochMilli(at).atOffset(ZoneOffset.UTC));
          start = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
          end =
              month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        } else {
          start = 0;
          end = Long.MAX_VALUE;
        }
        String key = record.key() + "|" + window + "|" + start;
        FraudCounter counter = counters.get(key);
        if (counter == null) {
          counter = new FraudCounter();
          counter.windowEnd = end;
          countWindowEnd(end);
        }
        FraudFact fact = record.value();
        if (fact.refund()) {
          FraudCounter.add(counter.refunds, fact.ticketNo());
        } else {
          FraudCounter.add(counter.claims, fact.ticketNo());
          FraudCounter.add(counter.buyers, fact.buyer());
        }
        checks.accept(new Checked(record, window, start, counter));
        counters.put(key, counter);
      }

      private void claims(Checked c, Kind kind, long threshold) {
        long n = c.counter.claims.size();
        cross(c, kind, n, threshold, n + " claims in the " + c.window);
      }

      private void buyers(Checked c, Kind kind, long threshold) {
        long n = c.counter.buyers.size();
        cross(c, kind, n, threshold, n + " distinct buyers claimed in the " + c.window);
      }

      private void refundRatio(Checked c) {
        long claims = c.counter.claims.size();
        long refunds = c.counter.refunds.size();
        if (claims < thresholds.refundMinClaims() || claims == 0) {
          return;
        }
        long percent = refunds * 100 / claims;
        cross(
            c,
            Kind.REFUND_RATIO,
            percent,
            thresholds.refundRatioPercent(),
            refunds + " refunds for " + claims + " claims in the month (percent)");
      }

      private void cross(Checked c, Kind kind, long count, long threshold, String detail) {
        if (count <= threshold || !c.counter.signalled.add(kind.name())) {
          return;
        }
        FraudFact fact = c.record.value();
        FraudSignal signal =
            new FraudSignal(
                AnalyticsResults.SCHEMA_VERSION,
                kind.name(),
                fact.dimension(),
                fact.subject(),
                count,
                threshold,
                c.window,
                ALL.equals(c.window) ? null : Instant.ofEpochMilli(c.start),
                detail,
                Instant.ofEpochMilli(c.record.timestamp()));
        context.forward(
            new Record<>(kind.name() + "|" + fact.subject(), signal, c.record.timestamp()));
      }

      private void countWindowEnd(long windowEnd) {
        if (windowEnd != Long.MAX_VALUE) {
          windowEnds.merge(windowEnd, 1, Integer::sum);
        }
      }

      private void purge(long streamTime) {
        // expired: windowEnd + KEEP_AFTER_END < streamTime
        SortedMap<Long, Integer> due =
            windowEnds.headMap(streamTime - KEEP_AFTER_END.toMillis(), false);
        if (due.isEmpty()) {
          return;
        }
        due.clear();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, FraudCounter> all = store.all()) {
          while (all.hasNext()) {
            KeyValue<String, FraudCounter> next = all.next();
            if (next.value.windowEnd != Long.MAX_VALUE
                && next.value.windowEnd + KEEP_AFTER_END.toMillis() < streamTime) {
              expired.add(next.key);
            }
          }
        }
        expired.forEach(counters::delete);
      }
    };
  }
}
