package io.keydesk.infrastructure.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class RequestSignaturesTest {
  private static final String SECRET = "shop-secret";
  private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
  private static final String TS = Long.toString(NOW.getEpochSecond());
  private static final String BODY = "{\"id\":\"e-1\",\"type\":\"product.paused\"}";

  /** Computed independently with the JDK, the way an integrator would. */
  private static String reference(String secret, String message) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256="
        + java.util.HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void signsTimestampDotBodyWithHmacSha256() throws Exception {
    assertEquals(reference(SECRET, TS + "." + BODY), RequestSignatures.sign(SECRET, TS, BODY));
  }

  @Test
  void matchesTheOpensslRecipeOfTheDocs() {
    // printf '%s' '1700000000.{"a":1}' | openssl dgst -sha256 -hmac key
    assertEquals(
        "sha256=a438e398bfafc57e4396bb7fc2304422f0f768e965d073ca313cb52e22e6ad03",
        RequestSignatures.sign("key", "1700000000", "{\"a\":1}"));
  }

  @Test
  void acceptsItsOwnSignatureAndUpperCaseHex() {
    String signature = RequestSignatures.sign(SECRET, TS, BODY);
    assertNull(RequestSignatures.problem(SECRET, TS, signature, BODY, NOW));
    assertNull(
        RequestSignatures.problem(
            SECRET, TS, "sha256=" + signature.substring(7).toUpperCase(), BODY, NOW));
  }

  @Test
  void refusesWhatIsWrong() {
    String signature = RequestSignatures.sign(SECRET, TS, BODY);
    assertNotNull(RequestSignatures.problem("other", TS, signature, BODY, NOW), "other secret");
    assertNotNull(RequestSignatures.problem(SECRET, TS, signature, BODY + " ", NOW), "other body");
    assertNotNull(RequestSignatures.problem(SECRET, null, signature, BODY, NOW), "no timestamp");
    assertNotNull(RequestSignatures.problem(SECRET, TS, null, BODY, NOW), "no signature");
    assertNotNull(
        RequestSignatures.problem(SECRET, TS, signature.substring(7), BODY, NOW), "no prefix");
    assertNotNull(RequestSignatures.problem(SECRET, "soon", signature, BODY, NOW), "not seconds");
    assertNotNull(
        RequestSignatures.problem(SECRET, TS, signature, BODY, NOW.plusSeconds(301)), "stale");
    assertNull(RequestSignatures.problem(SECRET, TS, signature, BODY, NOW.plusSeconds(300)));
  }
}
