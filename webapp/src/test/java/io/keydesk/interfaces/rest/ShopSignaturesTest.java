package io.keydesk.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keydesk.infrastructure.crypto.Digests;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The refusals of the shop signature check, which all happen before the replay store is touched
 * (accepting a request needs the database and is covered by ShopApiIT).
 */
class ShopSignaturesTest {
  private static final String SECRET = "it-shop-secret";
  private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
  private static final String BODY = "{\"orderNo\":\"A-1001\",\"quantity\":1}";

  private final ShopSignatures signatures = new ShopSignatures();

  ShopSignaturesTest() {
    signatures.secret = SECRET;
    signatures.clock = Clock.fixed(NOW, ZoneOffset.UTC);
  }

  private static String sign(String secret, String timestamp, String body) {
    return "sha256="
        + Digests.hmacSha256Hex(
            secret.getBytes(StandardCharsets.UTF_8),
            (timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
  }

  private static String seconds(Instant at) {
    return Long.toString(at.getEpochSecond());
  }

  private void assertRefused(String timestamp, String signature, String body) {
    RequestException e =
        assertThrows(RequestException.class, () -> signatures.verify(timestamp, signature, body));
    assertEquals(401, e.problem().status());
    assertEquals("urn:keydesk:problem:bad-signature", e.problem().type());
  }

  @Test
  void missingHeadersAreRefused() {
    String ts = seconds(NOW);

    assertRefused(null, sign(SECRET, ts, BODY), BODY);
    assertRefused(ts, null, BODY);
    assertRefused(ts, sign(SECRET, ts, BODY).substring("sha256=".length()), BODY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "yesterday", "2026-03-02T08:00:00Z", "1.7e9"})
  void aTimestampThatIsNotUnixSecondsIsRefused(String timestamp) {
    assertRefused(timestamp, sign(SECRET, timestamp, BODY), BODY);
  }

  @ParameterizedTest
  @ValueSource(longs = {-301, 301, -86_400, 86_400})
  void aTimestampOutsideTheFiveMinuteWindowIsRefusedEvenWhenCorrectlySigned(long offset) {
    String ts = seconds(NOW.plusSeconds(offset));

    assertRefused(ts, sign(SECRET, ts, BODY), BODY);
  }

  @Test
  void aSignatureWithAnotherSecretIsRefused() {
    String ts = seconds(NOW);

    assertRefused(ts, sign("another-secret", ts, BODY), BODY);
  }

  @Test
  void aChangedBodyIsRefused() {
    String ts = seconds(NOW);

    assertRefused(ts, sign(SECRET, ts, BODY), BODY.replace("1}", "100}"));
    assertRefused(ts, sign(SECRET, ts, BODY), BODY + "\n");
  }

  @Test
  void aSignatureOfAnotherTimestampIsRefused() {
    String ts = seconds(NOW);

    assertRefused(ts, sign(SECRET, seconds(NOW.minusSeconds(1)), BODY), BODY);
  }
}
