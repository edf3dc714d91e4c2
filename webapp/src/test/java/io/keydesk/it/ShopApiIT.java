package io.keydesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.it.Api.Answer;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shop's signed API: orders and key status, against real Payara Micro and MariaDB. */
class ShopApiIT extends ApiIT {
  @Test
  void importsAnOrderOnceAndAnswersTheSameForTheSameOrder() throws Exception {
    String orderNo = Api.unique("SHOP");
    String body =
        Api.orderJson(orderNo, "Buyer@Example.com", "IT-SKU-1", "KEY-ONE-111", "KEY-TWO-222");
    Answer first = api.signed("/api/v1/orders", body);
    assertEquals(200, first.status(), first.body());
    JsonObject receipt = first.json();
    assertEquals(orderNo, receipt.getString("orderNo"));
    assertEquals(2, receipt.getJsonArray("keys").size());
    assertFalse(first.body().contains("KEY-ONE-111"), "a key never comes back");

    Thread.sleep(1100); // a new timestamp: a new signature, the same order
    Answer again = api.signed("/api/v1/orders", body);
    assertEquals(200, again.status(), again.body());
    assertEquals(receipt, again.json());
    assertEquals(1, count("SELECT COUNT(*) FROM shop_order WHERE order_no = ?", orderNo));
    assertEquals(
        2,
        count(
            "SELECT COUNT(*) FROM card_key k JOIN shop_order o ON o.id = k.order_id"
                + " WHERE o.order_no = ?",
            orderNo));
  }

  @Test
  void keysAreStoredSealedNeverInPlaintext() throws Exception {
    String orderNo = Api.unique("SEAL");
    String code = "PLAINTEXT-CODE-" + orderNo;
    assertEquals(200, api.importOrder(orderNo, "seal@example.com", "IT-SKU-1", code).status());
    try (Connection db = TestServers.database();
        ResultSet tables =
            db.createStatement()
                .executeQuery(
                    "SELECT table_name, column_name FROM information_schema.columns WHERE"
                        + " table_schema = 'keydesk' AND data_type IN ('varchar','char','text',"
                        + "'mediumtext','longtext','varbinary','blob')")) {
      List<String> hits = new ArrayList<>();
      while (tables.next()) {
        String table = tables.getString(1);
        String column = tables.getString(2);
        try (PreparedStatement q =
            db.prepareStatement(
                "SELECT COUNT(*) FROM `"
                    + table
                    + "` WHERE CAST(`"
                    + column
                    + "` AS BINARY) LIKE CONCAT('%', CAST(? AS BINARY), '%')")) {
          q.setString(1, code);
          try (ResultSet r = q.executeQuery()) {
            r.next();
            if (r.getInt(1) > 0) {
              hits.add(table + "." + column);
            }
          }
        }
      }
      assertTrue(hits.isEmpty(), "plaintext key found in " + hits);
    }
  }

  @Test
  void refusesBadSignaturesStaleTimestampsAndReplays() {
    String body = Api.orderJson(Api.unique("SIG"), "sig@example.com", "IT-SKU-1", "K-SIG-1");
    long now = Instant.now().getEpochSecond();

    Answer wrongSecret = api.signedAt("/api/v1/orders", body, now, "not-the-secret");
    assertEquals(401, wrongSecret.status());
    assertTrue(wrongSecret.contentType().startsWith("application/problem+json"));
    assertEquals("urn:keydesk:problem:bad-signature", wrongSecret.json().getString("type"));

    Answer unsigned = api.post("/api/v1/orders", body, Map.of());
    assertEquals(401, unsigned.status());

    Answer stale = api.signedAt("/api/v1/orders", body, now - 6 * 60, Api.SHOP_SECRET);
    assertEquals(401, stale.status());

    Answer tampered =
        api.post(
            "/api/v1/orders",
            body.replace("10.00", "0.01"),
            Map.of(
                "X-Keydesk-Timestamp",
                Long.toString(now),
                "X-Keydesk-Signature",
                "sha256=" + Api.hmac(Api.SHOP_SECRET, now + "." + body)));
    assertEquals(401, tampered.status());

    Answer accepted = api.signedAt("/api/v1/orders", body, now, Api.SHOP_SECRET);
    assertEquals(200, accepted.status(), accepted.body());
    Answer replayed = api.signedAt("/api/v1/orders", body, now, Api.SHOP_SECRET);
    assertEquals(409, replayed.status());
    assertEquals("urn:keydesk:problem:replayed", replayed.json().getString("type"));
  }

  @Test
  void timesInTheFutureAreRefusedBeyondTheClockSkew() {
    String sku = Api.unique("FUT");
    String tomorrow = Instant.now().plus(java.time.Duration.ofDays(1)).toString();
    String body =
        "{\"orderNo\":\""
            + Api.unique("FUT")
            + "\",\"buyer\":{\"email\":\"f@example.com\"},\"product\":{\"sku\":\""
            + sku
            + "\",\"name\":\"P\",\"supplier\":{\"code\":\"IT-SUP\",\"name\":\"S\"}},"
            + "\"quantity\":1,\"amount\":\"1.00\",\"currency\":\"CNY\",\"paidAt\":\"%s\"}";
    Answer future = api.signed("/api/v1/orders", body.formatted(tomorrow));
    assertEquals(400, future.status(), future.body());
    assertTrue(future.body().contains("paidAt"), future.body());
    String inAMinute = Instant.now().plusSeconds(60).toString();
    Answer skewed = api.signed("/api/v1/orders", body.replace("FUT", "FUU").formatted(inAMinute));
    assertEquals(200, skewed.status(), "a minute of clock skew is fine: " + skewed.body());
  }

  @Test
  void aFailedShopRequestDoesNotUseUpItsSignature() {
    long now = Instant.now().getEpochSecond();
    String stock =
        "{\"sku\":\"" + Api.unique("NO-SUCH") + "\",\"batch\":\"B\",\"keys\":[{\"code\":\"X\"}]}";
    Answer first = api.signedAt("/api/v1/stock", stock, now, Api.SHOP_SECRET);
    assertEquals(400, first.status(), first.body());
    Answer again = api.signedAt("/api/v1/stock", stock, now, Api.SHOP_SECRET);
    assertEquals(
        400, again.status(), "the same failing request fails the same way: " + again.body());

    String status =
        "{\"orderNo\":\"" + Api.unique("NO-SUCH") + "\",\"keyIndex\":0,\"status\":\"REDEEMED\"}";
    Answer unknown = api.signedAt("/api/v1/card-keys/status", status, now, Api.SHOP_SECRET);
    Answer unknownAgain = api.signedAt("/api/v1/card-keys/status", status, now, Api.SHOP_SECRET);
    assertEquals(unknown.status(), unknownAgain.status(), unknownAgain.body());
    assertTrue(unknown.status() >= 400 && unknown.status() != 409, unknown.body());
  }

  @Test
  void namesEveryInvalidFieldAndWritesNothing() throws Exception {
    String orderNo = Api.unique("BAD");
    String body =
        "{\"orderNo\":\""
            + orderNo
            + "\",\"buyer\":{\"email\":\"not-an-email\"},"
            + "\"product\":{\"sku\":\"IT-SKU-9\",\"supplier\":{\"code\":\"IT-SUP\",\"name\":\"S\"}},"
            + "\"quantity\":0,\"amount\":\"-1\",\"currency\":\"cny\","
            + "\"keys\":[{\"index\":0,\"code\":\"\"}]}";
    Answer answer = api.signed("/api/v1/orders", body);
    assertEquals(400, answer.status(), answer.body());
    assertEquals("urn:keydesk:problem:validation", answer.json().getString("type"));
    List<String> fields =
        answer.json().getJsonArray("errors").stream()
            .map(e -> e.asJsonObject().getString("field"))
            .toList();
    for (String expected :
        List.of(
            "buyer.email",
            "product.name",
            "quantity",
            "amount",
            "currency",
            "paidAt",
            "keys[0].code")) {
      assertTrue(fields.contains(expected), expected + " not named in " + fields);
    }
    assertEquals(0, count("SELECT COUNT(*) FROM shop_order WHERE order_no = ?", orderNo));

    long now = Instant.now().getEpochSecond();
    Answer retried = api.signedAt("/api/v1/orders", body, now - 1, Api.SHOP_SECRET);
    Answer sameSignatureAgain = api.signedAt("/api/v1/orders", body, now - 1, Api.SHOP_SECRET);
    assertEquals(400, retried.status());
    assertEquals(
        400, sameSignatureAgain.status(), "a refused request does not use up its signature");

    Answer malformed = api.signed("/api/v1/orders", "{\"orderNo\": ");
    assertEquals(400, malformed.status());
    assertTrue(malformed.contentType().startsWith("application/problem+json"));

    for (String[] wrong :
        new String[][] {
          {"\"quantity\":1", "\"quantity\":1.5", "quantity"},
          {"\"index\":0", "\"index\":0.5", "keys.index"},
          {"\"paidAt\":\"2026-11-20T10:00:00Z\"", "\"paidAt\":\"yesterday\"", "paidAt"}
        }) {
      String fraction = Api.unique("FRAC");
      String bad =
          Api.orderJson(fraction, "frac@example.com", "IT-SKU-1", "K-FRAC-1")
              .replace(wrong[0], wrong[1]);
      Answer refused = api.signed("/api/v1/orders", bad);
      assertEquals(400, refused.status(), bad + " " + refused.body());
      assertEquals("urn:keydesk:problem:malformed-json", refused.json().getString("type"));
      assertEquals(
          wrong[2], refused.json().getJsonArray("errors").getJsonObject(0).getString("field"));
      assertEquals(0, count("SELECT COUNT(*) FROM shop_order WHERE order_no = ?", fraction));
    }
  }

  @Test
  void aConflictingKeyRollsBackTheWholeImport() throws Exception {
    String orderNo = Api.unique("ROLL");
    assertEquals(200, api.importOrder(orderNo, "roll@example.com", "IT-SKU-1", "K-A").status());
    String changed =
        Api.orderJson(orderNo, "roll@example.com", "IT-SKU-1", "K-A", "K-B")
            .replace("\"code\":\"K-A\"", "\"code\":\"K-OTHER\"");
    Answer conflict = api.signed("/api/v1/orders", changed);
    assertEquals(409, conflict.status(), conflict.body());
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM card_key k JOIN shop_order o ON o.id = k.order_id"
                + " WHERE o.order_no = ?",
            orderNo),
        "the second key of the refused import was not kept");
  }

  @Test
  void recordsKeyStatusByIndexOrFingerprint() {
    String orderNo = Api.unique("STAT");
    Answer order = api.importOrder(orderNo, "stat@example.com", "IT-SKU-1", "K-S1", "K-S2");
    String fingerprint =
        order.json().getJsonArray("keys").getJsonObject(1).getString("fingerprint");

    Answer redeemed =
        api.signed(
            "/api/v1/card-keys/status",
            "{\"orderNo\":\"" + orderNo + "\",\"keyIndex\":0,\"status\":\"REDEEMED\"}");
    assertEquals(200, redeemed.status(), redeemed.body());
    assertEquals("REDEEMED", redeemed.json().getString("status"));
    assertTrue(redeemed.json().getBoolean("changed"));

    Answer again =
        api.signed(
            "/api/v1/card-keys/status",
            "{\"orderNo\":\""
                + orderNo
                + "\",\"keyIndex\":0,\"status\":\"REDEEMED\",\"at\":"
                + "\"2026-11-21T00:00:00Z\"}");
    assertEquals(200, again.status());
    assertFalse(again.json().getBoolean("changed"));

    Answer voided =
        api.signed(
            "/api/v1/card-keys/status",
            "{\"fingerprint\":\"" + fingerprint + "\",\"status\":\"VOIDED\"}");
    assertEquals(200, voided.status(), voided.body());
    assertEquals(1, voided.json().getInt("keyIndex"));

    assertEquals(
        404,
        api.signed(
                "/api/v1/card-keys/status",
                "{\"orderNo\":\"" + orderNo + "\",\"keyIndex\":5,\"status\":\"VOIDED\"}")
            .status());
    Answer unnamed = api.signed("/api/v1/card-keys/status", "{\"status\":\"SOLD\"}");
    assertEquals(400, unnamed.status());
    assertNotNull(unnamed.json().getJsonArray("errors"));
  }

  static int count(String sql, String arg) throws Exception {
    try (Connection db = TestServers.database();
        PreparedStatement q = db.prepareStatement(sql)) {
      q.setString(1, arg);
      try (ResultSet r = q.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }
}
