package io.keydesk.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.application.StreamResults.InvalidResultException;
import io.keydesk.domain.model.analytics.AnalyticsRepository;
import io.keydesk.domain.model.risk.FraudSignal;
import io.keydesk.domain.model.risk.RiskRepository;
import io.keydesk.domain.model.risk.RiskSettings;
import io.keydesk.events.ComplaintRate;
import io.keydesk.events.FunnelStepCount;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the streams job's records are checked and turned into rows, without a container. */
class StreamResultsTest {
  private static final String HASH = "ab".repeat(32);
  private static final Instant AT = Instant.parse("2026-11-25T10:00:20Z");
  private static final Instant DAY = Instant.parse("2026-11-25T00:00:00Z");

  private final List<FraudSignal> recorded = new ArrayList<>();
  private final List<String> upserts = new ArrayList<>();
  private StreamResults results;

  @BeforeEach
  void setUp() {
    results = new StreamResults();
    results.clock = Clock.fixed(AT, ZoneOffset.UTC);
    results.risk =
        (RiskRepository)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {RiskRepository.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "settings" -> new RiskSettings(Map.of(RiskSettings.EXTERNAL_DAYS, 30));
                      case "recordStreamed" -> {
                        recorded.add((FraudSignal) args[0]);
                        yield true;
                      }
                      default -> throw new UnsupportedOperationException(method.getName());
                    });
    results.analytics =
        (AnalyticsRepository)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {AnalyticsRepository.class},
                (proxy, method, args) -> {
                  upserts.add(method.getName() + ":" + args[0]);
                  return true;
                });
  }

  private static io.keydesk.events.FraudSignal signal(
      int version, String subjectType, String subject) {
    return new io.keydesk.events.FraudSignal(
        version, "SHARED_IP", subjectType, subject, 3, 2, "day", DAY, "3 buyers", AT);
  }

  @Test
  void aBuyerSignalIsKeptWithTheContactHashAndLivesTheConfiguredDays() {
    results.fraudSignal(
        new io.keydesk.events.FraudSignal(
            1, "BUYER_CLAIM_VELOCITY", "buyer", HASH, 6, 5, "day", DAY, null, AT));

    FraudSignal s = recorded.get(0);
    assertEquals(FraudSignal.Source.STREAM, s.source());
    assertEquals(HASH, s.contactHash().orElseThrow());
    assertEquals(null, s.subject().contact(), "the stream never knows the contact");
    assertEquals("BUYER_CLAIM_VELOCITY|buyer|" + HASH + "|day|" + DAY, s.streamId());
    assertEquals(AT, s.createdAt());
    assertEquals(AT.plus(Duration.ofDays(30)), s.expiresAt().orElseThrow());
    assertTrue(s.detail().contains("6 > 5"), s.detail());
  }

  @Test
  void addressDeviceKeyAndOrderSubjectsGoToTheirColumns() {
    results.fraudSignal(signal(1, "ip", "203.0.113.7"));
    results.fraudSignal(signal(1, "device", "dev-1"));
    results.fraudSignal(signal(1, "fingerprint", "cd".repeat(32)));
    results.fraudSignal(signal(1, "order", "SO-1"));

    assertEquals("203.0.113.7", recorded.get(0).subject().clientIp());
    assertEquals("dev-1", recorded.get(1).subject().deviceId());
    assertEquals("cd".repeat(32), recorded.get(2).subject().fingerprint());
    assertEquals("SO-1", recorded.get(3).subject().orderNo());
  }

  @Test
  void impossibleSignalsAndNewerSchemasAreRefusedBeforeAnythingIsWritten() {
    assertThrows(InvalidResultException.class, () -> results.fraudSignal(signal(2, "ip", "x")));
    assertThrows(InvalidResultException.class, () -> results.fraudSignal(signal(0, "ip", "x")));
    assertThrows(InvalidResultException.class, () -> results.fraudSignal(signal(1, "moon", "x")));
    assertThrows(
        InvalidResultException.class, () -> results.fraudSignal(signal(1, "buyer", "a@b.cd")));
    assertThrows(InvalidResultException.class, () -> results.fraudSignal(signal(1, "ip", " ")));
    assertThrows(InvalidResultException.class, () -> results.fraudSignal(null));
    assertEquals(List.of(), recorded);
  }

  @Test
  void aRateIsUpsertedUnderItsOwnKeyAndBadRatesAreRefused() {
    Instant end = Instant.parse("2026-11-25T11:00:00Z");
    ComplaintRate ok =
        new ComplaintRate(
            1, "batch", "B-7", "24h", end.minus(Duration.ofDays(1)), end, 4, 1, null, 0.25);
    results.complaintRate("batch|B-7|24h", ok);
    assertEquals(List.of("upsertRate:batch|B-7|24h"), upserts);

    ComplaintRate badScope =
        new ComplaintRate(1, "shop", "B-7", "24h", end.minusSeconds(1), end, 4, 1, Map.of(), 0.25);
    ComplaintRate badWindow =
        new ComplaintRate(1, "batch", "B-7", "2h", end.minusSeconds(1), end, 4, 1, Map.of(), 0.25);
    ComplaintRate backwards =
        new ComplaintRate(1, "batch", "B-7", "24h", end, end, 4, 1, Map.of(), 0.25);
    ComplaintRate negative =
        new ComplaintRate(1, "batch", "B-7", "24h", end.minusSeconds(1), end, -1, 1, Map.of(), 0);
    for (ComplaintRate bad : List.of(badScope, badWindow, backwards, negative)) {
      assertThrows(InvalidResultException.class, () -> results.complaintRate(null, bad));
    }
    assertThrows(InvalidResultException.class, () -> results.complaintRate("product|B-7|24h", ok));
    assertEquals(1, upserts.size());
  }

  @Test
  void funnelCountsNeedTheirWholeKey() {
    Instant hour = Instant.parse("2026-11-25T10:00:00Z");
    results.funnelStep(
        null, new FunnelStepCount(1, "CATEGORY", "novice", "zh-CN", "web", hour, 1, 0, 1));
    assertEquals(
        List.of("upsertFunnelStep:CATEGORY|novice|zh-CN|web|2026-11-25T10:00:00Z"), upserts);
    assertThrows(
        InvalidResultException.class,
        () ->
            results.funnelStep(
                null, new FunnelStepCount(1, "CATEGORY", "novice", null, "web", hour, 1, 0, 1)));
    assertThrows(
        InvalidResultException.class,
        () ->
            results.funnelStep(
                null, new FunnelStepCount(1, "CATEGORY", "novice", "en", "web", hour, -1, 0, 1)));
  }
}
