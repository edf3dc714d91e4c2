package io.keydesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.it.Api.Answer;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The buyer's API: sessions, orders, tickets; every read checked against the caller. */
class BuyerApiIT extends ApiIT {
  private static String session(String orderNo, String contact, String ip) {
    return "{\"orderNo\":\"" + orderNo + "\",\"contact\":\"" + contact + "\"}";
  }

  @Test
  void wrongContactAndUnknownOrderGetTheSameAnswer() {
    String orderNo = Api.unique("SESS");
    api.importOrder(orderNo, "same@example.com", "IT-SKU-2", "K-SESS");
    Map<String, String> ip = Map.of("X-Forwarded-For", Api.uniqueIp());

    Answer ok =
        api.post("/api/v1/buyer/sessions", session(orderNo, " SAME@example.com ", null), ip);
    assertEquals(201, ok.status(), ok.body());
    String token = ok.json().getString("token");
    assertTrue(token.startsWith("kdb_") && token.length() >= 4 + 43, "256-bit opaque token");
    assertEquals("no-store", ok.header("Cache-Control"));

    Answer wrongContact =
        api.post("/api/v1/buyer/sessions", session(orderNo, "other@example.com", null), ip);
    Answer unknownOrder =
        api.post(
            "/api/v1/buyer/sessions", session(Api.unique("NOPE"), "same@example.com", null), ip);
    assertEquals(401, wrongContact.status());
    assertEquals(401, unknownOrder.status());
    assertEquals(wrongContact.body(), unknownOrder.body());
    assertTrue(wrongContact.contentType().startsWith("application/problem+json"));

    Answer invalid = api.post("/api/v1/buyer/sessions", "{\"orderNo\":\"\"}", ip);
    assertEquals(400, invalid.status());
  }

  @Test
  void aPhoneNumberOpensTheOrderWithOrWithoutItsCountryCode() {
    String orderNo = Api.unique("PHONE");
    String mobile = "139" + String.format("%08d", (long) (Math.random() * 100_000_000L));
    String order =
        Api.orderJson(orderNo, "unused@example.com", "IT-SKU-2", "K-PHONE")
            .replace(
                "{\"email\":\"unused@example.com\"}",
                "{\"phone\":\"+86 " + mobile.substring(0, 3) + " " + mobile.substring(3) + "\"}");
    Answer imported = api.signed("/api/v1/orders", order);
    assertEquals(200, imported.status(), imported.body());

    for (String typed : List.of(mobile, "+86" + mobile, "86-" + mobile)) {
      Answer opened =
          api.post(
              "/api/v1/buyer/sessions",
              session(orderNo, typed, null),
              Map.of("X-Forwarded-For", Api.uniqueIp()));
      assertEquals(201, opened.status(), typed + ": " + opened.body());
      Answer orders = api.get("/api/v1/buyer/orders", Api.bearer(opened.json().getString("token")));
      assertEquals(orderNo, orders.array().getJsonObject(0).getString("orderNo"), typed);
    }
    for (String other : List.of(mobile.substring(1), "+1" + mobile, "+86" + mobile + "1")) {
      Answer refused =
          api.post(
              "/api/v1/buyer/sessions",
              session(orderNo, other, null),
              Map.of("X-Forwarded-For", Api.uniqueIp()));
      assertEquals(401, refused.status(), other);
    }
  }

  @Test
  void limitsAttemptsPerIpAndPerOrder() {
    String ip = Api.uniqueIp();
    Answer last = null;
    for (int i = 0; i < 31; i++) {
      last =
          api.post(
              "/api/v1/buyer/sessions",
              session(Api.unique("GUESS"), "guess@example.com", null),
              Map.of("X-Forwarded-For", ip));
    }
    assertEquals(429, last.status(), last.body());
    assertNotNull(last.header("Retry-After"));
    assertTrue(Integer.parseInt(last.header("Retry-After")) > 0);
    assertEquals("urn:keydesk:problem:rate-limited", last.json().getString("type"));

    String orderNo = Api.unique("TARGET");
    api.importOrder(orderNo, "target@example.com", "IT-SKU-2", "K-T");
    Answer byOrder = null;
    for (int i = 0; i < 11; i++) {
      byOrder =
          api.post(
              "/api/v1/buyer/sessions",
              session(orderNo, "attacker" + i + "@example.com", null),
              Map.of("X-Forwarded-For", Api.uniqueIp()));
    }
    assertEquals(429, byOrder.status(), "per-order limit across many IPs");
  }

  @Test
  void buyerSeesOwnOrdersAndFilesOneTicketPerIdempotencyKey() throws Exception {
    String orderNo = Api.unique("OWN");
    // A contact of its own: a session covers every order of the contact, other tests' included.
    String contact = orderNo.toLowerCase() + "@example.com";
    api.importOrder(orderNo, contact, "IT-SKU-2", "K-OWN-1");
    String token = api.buyerToken(orderNo, contact);

    Answer orders = api.get("/api/v1/buyer/orders", Api.bearer(token));
    assertEquals(200, orders.status());
    JsonObject order = orders.array().getJsonObject(0);
    assertEquals(orderNo, order.getString("orderNo"));
    assertFalse(orders.body().contains("K-OWN-1"), "keys are masked");

    String ticket =
        "{\"orderNo\":\""
            + orderNo
            + "\",\"category\":\"INVALID_KEY\",\"description\":"
            + "\"买的卡不能用 code already redeemed\",\"keyIndex\":0,\"language\":\"zh-CN\"}";
    Map<String, String> headers =
        Map.of("Authorization", "Bearer " + token, "Idempotency-Key", "retry-1");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Answer>> answers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      answers.add(pool.submit(() -> api.post("/api/v1/tickets", ticket, headers)));
    }
    List<String> numbers = new ArrayList<>();
    int created = 0;
    for (Future<Answer> f : answers) {
      Answer a = f.get();
      assertTrue(a.status() == 201 || a.status() == 200, a.status() + " " + a.body());
      created += a.status() == 201 ? 1 : 0;
      numbers.add(a.json().getString("ticketNo"));
    }
    pool.shutdown();
    assertEquals(1, created, "exactly one submit created the ticket");
    assertEquals(1, numbers.stream().distinct().count(), "every retry got the same ticket");
    String ticketNo = numbers.get(0);
    assertTrue(ticketNo.matches("KD-\\d{6}-[0-9A-Z]{8}"), ticketNo);

    Answer reused =
        api.post(
            "/api/v1/tickets",
            ticket.replace("INVALID_KEY", "OTHER"),
            Map.of("Authorization", "Bearer " + token, "Idempotency-Key", "retry-1"));
    assertEquals(422, reused.status());
    Answer typedInLowerCase =
        api.post("/api/v1/tickets", ticket.replace(orderNo, orderNo.toLowerCase()), headers);
    assertEquals(200, typedInLowerCase.status(), "the same retry: " + typedInLowerCase.body());
    assertEquals(ticketNo, typedInLowerCase.json().getString("ticketNo"));
    Answer otherKey =
        api.post(
            "/api/v1/tickets",
            ticket.replace("INVALID_KEY", "OTHER"),
            Map.of("Authorization", "Bearer " + token, "Idempotency-Key", "RETRY-1"));
    assertEquals(201, otherKey.status(), "keys differing in case are two keys: " + otherKey.body());

    Answer mine = api.get("/api/v1/buyer/tickets", Api.bearer(token));
    assertEquals(2, mine.array().size());
    Answer view = api.get("/api/v1/tickets/" + ticketNo, Api.bearer(token));
    assertEquals(200, view.status());
    assertEquals("IN_REVIEW", view.json().getString("status"));
    var timeline = view.json().getJsonArray("timeline");
    // Submitted, then queued: directly (the risk engine held it) or after the automatic path
    // looked at it (AUTO_RESOLVING in between), depending on what this address filed before.
    assertEquals("SUBMITTED", timeline.getJsonObject(0).getString("toStatus"), timeline.toString());
    assertEquals(
        "IN_REVIEW",
        timeline.getJsonObject(timeline.size() - 1).getString("toStatus"),
        timeline.toString());
    assertFalse(view.json().containsKey("buyerContact"));

    Answer message =
        api.post(
            "/api/v1/tickets/" + ticketNo + "/messages",
            "{\"text\":\"Here is the error: E-1234\"}",
            Api.bearer(token));
    assertEquals(200, message.status(), message.body());
    var after = message.json().getJsonArray("timeline");
    assertEquals(timeline.size() + 1, after.size(), "the message is one more entry");
    assertEquals(
        "Here is the error: E-1234", after.getJsonObject(after.size() - 1).getString("body"));
  }

  @Test
  void anotherBuyerCannotSeeOrTouchTheFirstBuyersOrderOrTicket() {
    String first = Api.unique("FIRST");
    String second = Api.unique("SECOND");
    api.importOrder(first, "first@example.com", "IT-SKU-2", "K-FIRST");
    api.importOrder(second, "second@example.com", "IT-SKU-2", "K-SECOND");
    String firstToken = api.buyerToken(first, "first@example.com");
    String secondToken = api.buyerToken(second, "second@example.com");
    Answer filed =
        api.post(
            "/api/v1/tickets",
            "{\"orderNo\":\"" + first + "\",\"category\":\"NOT_RECEIVED\",\"description\":\"x\"}",
            Api.bearer(firstToken));
    assertEquals(201, filed.status(), filed.body());
    String ticketNo = filed.json().getString("ticketNo");

    Answer peek = api.get("/api/v1/tickets/" + ticketNo, Api.bearer(secondToken));
    assertEquals(404, peek.status());
    Answer unknown = api.get("/api/v1/tickets/KD-000000-00000000", Api.bearer(secondToken));
    assertEquals(peek.body(), unknown.body(), "someone else's ticket looks like no ticket");
    assertEquals(
        404,
        api.post(
                "/api/v1/tickets/" + ticketNo + "/messages",
                "{\"text\":\"hi\"}",
                Api.bearer(secondToken))
            .status());
    Answer fileOnOther =
        api.post(
            "/api/v1/tickets",
            "{\"orderNo\":\"" + first + "\",\"category\":\"OTHER\",\"description\":\"mine?\"}",
            Api.bearer(secondToken));
    assertEquals(404, fileOnOther.status());
    Answer theirOrders = api.get("/api/v1/buyer/orders", Api.bearer(secondToken));
    assertFalse(theirOrders.body().contains(first));
    assertFalse(
        api.get("/api/v1/buyer/tickets", Api.bearer(secondToken)).body().contains(ticketNo));

    assertEquals(401, api.get("/api/v1/buyer/orders", Map.of()).status());
    assertEquals(401, api.get("/api/v1/buyer/orders", Api.bearer("kdb_forged")).status());
    assertEquals(
        401, api.get("/api/v1/tickets/" + ticketNo, Api.bearer("kds_staff_token_here")).status());
  }

  @Test
  void ticketInputIsValidatedFieldByField() {
    String orderNo = Api.unique("VAL");
    api.importOrder(orderNo, "val@example.com", "IT-SKU-2", "K-VAL");
    String token = api.buyerToken(orderNo, "val@example.com");
    Answer bad =
        api.post(
            "/api/v1/tickets",
            "{\"orderNo\":\""
                + orderNo
                + "\",\"category\":\"BROKEN\",\"description\":\"\","
                + "\"keyIndex\":-1}",
            Api.bearer(token));
    assertEquals(400, bad.status());
    List<String> fields =
        bad.json().getJsonArray("errors").stream()
            .map(e -> e.asJsonObject().getString("field"))
            .toList();
    assertTrue(
        fields.containsAll(List.of("category", "description", "keyIndex")), fields.toString());
    Answer noSuchKey =
        api.post(
            "/api/v1/tickets",
            "{\"orderNo\":\""
                + orderNo
                + "\",\"category\":\"INVALID_KEY\",\"description\":\"d\","
                + "\"keyIndex\":7}",
            Api.bearer(token));
    assertEquals(400, noSuchKey.status());
    assertEquals(
        "keyIndex", noSuchKey.json().getJsonArray("errors").getJsonObject(0).getString("field"));
  }
}
