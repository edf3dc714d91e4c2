package io.keydesk.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The {@code data} of the webhooks as the shop receives it (docs/api.md). */
class ShopWebhookPayloadsTest {
  private static JsonObject json(Object payload) throws Exception {
    try (Jsonb jsonb = JsonbBuilder.create()) {
      return Json.createReader(new StringReader(jsonb.toJson(payload))).readObject();
    }
  }

  @Test
  void refundIssuedCarriesTheAmountAsATwoDecimalStringInAnyLocale() throws Exception {
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY);
    try {
      JsonObject data =
          json(
              new ShopWebhooks.RefundIssued(
                  "A-1001",
                  List.of(0, 2),
                  new BigDecimal("100"),
                  "CNY",
                  "KD-261125-7CSR0EM2",
                  "defective key"));
      assertEquals("A-1001", data.getString("orderNo"));
      assertEquals(2, data.getJsonArray("keyIndexes").getInt(1));
      assertEquals("100.00", data.getString("amount"));
      assertEquals("CNY", data.getString("currency"));
      assertEquals("KD-261125-7CSR0EM2", data.getString("ticketNo"));
      assertEquals("defective key", data.getString("reason"));
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void productPausedCarriesSkuReasonAndAnIsoInstant() throws Exception {
    JsonObject data =
        json(
            new ShopWebhooks.ProductPaused(
                "STEAM-100", "batch fails", Instant.parse("2026-11-25T10:43:01.490Z")));
    assertEquals("STEAM-100", data.getString("sku"));
    assertEquals("batch fails", data.getString("reason"));
    assertEquals(Instant.parse("2026-11-25T10:43:01.490Z"), Instant.parse(data.getString("at")));
  }
}
