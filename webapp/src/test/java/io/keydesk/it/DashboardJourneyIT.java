package io.keydesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import io.keydesk.events.Topics;
import io.keydesk.it.Claims.Buyer;
import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A supervisor watches the dashboard update: the streams job publishes a complaint rate and a
 * buyer's case is resolved automatically while the page is open, and both show without a reload.
 */
class DashboardJourneyIT extends BrowserIT {
  private static final Duration LIVE = Duration.ofSeconds(30);

  @Test
  void aSupervisorWatchesTheDashboardUpdate() throws Exception {
    Browser page = open("supervisor", Device.DESKTOP, "en-US,en");
    page.get("/console/dashboard.xhtml");
    page.type("login:username", "supervisor");
    page.type("login:password", "supervisor-demo-pass");
    page.submit("login:submit");
    page.waitFor(d -> page.path().endsWith("/console/dashboard.xhtml"));
    page.waitFor(
        d ->
            "open"
                .equals(page.driver.findElement(By.tagName("html")).getDomAttribute("data-live")));
    WebElement html = page.driver.findElement(By.tagName("html"));
    assertTrue(page.text(By.id("main")).contains("Live dashboard"));
    page.shoot("60-dashboard");
    page.assertFitsTheScreen();

    // The streams job publishes a complaint rate far above the others: the panel shows it.
    String sku = Api.unique("LIVE");
    Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
    String rate =
        Json.createObjectBuilder()
            .add("schemaVersion", 1)
            .add("scope", "product")
            .add("id", sku)
            .add("window", "24h")
            .add("windowStart", end.minus(Duration.ofDays(1)).toString())
            .add("windowEnd", end.toString())
            .add("delivered", 1)
            .add("complaints", 1000)
            .add("byCategory", Json.createObjectBuilder().add("INVALID_KEY", 1000))
            .add("rate", 1000.0)
            .build()
            .toString();
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      producer
          .send(new ProducerRecord<>(Topics.COMPLAINT_RATES, "product|" + sku + "|24h", rate))
          .get();
    }
    page.waitFor(LIVE, textToBePresentInElementLocated(By.id("productRates"), sku));
    assertTrue(page.text(By.id("productRates")).contains("100000.0 %"));
    assertFalse(Browser.isGone(html), "no reload: the same document");

    // A buyer's wrong purchase is refunded automatically: the self-resolution figure moves.
    String before = page.text(By.id("selfTodayOf"));
    Claims claims = new Claims(api);
    String wp = Api.unique("LWP");
    Buyer buyer = claims.buyer(wp, "IT-SUP", "CODE-" + wp);
    assertEquals("RESOLVED", claims.file(buyer, "WRONG_PURCHASE").json().getString("status"));
    page.waitFor(LIVE, d -> !page.text(By.id("selfTodayOf")).equals(before));
    assertFalse(Browser.isGone(html), "still no reload");
    page.shoot("61-dashboard-updated");

    // The forecast, one menu link away.
    page.click(By.id("nav:menuForecast"));
    page.waitFor(d -> page.path().endsWith("/console/forecast.xhtml"));
    assertTrue(page.text(By.id("backtest")).contains("All categories"));
    page.assertFitsTheScreen();
    page.shoot("62-forecast");
  }
}
