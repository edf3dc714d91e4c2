package io.keydesk.analytics;

import io.keydesk.events.AnalyticsResults;
import io.keydesk.events.AnalyticsStores;
import io.keydesk.events.ProductAlert;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The spike detector: compares a product's complaint rate of the current hour against that
 * product's own trailing baseline and raises one {@link ProductAlert} per spike.
 *
 * <p>Method. Per product, hour by hour (event time): when a measure of a later hour arrives, the
 * finished hour's rate {@code x = complaints / max(delivered, meanDelivered, 1)} is folded into
 * exponentially weighted moving averages with {@link Settings#alpha}: {@code mean += α(x − mean)},
 * {@code variance = (1 − α)(variance + α(x − mean)²)} (hours without any event are skipped). On
 * each complaint of the current hour, the current rate is compared: an alert is raised when at
 * least {@link Settings#warmupHours} hours are in the baseline, the hour has at least {@link
 * Settings#minComplaints} complaints, and {@code rate > mean + k · max(sd, sdFloor)}. After an
 * alert the product is quiet for {@link Settings#coolDown}, so one spike raises one alert. Measures
 * of an hour older than the current one are ignored here (the rates count them).
 */
final class ProductAlerts implements ProcessorSupplier<String, Measure, String, ProductAlert> {

  /**
   * Parameters of the detector.
   *
   * @param alpha EWMA weight of the newest hour (0..1)
   * @param k how many deviations above the mean is a spike
   * @param sdFloor the smallest deviation used, so a perfectly flat history does not alert on noise
   * @param minComplaints the least complaints in the hour to alert
   * @param warmupHours the least finished hours in the baseline to alert
   * @param coolDown quiet period after an alert
   */
  record Settings(
      double alpha,
      double k,
      double sdFloor,
      long minComplaints,
      int warmupHours,
      Duration coolDown) {
    static final Settings DEFAULTS = new Settings(0.3, 3.0, 0.02, 5, 3, Duration.ofHours(6));
  }

  private final Settings settings;

  ProductAlerts(Settings settings) {
    this.settings = settings;
  }

  @Override
  public Set<StoreBuilder<?>> stores() {
    return Set.of(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(AnalyticsStores.PRODUCT_BASELINES),
                Serdes.String(),
                JsonSerde.binary(Baseline.class))
            .withCachingEnabled());
  }

  @Override
  public Processor<String, Measure, String, ProductAlert> get() {
    return new Processor<>() {
      private ProcessorContext<String, ProductAlert> context;
      private ValueCache<String, Baseline> baselines;

      @Override
      public void init(ProcessorContext<String, ProductAlert> context) {
        this.context = context;
        KeyValueStore<String, Baseline> store =
            context.getStateStore(AnalyticsStores.PRODUCT_BASELINES);
        this.baselines = ValueCache.of(store);
      }

      @Override
      public void process(Record<String, Measure> record) {
        Measure m = record.value();
        if (!Measure.PRODUCT.equals(m.scope())) {
          return;
        }
        String sku = m.id();
        Baseline b = baselines.get(sku);
        if (b == null) {
          b = new Baseline();
        }
        long hour = ComplaintRates.hourStart(record.timestamp());
        if (hour < b.hourStart) {
          return;
        }
        if (hour > b.hourStart) {
          fold(b);
          b.hourStart = hour;
          b.delivered = 0;
          b.complaints = 0;
          b.batches.clear();
        }
        if (m.supplier() != null) {
          b.supplier = m.supplier();
        }
        if (m.isComplaint()) {
          b.complaints++;
          b.batches.addAll(m.batches());
          check(sku, b, record.timestamp());
        } else {
          b.delivered++;
        }
        baselines.put(sku, b);
      }

      private void fold(Baseline b) {
        if (b.hourStart < 0 || (b.delivered == 0 && b.complaints == 0)) {
          return;
        }
        double x = rate(b);
        if (b.hoursSeen == 0) {
          b.mean = x;
          b.variance = 0;
          b.meanDelivered = b.delivered;
        } else {
          double a = settings.alpha();
          double diff = x - b.mean;
          b.mean += a * diff;
          b.variance = (1 - a) * (b.variance + a * diff * diff);
          b.meanDelivered += a * (b.delivered - b.meanDelivered);
        }
        b.hoursSeen++;
      }

      private double rate(Baseline b) {
        return b.complaints / Math.max(Math.max(b.delivered, b.meanDelivered), 1.0);
      }

      private void check(String sku, Baseline b, long at) {
        if (b.hoursSeen < settings.warmupHours()
            || b.complaints < settings.minComplaints()
            || at < b.quietUntil) {
          return;
        }
        double threshold =
            b.mean + settings.k() * Math.max(Math.sqrt(b.variance), settings.sdFloor());
        double rate = rate(b);
        if (rate <= threshold) {
          return;
        }
        b.quietUntil = at + settings.coolDown().toMillis();
        ProductAlert alert =
            new ProductAlert(
                AnalyticsResults.SCHEMA_VERSION,
                sku,
                b.supplier,
                List.copyOf(b.batches),
                rate,
                b.mean,
                threshold,
                b.complaints,
                b.delivered,
                Instant.ofEpochMilli(b.hourStart),
                Instant.ofEpochMilli(at));
        context.forward(new Record<>(sku, alert, at));
      }
    };
  }
}
