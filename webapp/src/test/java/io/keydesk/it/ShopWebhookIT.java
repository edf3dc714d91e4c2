package io.keydesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.keydesk.it.Api.Answer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Shop webhooks end to end: a supervisor pauses a product, the relay in the deployed app posts
 * {@code product.paused} to a receiver in this JVM (keydesk.shop.webhook-url points at
 * it.webhook.port), which fails the first attempts of each event and then acknowledges.
 */
class ShopWebhookIT extends ApiIT {
  private static final int FAILURES = 2;
  private static HttpServer receiver;
  private static final List<Received> received = new CopyOnWriteArrayList<>();
  private static final Map<String, AtomicInteger> attemptsByEvent = new ConcurrentHashMap<>();

  /** One request the receiver got, and what it answered. */
  record Received(Map<String, String> headers, String body, int answered) {
    JsonObject json() {
      return Json.createReader(new StringReader(body)).readObject();
    }

    String eventId() {
      return headers.get("x-keydesk-event-id");
    }
  }

  @BeforeAll
  static void startReceiver() throws IOException {
    int port = Integer.parseInt(System.getProperty("it.webhook.port"));
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    receiver.createContext(
        "/webhooks",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          Map<String, String> headers = new ConcurrentHashMap<>();
          exchange
              .getRequestHeaders()
              .forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
          String id = headers.getOrDefault("x-keydesk-event-id", "?");
          int attempt =
              attemptsByEvent.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
          int status = attempt <= FAILURES ? 500 : 200;
          received.add(new Received(headers, body, status));
          byte[] answer = (status == 200 ? "ok" : "try again").getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    receiver.start();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.stop(0);
  }

  private static List<Received> forSku(String type, String sku) {
    return received.stream()
        .filter(r -> type.equals(r.headers().get("x-keydesk-event-type")))
        .filter(r -> sku.equals(r.json().getJsonObject("data").getString("sku")))
        .toList();
  }

  private static List<Received> awaitAcknowledged(String type, String sku)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      List<Received> got = forSku(type, sku);
      if (got.stream().anyMatch(r -> r.answered() == 200)) {
        return got;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(type + " for " + sku + " was not acknowledged: " + received);
  }

  private String product() {
    String sku = Api.unique("PAUSE");
    String orderNo = Api.unique("WH");
    Answer imported = api.importOrder(orderNo, orderNo.toLowerCase() + "@example.com", sku, "K-1");
    assertEquals(200, imported.status(), imported.body());
    return sku;
  }

  @Test
  void aPausedProductReachesTheShopSignedAndIsRetriedUntilAcknowledged() throws Exception {
    String sku = product();
    String supervisor = api.staffToken("supervisor", "supervisor-demo-pass");
    Answer paused =
        api.post(
            "/api/v1/ops/products/" + sku + "/pause",
            "{\"reason\":\"batch IT-BATCH-1 fails\"}",
            Api.bearer(supervisor));
    assertEquals(200, paused.status(), paused.body());
    assertTrue(paused.json().getBoolean("paused"));
    assertTrue(paused.json().getBoolean("changed"));
    assertEquals("supervisor", paused.json().getString("pausedBy"));

    List<Received> got = awaitAcknowledged("product.paused", sku);
    assertEquals(FAILURES + 1, got.size(), "failed twice, acknowledged the third time");
    String eventId = got.get(0).eventId();
    assertNotNull(eventId);
    for (Received r : got) {
      assertEquals(eventId, r.eventId(), "every attempt carries the same event id");
      assertEquals(got.get(0).body(), r.body(), "and the same body");
      String ts = r.headers().get("x-keydesk-timestamp");
      assertEquals(
          "sha256=" + Api.hmac(Api.SHOP_SECRET, ts + "." + r.body()),
          r.headers().get("x-keydesk-signature"),
          "signed with the shop secret over timestamp.body");
      assertTrue(
          Math.abs(Long.parseLong(ts) - Instant.now().getEpochSecond()) < 60, "a fresh timestamp");
    }
    JsonObject body = got.get(0).json();
    assertEquals(eventId, body.getString("id"));
    assertEquals("product.paused", body.getString("type"));
    assertNotNull(Instant.parse(body.getString("occurredAt")));
    JsonObject data = body.getJsonObject("data");
    assertEquals(sku, data.getString("sku"));
    assertEquals("batch IT-BATCH-1 fails", data.getString("reason"));
    assertNotNull(Instant.parse(data.getString("at")));

    Thread.sleep(2500); // several backoff periods: an acknowledged webhook is never sent again
    assertEquals(FAILURES + 1, forSku("product.paused", sku).size());
    try (Connection db = TestServers.database();
        PreparedStatement q =
            db.prepareStatement(
                "SELECT attempts, delivered_at, last_status, last_error FROM webhook_delivery"
                    + " WHERE event_id = ?")) {
      q.setString(1, eventId);
      try (ResultSet row = q.executeQuery()) {
        assertTrue(row.next());
        assertEquals(FAILURES + 1, row.getInt("attempts"));
        assertNotNull(row.getTimestamp("delivered_at"));
        assertEquals(200, row.getInt("last_status"));
        assertEquals(null, row.getString("last_error"));
      }
    }
  }

  @Test
  void pausingTwiceSendsOnceAndResumingSendsProductResumed() throws Exception {
    String sku = product();
    String admin = api.staffToken("admin", "admin-demo-pass");
    String pause = "/api/v1/ops/products/" + sku + "/pause";
    assertEquals(200, api.post(pause, "{\"reason\":\"alert\"}", Api.bearer(admin)).status());
    Answer again = api.post(pause, "{\"reason\":\"alert again\"}", Api.bearer(admin));
    assertEquals(200, again.status());
    assertTrue(!again.json().getBoolean("changed"), again.body());
    assertEquals("alert", again.json().getString("reason"), "the first pause stands");

    Answer resumed = api.post("/api/v1/ops/products/" + sku + "/resume", "", Api.bearer(admin));
    assertEquals(200, resumed.status(), resumed.body());
    assertTrue(!resumed.json().getBoolean("paused"));
    awaitAcknowledged("product.resumed", sku);
    awaitAcknowledged("product.paused", sku);
    assertEquals(1, rows("product.paused", sku));
    assertEquals(1, rows("product.resumed", sku));
    Answer state =
        api.get(
            "/api/v1/ops/products/" + sku + "/sale",
            Api.bearer(api.staffToken("agent", "agent-demo-pass")));
    assertEquals(200, state.status());
    assertTrue(!state.json().getBoolean("paused"));
  }

  @Test
  void onlySupervisorsAndAdminsPauseAndTheReasonIsRequired() {
    String sku = product();
    String pause = "/api/v1/ops/products/" + sku + "/pause";
    String agent = api.staffToken("agent", "agent-demo-pass");
    assertEquals(403, api.post(pause, "{\"reason\":\"x\"}", Api.bearer(agent)).status());
    assertEquals(401, api.post(pause, "{\"reason\":\"x\"}", Map.of()).status());
    String supervisor = api.staffToken("supervisor", "supervisor-demo-pass");
    Answer noReason = api.post(pause, "{\"reason\":\" \"}", Api.bearer(supervisor));
    assertEquals(400, noReason.status());
    assertEquals(
        "reason", noReason.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    assertEquals(
        404,
        api.post(
                "/api/v1/ops/products/NO-SUCH-SKU/pause",
                "{\"reason\":\"x\"}",
                Api.bearer(supervisor))
            .status());
  }

  @Test
  void pendingWebhooksAreMeasuredAndTheSimulatedShopChecksSignatures() {
    String metrics = api.get("/metrics", Map.of("Accept", "text/plain")).body();
    assertTrue(metrics.contains("keydesk_webhooks_pending"), "pending webhooks");
    assertTrue(metrics.contains("keydesk_webhooks_oldest_seconds"), "oldest age");
    Answer ready = api.get("/health/ready", Map.of());
    assertEquals(200, ready.status());

    String body = "{\"id\":\"e-1\",\"type\":\"product.paused\",\"data\":{}}";
    long ts = Instant.now().getEpochSecond();
    Answer signed =
        api.post(
            "/simulated-shop/webhooks",
            body,
            Map.of(
                "X-Keydesk-Event-Id",
                "e-1",
                "X-Keydesk-Event-Type",
                "product.paused",
                "X-Keydesk-Timestamp",
                Long.toString(ts),
                "X-Keydesk-Signature",
                "sha256=" + Api.hmac(Api.SHOP_SECRET, ts + "." + body)));
    assertEquals(204, signed.status(), signed.body());
    Answer forged =
        api.post(
            "/simulated-shop/webhooks",
            body,
            Map.of(
                "X-Keydesk-Timestamp",
                Long.toString(ts),
                "X-Keydesk-Signature",
                "sha256=" + Api.hmac("guess", ts + "." + body)));
    assertEquals(401, forged.status());
  }

  private static int rows(String type, String sku) throws SQLException {
    try (Connection db = TestServers.database();
        PreparedStatement q =
            db.prepareStatement(
                "SELECT COUNT(*) FROM webhook_delivery WHERE type = ? AND aggregate_id = ?")) {
      q.setString(1, type);
      q.setString(2, sku);
      try (ResultSet r = q.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }
}
