package io.keydesk.bench.claims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keydesk.bench.ShopSignature;
import io.keydesk.bench.claims.Plan.Case;
import io.keydesk.bench.claims.Plan.Key;
import io.keydesk.bench.claims.Plan.Order;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every call the simulation makes, through the public HTTP API only, the way the shop (signed),
 * staff (bearer token) and buyers (session token, from their own address) make them. Buyer calls
 * carry the buyer's address in {@code X-Forwarded-For} (the app runs with {@code
 * keydesk.http.trust-forwarded-for=true}). Card keys and tokens are never part of an exception
 * message.
 */
final class SimulationApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final URI base;
  private final String shopSecret;
  private final HttpClient http;

  SimulationApi(URI base, String shopSecret, HttpClient http) {
    this.base = base;
    this.shopSecret = shopSecret;
    this.http = http;
  }

  /** An answer: its status and body (JSON when it parses). */
  record Answer(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON: " + abbreviate(body), e);
      }
    }
  }

  // ---- shop -----------------------------------------------------------------------------------

  /**
   * The shop reports the order, paid on day {@code paidDay} of the month starting at {@code t0}.
   */
  void importOrder(Order o, Instant t0) {
    Instant paid = t0.plus(Duration.ofMinutes(Math.round(o.paidDay() * 24 * 60)));
    ObjectNode order = JSON.createObjectNode();
    order.put("orderNo", o.orderNo());
    order.putObject("buyer").put("email", o.buyer().email());
    ObjectNode product = order.putObject("product");
    product.put("sku", o.product().sku()).put("name", o.product().name());
    product
        .putObject("supplier")
        .put("code", o.product().supplierCode())
        .put("name", o.product().supplierName());
    order.put("quantity", o.quantity());
    order.put("amount", o.amount().toPlainString()).put("currency", "CNY");
    order.put("paidAt", paid.toString());
    ArrayNode keys = order.putArray("keys");
    for (Key k : o.keys()) {
      keys.addObject()
          .put("index", k.index())
          .put("code", k.code())
          .put("batch", "B-" + o.product().sku())
          .put("deliveredAt", paid.plusSeconds(3).toString());
    }
    expect(200, signed("/api/v1/orders", order), "import order " + o.orderNo());
  }

  /** The shop hands keys to Keydesk's stock (at most 1000 per call). */
  void importStock(String sku, String batch, List<String> codes) {
    for (int from = 0; from < codes.size(); from += 1000) {
      ObjectNode body = JSON.createObjectNode().put("sku", sku).put("batch", batch);
      ArrayNode keys = body.putArray("keys");
      codes
          .subList(from, Math.min(codes.size(), from + 1000))
          .forEach(c -> keys.addObject().put("code", c));
      expect(200, signed("/api/v1/stock", body), "import stock of " + sku);
    }
  }

  /** The shop reports a key redeemed. */
  void reportRedeemed(String orderNo, int keyIndex) {
    ObjectNode body =
        JSON.createObjectNode()
            .put("orderNo", orderNo)
            .put("keyIndex", keyIndex)
            .put("status", "REDEEMED");
    expect(200, signed("/api/v1/card-keys/status", body), "report " + orderNo + " redeemed");
  }

  private Answer signed(String path, ObjectNode json) {
    String body = write(json);
    long ts = Instant.now().getEpochSecond();
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .header("X-Keydesk-Timestamp", Long.toString(ts))
            .header("X-Keydesk-Signature", ShopSignature.sign(shopSecret, ts, body))
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  // ---- staff ----------------------------------------------------------------------------------

  String staffToken(String username, String password) {
    ObjectNode body = JSON.createObjectNode().put("username", username).put("password", password);
    Answer a = post("/api/v1/ops/tokens", body, Map.of());
    expect(201, a, "staff login");
    return a.json().path("token").asText();
  }

  /** The risk engine's thresholds ({@code claims.contact.day} …). */
  Map<String, Integer> riskSettings(String staff) {
    Answer a = get("/api/v1/ops/risk/settings", bearer(staff));
    expect(200, a, "risk settings");
    Map<String, Integer> settings = new LinkedHashMap<>();
    a.json().properties().forEach(e -> settings.put(e.getKey(), e.getValue().asInt()));
    return settings;
  }

  void block(String staff, String kind, String value, String reason) {
    ObjectNode body =
        JSON.createObjectNode().put("kind", kind).put("value", value).put("reason", reason);
    expect(201, post("/api/v1/ops/risk/blocks", body, bearer(staff)), "block a " + kind);
  }

  long createArticle(String staff, ObjectNode article) {
    Answer a = post("/api/v1/ops/kb/articles", article, bearer(staff));
    expect(201, a, "write a help article");
    return a.json().path("id").asLong();
  }

  JsonNode auditVerify(String staff) {
    Answer a = get("/api/v1/ops/audit/verify", bearer(staff));
    expect(200, a, "verify the audit chain");
    return a.json();
  }

  String metrics() {
    Answer a =
        send(HttpRequest.newBuilder(base.resolve("/metrics")).header("Accept", "text/plain").GET());
    expect(200, a, "metrics");
    return a.body();
  }

  // ---- buyers ---------------------------------------------------------------------------------

  /** Opens a session with an order number and its contact; returns the token. */
  String openSession(String orderNo, String contact, String ip) {
    ObjectNode body = JSON.createObjectNode().put("orderNo", orderNo).put("contact", contact);
    Answer a = post("/api/v1/buyer/sessions", body, Map.of("X-Forwarded-For", ip));
    expect(201, a, "open a buyer session");
    return a.json().path("token").asText();
  }

  /** Help answers for a case; the answer's {@code items}, best first. */
  JsonNode recommendations(String category, String sku, String text, String lang, String ip) {
    String query =
        Map.of("category", category, "product", sku, "text", text, "lang", lang).entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    Answer a = get("/api/v1/kb/recommendations?" + query, Map.of("X-Forwarded-For", ip));
    expect(200, a, "help answers");
    return a.json().path("items");
  }

  /** "This solved it" for an answer: a deflection, counted once per session id. */
  Answer solved(long articleId, String sessionId, Case c) {
    ObjectNode body =
        JSON.createObjectNode()
            .put("sessionId", sessionId)
            .put("orderNo", c.order().orderNo())
            .put("category", c.category())
            .put("language", c.buyer().language())
            .put("channel", c.channel());
    Answer a =
        post(
            "/api/v1/kb/articles/" + articleId + "/solved",
            body,
            Map.of("X-Forwarded-For", c.buyer().ip()));
    expect(202, a, "report a help answer solved");
    return a;
  }

  /** The buyer says the problem of an open case is solved. */
  Answer markSolved(String token, String ticketNo, String ip) {
    Map<String, String> headers = new LinkedHashMap<>(bearer(token));
    headers.put("X-Forwarded-For", ip);
    Answer a = post("/api/v1/tickets/" + ticketNo + "/solved", JSON.createObjectNode(), headers);
    expect(200, a, "say case " + ticketNo + " is solved");
    return a;
  }

  /** Files the case's claim; the answer is returned whatever its status. */
  Answer fileTicket(String token, Case c, String idempotencyKey) {
    ObjectNode body = JSON.createObjectNode();
    body.put("orderNo", c.order().orderNo());
    body.put("category", c.category());
    body.put("description", c.description());
    if (c.keyIndex() != null) {
      body.put("keyIndex", c.keyIndex());
    }
    body.put("language", c.buyer().language());
    body.put("channel", c.channel());
    body.put("deviceId", c.buyer().deviceId());
    if (c.errorText() != null) {
      body.put("errorText", c.errorText());
    }
    if (c.kind() == CaseKind.PAYMENT_ISSUE_PAID_TWICE) {
      body.put("chargedTwice", true);
    }
    Map<String, String> headers = new LinkedHashMap<>(bearer(token));
    headers.put("X-Forwarded-For", c.buyer().ip());
    headers.put("Idempotency-Key", idempotencyKey);
    return post("/api/v1/tickets", body, headers);
  }

  /** Asks for a one-time code to show a key; it goes to the session's contact by mail. */
  Answer requestCode(String token, String orderNo, int index, String language, String ip) {
    ObjectNode body = JSON.createObjectNode().put("language", language);
    Map<String, String> headers = new LinkedHashMap<>(bearer(token));
    headers.put("X-Forwarded-For", ip);
    return post("/api/v1/buyer/orders/" + orderNo + "/keys/" + index + "/code", body, headers);
  }

  /**
   * Shows the key with the code. Only the status is kept: the body holds the card key, which the
   * simulation does not need and must not keep.
   */
  int reveal(String token, String orderNo, int index, String code, String ip) {
    ObjectNode body = JSON.createObjectNode().put("code", code);
    Map<String, String> headers = new LinkedHashMap<>(bearer(token));
    headers.put("X-Forwarded-For", ip);
    return post("/api/v1/buyer/orders/" + orderNo + "/keys/" + index + "/reveal", body, headers)
        .status();
  }

  // ---- plumbing -------------------------------------------------------------------------------

  private static Map<String, String> bearer(String token) {
    return Map.of("Authorization", "Bearer " + token);
  }

  private Answer get(String path, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
    headers.forEach(request::header);
    return send(request);
  }

  private Answer post(String path, ObjectNode json, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(write(json), StandardCharsets.UTF_8));
    headers.forEach(request::header);
    return send(request);
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String write(ObjectNode json) {
    try {
      return JSON.writeValueAsString(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void expect(int status, Answer answer, String what) {
    if (answer.status() != status) {
      throw new UnexpectedAnswer(
          what
              + ": HTTP "
              + answer.status()
              + " (expected "
              + status
              + "): "
              + abbreviate(answer.body()));
    }
  }

  static String abbreviate(String text) {
    return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }

  /** The API answered something the simulation did not expect; the message says what. */
  static final class UnexpectedAnswer extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnexpectedAnswer(String message) {
      super(message);
    }
  }
}
