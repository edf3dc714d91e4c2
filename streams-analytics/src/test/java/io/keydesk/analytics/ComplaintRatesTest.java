package io.keydesk.analytics;

import static io.keydesk.analytics.EventJson.cardKey;
import static io.keydesk.analytics.EventJson.order;
import static io.keydesk.analytics.EventJson.ticketCreated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.keydesk.events.AnalyticsResults;
import io.keydesk.events.AnalyticsStores;
import io.keydesk.events.ComplaintRate;
import io.keydesk.events.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.KeyValueStore;
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
    rates.readKeyValuesToMap();
    delivered("O-2", "B-1", T10.plus(Duration.ofMinutes(179))); // 12:59, 2h01 behind: dropped
    assertFalse(
        rates.readKeyValuesToMap().containsKey("product|STEAM-100|24h"),
        "nothing published for the dropped order");
    delivered("O-3", "B-1", T10.plus(Duration.ofHours(3))); // 13:00, exactly the grace: counts
    assertEquals(2, rate("product|STEAM-100|24h").delivered());
  }

  private void delivered(String orderNo, String batch, Instant at) {
    driver.order(orderNo, order(orderNo, SKU, SUPPLIER, at), at);
    driver.cardKey(orderNo, cardKey(orderNo, 0, "fp-" + orderNo, batch, "DELIVERED", at), at);
  }

  private void complaint(String ticketNo, String orderNo, String category, Instant at) {
    driver.ticket(ticketNo, ticketCreated(ticketNo, orderNo, SKU, SUPPLIER, category, at), at);
  }

  private ComplaintRate rate(String key) {
    latest.putAll(rates.readKeyValuesToMap());
    return latest.get(key);
  }
}
