package io.keydesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keydesk.it.Api.Answer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds claims the way a shop and a buyer make them: a signed order (and stock) from the shop, a
 * buyer session, a ticket from a given client address. Reads rows to check what an action did.
 */
final class Claims {
  private final Api api;

  Claims(Api api) {
    this.api = api;
  }

  /** An order as the shop sends it; fewer codes than {@code quantity} leaves units undelivered. */
  Answer order(
      String orderNo,
      String email,
      String sku,
      String supplier,
      int quantity,
      String amount,
      String... codes) {
    return orderPaidAt(
        "2026-11-20T10:00:00Z", orderNo, email, sku, supplier, quantity, amount, codes);
  }

  /** An order as the shop sends it, paid at {@code paidAt} (ISO-8601). */
  Answer orderPaidAt(
      String paidAt,
      String orderNo,
      String email,
      String sku,
      String supplier,
      int quantity,
      String amount,
      String... codes) {
    JsonArrayBuilder keys = Json.createArrayBuilder();
    for (int i = 0; i < codes.length; i++) {
      keys.add(
          Json.createObjectBuilder()
              .add("index", i)
              .add("code", codes[i])
              .add("batch", "B-" + sku));
    }
    String body =
        Json.createObjectBuilder()
            .add("orderNo", orderNo)
            .add("buyer", Json.createObjectBuilder().add("email", email))
            .add(
                "product",
                Json.createObjectBuilder()
                    .add("sku", sku)
                    .add("name", "Product " + sku)
                    .add(
                        "supplier",
                        Json.createObjectBuilder()
                            .add("code", supplier)
                            .add("name", "Supplier " + supplier)))
            .add("quantity", quantity)
            .add("amount", amount)
            .add("currency", "CNY")
            .add("paidAt", paidAt)
            .add("keys", keys)
            .build()
            .toString();
    Answer a = api.signed("/api/v1/orders", body);
    assertEquals(200, a.status(), a.body());
    return a;
  }

  /** One order of one key (or none, with no code) for a fresh buyer; returns the buyer's token. */
  Buyer buyer(String sku, String supplier, String... codes) {
    String orderNo = Api.unique("CL");
    String email = orderNo.toLowerCase() + "@example.com";
    order(orderNo, email, sku, supplier, 1, "20.00", codes);
    return new Buyer(orderNo, email, api.buyerToken(orderNo, email));
  }

  Answer stock(String sku, String batch, String... codes) {
    JsonArrayBuilder keys = Json.createArrayBuilder();
    for (String c : codes) {
      keys.add(Json.createObjectBuilder().add("code", c));
    }
    Answer a =
        api.signed(
            "/api/v1/stock",
            Json.createObjectBuilder()
                .add("sku", sku)
                .add("batch", batch)
                .add("keys", keys)
                .build()
                .toString());
    assertEquals(200, a.status(), a.body());
    return a;
  }

  /** A buyer with a session. */
  record Buyer(String orderNo, String email, String token) {}

  /** Files a claim from {@code ip}; extra fields (e.g. keyIndex) as given. */
  Answer file(Buyer buyer, String category, String ip, Map<String, Object> extra) {
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("orderNo", buyer.orderNo())
            .add("category", category)
            .add("description", "Claim " + category + " for " + buyer.orderNo());
    extra.forEach(
        (k, v) -> {
          if (v instanceof Integer i) {
            body.add(k, i);
          } else if (v instanceof Boolean b) {
            body.add(k, b);
          } else {
            body.add(k, v.toString());
          }
        });
    Map<String, String> headers = new HashMap<>(Api.bearer(buyer.token()));
    headers.put("X-Forwarded-For", ip);
    headers.put("Idempotency-Key", Api.unique("idem"));
    return api.post("/api/v1/tickets", body.build().toString(), headers);
  }

  Answer file(Buyer buyer, String category) {
    return file(buyer, category, Api.uniqueIp(), Map.of());
  }

  static String decision(JsonObject ticket) {
    return ticket.getJsonObject("risk").getString("decision");
  }

  static List<String> reasonCodes(JsonObject ticket) {
    return ticket
        .getJsonObject("risk")
        .getJsonArray("reasons")
        .getValuesAs(JsonObject.class)
        .stream()
        .map(r -> r.getString("code"))
        .toList();
  }

  static long count(String sql, Object... params) throws SQLException {
    try (Connection c = TestServers.database();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  /** The payload of the first outbox event of a type about one aggregate. */
  static String outboxPayload(String aggregateId, String eventType) throws SQLException {
    try (Connection c = TestServers.database();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT payload FROM outbox_event WHERE aggregate_id = ? AND event_type = ?"
                    + " ORDER BY id LIMIT 1")) {
      s.setString(1, aggregateId);
      s.setString(2, eventType);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          throw new AssertionError("no " + eventType + " for " + aggregateId + " in the outbox");
        }
        return r.getString(1);
      }
    }
  }
}
