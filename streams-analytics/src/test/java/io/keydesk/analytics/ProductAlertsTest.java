package io.keydesk.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.events.AnalyticsResults;
import io.keydesk.events.ProductAlert;
import io.keydesk.events.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spike detector on flat, spiking and low-volume hourly series (explicit event times). */
class ProductAlertsTest {

  private static final Instant H0 = Instant.parse("2026-11-25T00:00:00Z");
  private static final String SKU = "STEAM-100";

  @TempDir Path stateDir;
  private Driver driver;
  private TestOutputTopic<String, ProductAlert> alerts;
  private int orders;

  @BeforeEach
  void start() {
    driver = new Driver(stateDir);
    alerts = driver.output(Topics.PRODUCT_ALERTS, ProductAlert.class);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void aFlatSeriesRaisesNothing() {
    for (int h = 0; h < 12; h++) {
      hour(h, 50, 5); // 10 % every hour, enough volume to be checked
    }
    assertTrue(alerts.isEmpty());
  }

  @Test
  void aSpikingSeriesRaisesExactlyOneAlert() {
    for (int h = 0; h < 8; h++) {
      hour(h, 50, 5);
    }
    hour(8, 50, 25); // 50 %
    hour(9, 50, 25); // still high, within the cool-down
    hour(10, 50, 5);

    List<TestRecord<String, ProductAlert>> raised = alerts.readRecordsToList();
    assertEquals(1, raised.size(), raised.toString());
    ProductAlert alert = raised.get(0).value();
    assertEquals(SKU, raised.get(0).key());
    assertEquals(AnalyticsResults.SCHEMA_VERSION, alert.schemaVersion());
    assertEquals(SKU, alert.sku());
    assertEquals("VALVE-CN", alert.supplier());
    assertEquals(List.of("B-7"), alert.batches());
    assertEquals(0.1, alert.baseline(), 1e-9);
    assertEquals(0.1 + 3 * 0.02, alert.threshold(), 1e-9);
    assertEquals(9, alert.volume(), "raised by the complaint that crossed 0.16 = 9/50");
    assertEquals(9.0 / 50, alert.rate(), 1e-9);
    assertEquals(H0.plus(Duration.ofHours(8)), alert.hourStart());
  }

  @Test
  void aSpikeOnLowVolumeRaisesNothing() {
    for (int h = 0; h < 8; h++) {
      hour(h, 10, 0);
    }
    hour(8, 2, 4); // 40 % of the usual 10 deliveries, but only 4 complaints
    assertTrue(alerts.isEmpty());
  }

  /** In hour {@code h}: deliveries first, then complaints on some of those orders. */
  private void hour(int h, int delivered, int complaints) {
    Instant start = H0.plus(Duration.ofHours(h));
    for (int i = 0; i < delivered; i++) {
      Instant at = start.plusSeconds(i);
      String orderNo = "O-" + (++orders);
      driver.order(orderNo, EventJson.order(orderNo, SKU, "VALVE-CN", at), at);
      if (i < complaints) {
        driver.cardKey(
            orderNo, EventJson.cardKey(orderNo, 0, "fp-" + orderNo, "B-7", "DELIVERED", at), at);
      }
    }
    for (int i = 0; i < complaints; i++) {
      Instant at = start.plus(Duration.ofMinutes(30)).plusSeconds(i);
      String orderNo = "O-" + (orders - delivered + 1 + i);
      String ticketNo = "T-" + orderNo;
      driver.ticket(
          ticketNo,
          EventJson.ticketCreated(ticketNo, orderNo, SKU, "VALVE-CN", "INVALID_KEY", at),
          at);
    }
  }
}
