package io.keydesk.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.events.AnalyticsResults;
import io.keydesk.events.FraudSignal;
import io.keydesk.events.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fraud signals from ticket and card-key events, each once per subject and window. */
class FraudSignalsTest {

  private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

  /** Low thresholds so a handful of events cross them. */
  private static final FraudThresholds LOW =
      new FraudThresholds(2, 4, 3, 5, 3, 5, 2, 5, 1, 3, 1, 50, 4);

  @TempDir Path stateDir;
  private Driver driver;
  private TestOutputTopic<String, FraudSignal> signals;
  private int tickets;

  @BeforeEach
  void start() {
    driver = new Driver(stateDir, LOW);
    signals = driver.output(Topics.FRAUD_SIGNALS, FraudSignal.class);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void aKeyFingerprintClaimedByASecondTicketIsSignalledOnce() {
    claim("buyer-a", null, null, List.of("fp-x"), T);
    assertTrue(signals.isEmpty());
    claim("buyer-b", null, null, List.of("fp-x", "fp-y"), T.plusSeconds(60));
    claim("buyer-c", null, null, List.of("fp-x"), T.plusSeconds(120));

    List<KeyValue<String, FraudSignal>> raised = of("DUPLICATE_KEY_CLAIM");
    assertEquals(1, raised.size(), raised.toString());
    FraudSignal s = raised.get(0).value;
    assertEquals("DUPLICATE_KEY_CLAIM|fp-x", raised.get(0).key);
    assertEquals(AnalyticsResults.SCHEMA_VERSION, s.schemaVersion());
    assertEquals("fingerprint", s.subjectType());
    assertEquals("fp-x", s.subject());
    assertEquals(2, s.count());
    assertEquals(1, s.threshold());
    assertEquals("all", s.window());
    assertNull(s.windowStart());
    assertEquals(T.plusSeconds(60), s.at());
  }

  @Test
  void aClaimAfterTheKeyWasRedeemedIsSignalled() {
    driver.cardKey("O-1", EventJson.cardKey("O-1", 0, "fp-r", "B-1", "DELIVERED", T), T);
    Instant redeemed = T.plus(Duration.ofHours(1));
    driver.cardKey(
        "O-1", EventJson.cardKey("O-1", 0, "fp-r", "B-1", "REDEEMED", redeemed), redeemed);
    driver.cardKey("O-2", EventJson.cardKey("O-2", 0, "fp-s", "B-1", "DELIVERED", T), T);
    Instant claimed = T.plus(Duration.ofHours(2));
    driver.ticket(
        "T-1",
        EventJson.ticketCreated("T-1", "O-1", "STEAM-100", "VALVE-CN", "INVALID_KEY", claimed)
            .with("keyFingerprints", List.of("fp-r")),
        claimed);
    driver.ticket(
        "T-2",
        EventJson.ticketCreated("T-2", "O-2", "STEAM-100", "VALVE-CN", "INVALID_KEY", claimed),
        claimed);
    Instant later = T.plus(Duration.ofHours(3)); // redeemed after the claim: no signal
    driver.cardKey("O-2", EventJson.cardKey("O-2", 0, "fp-s", "B-1", "REDEEMED", later), later);

    List<KeyValue<String, FraudSignal>> raised = of("CLAIM_AFTER_REDEMPTION");
    assertEquals(1, raised.size(), raised.toString());
    assertEquals("fp-r", raised.get(0).value.subject());
    assertTrue(raised.get(0).value.detail().contains("T-1"));
    assertEquals(claimed, raised.get(0).value.at());
  }

  @Test
  void aRedemptionThatArrivesAfterTheClaimStillSignalsItOnce() {
    // The shop's redemption report and the ticket travel on different topics: here the ticket
    // (and even the order's key) arrive first, the redemption — earlier in event time — last.
    Instant redeemed = T.plus(Duration.ofHours(1));
    Instant claimed = T.plus(Duration.ofHours(2));
    driver.ticket(
        "T-9",
        EventJson.ticketCreated("T-9", "O-9", "STEAM-100", "VALVE-CN", "INVALID_KEY", claimed),
        claimed);
    driver.cardKey("O-9", EventJson.cardKey("O-9", 0, "fp-late", "B-1", "DELIVERED", T), T);
    assertTrue(of("CLAIM_AFTER_REDEMPTION").isEmpty(), "not redeemed yet");
    driver.cardKey(
        "O-9", EventJson.cardKey("O-9", 0, "fp-late", "B-1", "REDEEMED", redeemed), redeemed);
    driver.ticket( // the same ticket delivered again: no second signal
        "T-9",
        EventJson.ticketCreated("T-9", "O-9", "STEAM-100", "VALVE-CN", "INVALID_KEY", claimed),
        claimed);
    driver.cardKey(
        "O-9", EventJson.cardKey("O-9", 0, "fp-late", "B-1", "REDEEMED", redeemed), redeemed);

    List<KeyValue<String, FraudSignal>> raised = of("CLAIM_AFTER_REDEMPTION");
    assertEquals(1, raised.size(), raised.toString());
    assertEquals("CLAIM_AFTER_REDEMPTION|fp-late", raised.get(0).key);
    assertTrue(raised.get(0).value.detail().contains("T-9"), raised.get(0).value.detail());
    assertTrue(raised.get(0).value.detail().contains("O-9"), raised.get(0).value.detail());
    assertEquals(claimed, raised.get(0).value.at());
  }

  @Test
  void claimVelocityPerBuyerPerDayAndPerMonth() {
    claim("buyer-a", null, null, null, T);
    claim("buyer-a", null, null, null, T.plusSeconds(10));
    assertTrue(signals.isEmpty(), "2 claims: not over 2");
    claim("buyer-a", null, null, null, T.plusSeconds(20)); // 3 > 2 per day
    claim("buyer-a", null, null, null, T.plusSeconds(30)); // no repeat in the same day
    claim("buyer-a", null, null, null, T.plus(Duration.ofDays(1))); // 5 > 4 per month
    claim("buyer-b", null, null, null, T.plusSeconds(40));

    List<KeyValue<String, FraudSignal>> raised = of("BUYER_CLAIM_VELOCITY");
    assertEquals(2, raised.size(), raised.toString());
    FraudSignal day = raised.get(0).value;
    assertEquals("buyer", day.subjectType());
    assertEquals("buyer-a", day.subject());
    assertEquals("day", day.window());
    assertEquals(Instant.parse("2026-11-25T00:00:00Z"), day.windowStart());
    assertEquals(3, day.count());
    assertEquals(2, day.threshold());
    FraudSignal month = raised.get(1).value;
    assertEquals("month", month.window());
    assertEquals(Instant.parse("2026-11-01T00:00:00Z"), month.windowStart());
    assertEquals(5, month.count());
  }

  @Test
  void manyBuyersBehindOneIpOrDevice() {
    claim("buyer-a", "10.0.0.1", "dev-1", null, T);
    claim("buyer-b", "10.0.0.1", "dev-1", null, T.plusSeconds(10)); // 2 buyers > 1 per device
    claim("buyer-c", "10.0.0.1", "dev-2", null, T.plusSeconds(20)); // 3 buyers > 2 per IP
    claim("buyer-d", "10.0.0.1", "dev-3", null, T.plusSeconds(30)); // 4 claims > 3 per IP

    List<KeyValue<String, FraudSignal>> device = of("SHARED_DEVICE");
    assertEquals(1, device.size(), device.toString());
    assertEquals("dev-1", device.get(0).value.subject());
    assertEquals(2, device.get(0).value.count());
    List<KeyValue<String, FraudSignal>> ip = of("SHARED_IP");
    assertEquals(1, ip.size(), ip.toString());
    assertEquals("10.0.0.1", ip.get(0).value.subject());
    assertEquals(3, ip.get(0).value.count());
    assertEquals(1, of("IP_CLAIM_VELOCITY").size());
  }

  @Test
  void aBuyersRefundRatioNeedsAMinimumOfClaims() {
    // buyer-a: 2 claims, both refunded (100 %) but under the minimum of 4 claims
    String a1 = claim("buyer-a", null, null, null, T);
    String a2 = claim("buyer-a", null, null, null, T.plus(Duration.ofDays(2)));
    refund(a1, "buyer-a", T.plus(Duration.ofDays(3)));
    refund(a2, "buyer-a", T.plus(Duration.ofDays(3)));
    // buyer-b: 4 claims on 4 days, 3 refunded (75 % > 50 %); the refund of the same ticket twice
    // counts once
    String b1 = claim("buyer-b", null, null, null, T);
    String b2 = claim("buyer-b", null, null, null, T.plus(Duration.ofDays(1)));
    String b3 = claim("buyer-b", null, null, null, T.plus(Duration.ofDays(2)));
    claim("buyer-b", null, null, null, T.plus(Duration.ofDays(3)));
    refund(b1, "buyer-b", T.plus(Duration.ofDays(4)));
    refund(b1, "buyer-b", T.plus(Duration.ofDays(4)));
    refund(b2, "buyer-b", T.plus(Duration.ofDays(4)));
    assertTrue(of("REFUND_RATIO").isEmpty(), "2 of 4 is not over 50 %");
    refund(b3, "buyer-b", T.plus(Duration.ofDays(4)));

    List<KeyValue<String, FraudSignal>> raised = of("REFUND_RATIO");
    assertEquals(1, raised.size(), raised.toString());
    assertEquals("buyer-b", raised.get(0).value.subject());
    assertEquals(75, raised.get(0).value.count());
    assertEquals(50, raised.get(0).value.threshold());
    assertEquals("month", raised.get(0).value.window());
  }

  private String claim(
      String buyer, String ip, String device, List<String> fingerprints, Instant at) {
    String ticketNo = "T-" + (++tickets);
    driver.ticket(
        ticketNo,
        EventJson.ticketCreated(ticketNo, "O-" + ticketNo, "STEAM-100", "VALVE-CN", "OTHER", at)
            .with("contactHash", buyer)
            .with("clientIp", ip)
            .with("deviceId", device)
            .with("keyFingerprints", fingerprints),
        at);
    return ticketNo;
  }

  private void refund(String ticketNo, String buyer, Instant at) {
    driver.ticket(
        ticketNo,
        EventJson.ticketRefunded(ticketNo, "O-" + ticketNo, at).with("contactHash", buyer),
        at);
  }

  private final List<KeyValue<String, FraudSignal>> seen = new java.util.ArrayList<>();

  private List<KeyValue<String, FraudSignal>> of(String kind) {
    seen.addAll(signals.readKeyValuesToList());
    return seen.stream().filter(kv -> kind.equals(kv.value.kind())).toList();
  }
}
