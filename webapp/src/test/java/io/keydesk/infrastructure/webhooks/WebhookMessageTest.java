package io.keydesk.infrastructure.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.keydesk.infrastructure.crypto.RequestSignatures;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookMessageTest {
  private static final Instant CREATED = Instant.parse("2026-03-02T08:00:00.123456Z");
  private static final String DATA = "{\"sku\":\"STEAM-100\",\"reason\":\"batch B-7 fails\"}";

  @Test
  void theEnvelopeCarriesIdTypeTimeAndTheStoredData() {
    WebhookMessage m =
        WebhookMessage.of("e-1", "product.paused", CREATED, DATA, "s", 1_700_000_000);
    JsonObject body = Json.createReader(new StringReader(m.body())).readObject();
    assertEquals("e-1", body.getString("id"));
    assertEquals("product.paused", body.getString("type"));
    assertEquals("2026-03-02T08:00:00.123Z", body.getString("occurredAt"));
    assertEquals("STEAM-100", body.getJsonObject("data").getString("sku"));
    assertEquals("e-1", m.headers().get("X-Keydesk-Event-Id"));
    assertEquals("product.paused", m.headers().get("X-Keydesk-Event-Type"));
    assertEquals("1700000000", m.headers().get("X-Keydesk-Timestamp"));
  }

  @Test
  void theSignatureVerifiesWithTheShopSecretOnly() {
    WebhookMessage m =
        WebhookMessage.of("e-1", "product.paused", CREATED, DATA, "shop", 1_700_000_000);
    Instant sent = Instant.ofEpochSecond(1_700_000_000);
    String ts = m.headers().get("X-Keydesk-Timestamp");
    String sig = m.headers().get("X-Keydesk-Signature");
    assertNull(RequestSignatures.problem("shop", ts, sig, m.body(), sent));
    assertEquals(RequestSignatures.sign("shop", ts, m.body()), sig);
    assertNotEquals(null, RequestSignatures.problem("other", ts, sig, m.body(), sent));
  }

  @Test
  void eachAttemptIsSignedAfreshButTheBodyStaysTheSame() {
    WebhookMessage first = WebhookMessage.of("e-1", "refund.issued", CREATED, DATA, "shop", 100);
    WebhookMessage retry = WebhookMessage.of("e-1", "refund.issued", CREATED, DATA, "shop", 160);
    assertEquals(first.body(), retry.body());
    assertNotEquals(
        first.headers().get("X-Keydesk-Signature"), retry.headers().get("X-Keydesk-Signature"));
  }
}
