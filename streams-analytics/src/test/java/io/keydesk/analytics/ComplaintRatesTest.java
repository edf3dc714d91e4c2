package io.keydesk.analytics;

import static io.keydesk.analytics.EventJson.cardKey;
import static io.keydesk.analytics.EventJson.order;
import static io.keydesk.analytics.EventJson.ticketCreated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.events.AnalyticsResults;
import io.keydesk.events.AnalyticsStores;
import io.keydesk.events.ComplaintRate;
import io.keydesk.events.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Complaint rates per product, supplier and batch over hourly-advancing windows. */
class ComplaintRatesTest {

  private static final Instant T10 = Instant.parse("2026-11-25T10:00:00Z");
  private static final String SKU = "STEAM-100";
  private static final String SUPPLIER = "VALVE-CN";

  @TempDir Path stateDir;
  private Driver driver;
  private TestOutputTopic<String, ComplaintRate> rates;
  private final Map<String, ComplaintRate> latest = new HashMap<>();

  @BeforeEach
  void start() {
    driver = new Driver(stateDir);
    rates = driver.output(Topics.COMPLAINT_RATES, ComplaintRate.class);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void ratesPerProductSupplierAndBatchOverallAndByCategory() {
    delivered("O-1", "B-1", T10);
    delivered("O-2", "B-1", T10.plusSeconds(600));
    delivered("O-3", "B-2", T10.plusSeconds(900));
    complaint("T-1", "O-1", "INVALID_KEY", T10.plusSeconds(1800));
    complaint("T-2", "O-3", "NOT_RECEIVED", T10.plusSeconds(2400));

    ComplaintRate product = rate("product|STEAM-100|1h");
    assertEquals(AnalyticsResults.SCHEMA_VERSION, product.schemaVersion());
    assertEquals("product", product.scope());
    assertEquals(SKU, product.id());
    assertEquals("1h", product.window());
    assertEquals(T10, product.windowStart());
    assertEquals(T10.plus(Duration.ofHours(1)), product.windowEnd());
    assertEquals(3, product.delivered());
    assertEquals(2, product.complaints());
    assertEquals(Map.of("INVALID_KEY", 1L, "NOT_RECEIVED", 1L), product.byCategory());
    assertEquals(2.0 / 3, product.rate(), 1e-9);

    ComplaintRate supplier = rate("supplier|VALVE-CN|24h");
    assertEquals(3, supplier.delivered());
    assertEquals(2, supplier.complaints());
    assertEquals(T10.plus(Duration.ofHours(1)).minus(Duration.ofHours(24)), supplier.windowStart());

    ComplaintRate batch1 = rate("batch|B-1|7d");
    assertEquals(2, batch1.delivered());
    assertEquals(1, batch1.complaints());
    assertEquals(Map.of("INVALID_KEY", 1L), batch1.byCategory());
    assertEquals(0.5, batch1.rate(), 1e-9);
    ComplaintRate batch2 = rate("batch|B-2|1h");
    assertEquals(1, batch2.delivered());
    assertEquals(Map.of("NOT_RECEIVED", 1L), batch2.byCategory());

    KeyValueStore<String, ComplaintRate> store =
        driver.driver.getKeyValueStore(AnalyticsStores.COMPLAINT_RATES);
    assertEquals(product, store.get("product|STEAM-100|1h"));
  }

  @Test
  void anHourIsAWindowBoundaryAndLongerWindowsSpanSeveralHours() {
    delivered("O-1", "B-1", T10.minusMillis(1)); // 09:59:59.999
    delivered("O-2", "B-1", T10); // 10:00:00.000: the next hour
    complaint("T-1", "O-2", "INVALID_KEY", T10.plusSeconds(1));

    ComplaintRate hour = rate("product|STEAM-100|1h");
    assertEquals(T10, hour.windowStart());
    assertEquals(1, hour.delivered());
    assertEquals(1.0, hour.rate(), 1e-9);
    ComplaintRate day = rate("product|STEAM-100|24h");
    assertEquals(2, day.delivered());
    assertEquals(0.5, day.rate(), 1e-9);

    // 25 hours later the day window has slid past both deliveries
    delivered("O-3", "B-1", T10.plus(Duration.ofHours(25)));
    ComplaintRate nextDay = rate("product|STEAM-100|24h");
    assertEquals(T10.plus(Duration.ofHours(2)), nextDay.windowStart());
    assertEquals(1, nextDay.delivered());
    assertEquals(0, nextDay.complaints());
    assertEquals(3, rate("product|STEAM-100|7d").delivered());
  }

  @Test
  void lateAndOutOfOrderEventsWithinTheGraceStillCount() {
    delivered("O-1", "B-1", T10.plus(Duration.ofMinutes(90))); // 11:30, stream time 11:30
    complaint("T-1", "O-1", "INVALID_KEY", T10.plus(Duration.ofMinutes(95)));
    // out of order: an earlier order of the same hour, then one an hour and a half late
    delivered("O-2", "B-1", T10.plus(Duration.ofMinutes(70)));
    delivered("O-3", "B-1", T10);

    ComplaintRate hour = rate("product|STEAM-100|1h");
    assertEquals(T10.plus(Duration.ofHours(1)), hour.windowStart(), "still the newest hour");
    assertEquals(2, hour.delivered());
    ComplaintRate day = rate("product|STEAM-100|24h");
    assertEquals(3, day.delivered());
    assertEquals(1, day.complaints());
  }

  @Test
  void anEventLaterThanTheGraceIsDropped() {
    delivered("O-1", "B-1", T10.plus(Duration.ofHours(5))); // stream time 15:00
    published();
    delivered("O-2", "B-1", T10.plus(Duration.ofMinutes(179))); // 12:59, 2h01 behind: dropped
    assertFalse(
        published().containsKey("product|STEAM-100|24h"),
        "nothing published for the dropped order");
    delivered("O-3", "B-1", T10.plus(Duration.ofHours(3))); // 13:00, exactly the grace: counts
    assertEquals(2, rate("product|STEAM-100|24h").delivered());
  }

  @Test
  void anOrderOrKeyEventDeliveredTwiceCountsOnce() {
    // No de-duplication store on these topics: the order's own state must absorb a re-delivery.
    EventJson order = order("O-1", SKU, SUPPLIER, T10);
    EventJson key = cardKey("O-1", 0, "fp-O-1", "B-1", "DELIVERED", T10);
    driver.order("O-1", order, T10);
    driver.cardKey("O-1", key, T10);
    driver.order("O-1", order, T10.plusSeconds(120));
    driver.cardKey("O-1", key, T10.plusSeconds(120));

    assertEquals(1, rate("product|STEAM-100|24h").delivered());
    assertEquals(1, rate("supplier|VALVE-CN|24h").delivered());
    assertEquals(1, rate("batch|B-1|24h").delivered());
  }

  @Test
  void runningSumsEqualCountingAgainOverNineDaysOfOutOfOrderEvents() {
    // A naive model counts every window again from the events it kept; the job keeps running sums.
    SplittableRandom random = new SplittableRandom(42);
    List<long[]> counted = new ArrayList<>(); // {event time, 1 = complaint, category index}
    Instant streamTime = T10;
    for (int i = 1; i <= 1800; i++) {
      streamTime = streamTime.plusSeconds(random.nextInt(0, 900)); // ~9 days: every window slides
      // up to 110 minutes late: inside the grace, often in an earlier hour than stream time
      Instant at = streamTime.minusSeconds(random.nextInt(0, 110 * 60));
      if (random.nextInt(4) == 0) {
        int category = random.nextInt(2);
        complaint("T-" + i, "O-" + (i - 1), CATEGORIES[category], at);
        counted.add(new long[] {at.toEpochMilli(), 1, category});
      } else {
        driver.order("O-" + i, order("O-" + i, SKU, SUPPLIER, at), at);
        counted.add(new long[] {at.toEpochMilli(), 0, 0});
      }
      if (i % 150 == 0) {
        assertEqualsCountedAgain(counted, "after " + i + " events");
      }
    }
  }

  private static final String[] CATEGORIES = {"INVALID_KEY", "NOT_RECEIVED"};

  private void assertEqualsCountedAgain(List<long[]> counted, String when) {
    for (String window : List.of("1h", "24h", "7d")) {
      ComplaintRate rate = rate("product|STEAM-100|" + window);
      long start = rate.windowStart().toEpochMilli();
      long end = rate.windowEnd().toEpochMilli();
      assertEquals(ComplaintRates.WINDOWS.get(window).toMillis(), end - start, window);
      long delivered = 0;
      long complaints = 0;
      Map<String, Long> byCategory = new HashMap<>();
      for (long[] e : counted) {
        if (e[0] >= start && e[0] < end) {
          if (e[1] == 1) {
            complaints++;
            byCategory.merge(CATEGORIES[(int) e[2]], 1L, Long::sum);
          } else {
            delivered++;
          }
        }
      }
      String what = window + " " + when;
      assertEquals(delivered, rate.delivered(), what + ": delivered");
      assertEquals(complaints, rate.complaints(), what + ": complaints");
      assertEquals(byCategory, rate.byCategory(), what + ": by category");
    }
  }

  @Test
  void eachChangedRateIsPublishedOncePerRoundWithItsLatestValue() {
    for (int i = 0; i < 20; i++) {
      delivered("O-" + i, "B-1", T10.plusSeconds(i));
    }
    driver.publishRates();
    List<KeyValue<String, ComplaintRate>> round = rates.readKeyValuesToList();
    Set<String> keys = new HashSet<>();
    round.forEach(kv -> assertTrue(keys.add(kv.key), "published twice: " + kv.key));
    assertEquals(9, keys.size(), "product, supplier, batch × 1h, 24h, 7d: " + keys);
    round.forEach(kv -> assertEquals(20, kv.value.delivered(), kv.key));
    driver.publishRates();
    assertTrue(rates.isEmpty(), "nothing changed, nothing published");
  }

  @Test
  void afterARestartEveryRateIsPublishedAgain() {
    // An instance died after committing a change it had not published yet. Its successor finds
    // the rate in the restored store and must publish it on its first round.
    MockProcessorContext<String, ComplaintRate> context = new MockProcessorContext<>();
    WindowStore<String, RateBucket> buckets =
        Stores.windowStoreBuilder(
                Stores.inMemoryWindowStore(
                    AnalyticsStores.COMPLAINT_BUCKETS,
                    ComplaintRates.RETENTION,
                    ComplaintRates.HOUR,
                    false),
                Serdes.String(),
                JsonSerde.of(RateBucket.class))
            .withLoggingDisabled()
            .build();
    KeyValueStore<String, ComplaintRate> store =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(AnalyticsStores.COMPLAINT_RATES),
                Serdes.String(),
                JsonSerde.of(ComplaintRate.class))
            .withLoggingDisabled()
            .build();
    buckets.init(context.getStateStoreContext(), buckets);
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(buckets);
    context.addStateStore(store);
    ComplaintRate restored =
        new ComplaintRate(
            AnalyticsResults.SCHEMA_VERSION,
            "product",
            SKU,
            "24h",
            T10.minus(Duration.ofHours(23)),
            T10.plus(Duration.ofHours(1)),
            4,
            1,
            Map.of("INVALID_KEY", 1L),
            0.25);
    store.put("product|STEAM-100|24h", restored);

    new ComplaintRates().get().init(context);
    context.scheduledPunctuators().get(0).getPunctuator().punctuate(0);

    List<Record<? extends String, ? extends ComplaintRate>> sent =
        context.forwarded().stream()
            .<Record<? extends String, ? extends ComplaintRate>>map(f -> f.record())
            .toList();
    assertEquals(1, sent.size());
    assertEquals("product|STEAM-100|24h", sent.get(0).key());
    assertEquals(restored, sent.get(0).value());
    context.resetForwards();
    context.scheduledPunctuators().get(0).getPunctuator().punctuate(200);
    assertTrue(context.forwarded().isEmpty(), "only once");
  }

  private void delivered(String orderNo, String batch, Instant at) {
    driver.order(orderNo, order(orderNo, SKU, SUPPLIER, at), at);
    driver.cardKey(orderNo, cardKey(orderNo, 0, "fp-" + orderNo, batch, "DELIVERED", at), at);
  }

  private void complaint(String ticketNo, String orderNo, String category, Instant at) {
    driver.ticket(ticketNo, ticketCreated(ticketNo, orderNo, SKU, SUPPLIER, category, at), at);
  }

  private ComplaintRate rate(String key) {
    latest.putAll(published());
    return latest.get(key);
  }

  private Map<String, ComplaintRate> published() {
    driver.publishRates();
    return rates.readKeyValuesToMap();
  }
}
