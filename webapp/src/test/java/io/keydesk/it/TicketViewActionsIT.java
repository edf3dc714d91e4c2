package io.keydesk.it;

import static io.keydesk.it.Claims.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.it.Api.Answer;
import io.keydesk.it.Claims.Buyer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console's ticket view and the agent's actions over the API: the case file, the audited reveal
 * of a key, re-deliver, replace, refund through the automatic path's code, canned replies filled in
 * the buyer's language, and what a supplier manager may not see.
 */
class TicketViewActionsIT extends ApiIT {
  private Claims claims;
  private String agent;

  @BeforeEach
  void setUp() {
    claims = new Claims(api);
    agent = api.staffToken("agent", "agent-demo-pass");
  }

  /** A case about key 0 of a fresh order that the buyer handed to a human (IN_REVIEW). */
  private String caseInReview(Buyer buyer, String category, String language) {
    Answer filed =
        claims.file(
            buyer,
            category,
            Api.uniqueIp(),
            Map.of("keyIndex", 0, "handoff", true, "language", language));
    assertEquals(201, filed.status(), filed.body());
    assertEquals("IN_REVIEW", filed.json().getString("status"), filed.body());
    return filed.json().getString("ticketNo");
  }

  private Answer act(String ticketNo, String json) {
    return api.post("/api/v1/ops/tickets/" + ticketNo + "/actions", json, Api.bearer(agent));
  }

  private JsonObject caseFile(String ticketNo) {
    Answer a = api.get("/api/v1/ops/tickets/" + ticketNo + "/case", Api.bearer(agent));
    assertEquals(200, a.status(), a.body());
    return a.json();
  }

  private static JsonObject key(JsonObject caseFile, int index) {
    return caseFile.getJsonArray("keys").getValuesAs(JsonObject.class).stream()
        .filter(k -> k.getInt("index") == index)
        .findFirst()
        .orElseThrow();
  }

  private static long inStock(String sku) throws Exception {
    return count(
        "SELECT COUNT(*) FROM card_key k JOIN product p ON p.id = k.product_id"
            + " WHERE p.sku = ? AND k.status = 'IN_STOCK'",
        sku);
  }

  private static long refundWebhooks(String orderNo) throws Exception {
    return count(
        "SELECT COUNT(*) FROM webhook_delivery WHERE type = 'refund.issued' AND aggregate_id = ?",
        orderNo);
  }

  @Test
  void theCaseFileHasTheOrderTheMaskedKeysAndTheirDeliveryFacts() {
    String sku = Api.unique("TV");
    Buyer buyer = claims.buyer(sku, "TV-SUP", "CODE-" + sku);
    String ticketNo = caseInReview(buyer, "INVALID_KEY", "en");

    JsonObject file = caseFile(ticketNo);
    assertEquals(buyer.orderNo(), file.getJsonObject("order").getString("orderNo"));
    assertEquals("TV-SUP", file.getJsonObject("order").getString("supplierCode"));
    assertEquals(buyer.email(), file.getJsonObject("order").getString("contact"));
    JsonObject k = key(file, 0);
    assertTrue(k.getString("masked").startsWith("****-"), k.toString());
    assertEquals("DELIVERED", k.getString("status"));
    assertEquals("B-" + sku, k.getString("batch"));
    assertTrue(k.containsKey("deliveredAt"));
    assertFalse(file.toString().contains("CODE-" + sku), "no key in clear in the case file");
    assertEquals("IN_REVIEW", file.getJsonObject("ticket").getString("status"));
    assertTrue(file.getJsonObject("reading").containsKey("alternatives"));
  }

  @Test
  void revealingAKeyShowsItOnceAndIsAudited() throws Exception {
    String sku = Api.unique("TV");
    Buyer buyer = claims.buyer(sku, "TV-SUP", "CODE-" + sku);
    String ticketNo = caseInReview(buyer, "INVALID_KEY", "en");
    long before =
        count(
            "SELECT COUNT(*) FROM audit_entry WHERE action = 'staff.key.revealed'"
                + " AND subject_id = ?",
            ticketNo);

    Answer shown =
        api.post("/api/v1/ops/tickets/" + ticketNo + "/keys/0/reveal", "", Api.bearer(agent));

    assertEquals(200, shown.status(), shown.body());
    assertEquals("CODE-" + sku, shown.json().getString("code"));
    assertEquals("no-store", shown.header("Cache-Control"));
    String fingerprint = shown.json().getString("fingerprint");
    try (Connection c = TestServers.database();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT actor_type, actor_name, details FROM audit_entry"
                    + " WHERE action = 'staff.key.revealed' AND subject_id = ? ORDER BY seq")) {
      s.setString(1, ticketNo);
      try (ResultSet r = s.executeQuery()) {
        assertTrue(r.next(), "the reveal is in the audit chain");
        assertEquals("STAFF", r.getString(1));
        assertEquals("agent", r.getString(2));
        assertTrue(r.getString(3).contains(fingerprint), r.getString(3));
        assertFalse(r.getString(3).contains("CODE-" + sku), "never the key itself");
      }
    }
    assertEquals(
        before + 1,
        count(
            "SELECT COUNT(*) FROM audit_entry WHERE action = 'staff.key.revealed'"
                + " AND subject_id = ?",
            ticketNo));
    assertNull(
        key(caseFile(ticketNo), 0).get("revealedAt"), "a staff reveal is not the buyer's reveal");

    Answer bad =
        api.post("/api/v1/ops/tickets/" + ticketNo + "/keys/x/reveal", "", Api.bearer(agent));
    assertEquals(400, bad.status());
    assertTrue(bad.body().contains("index"), bad.body());
    assertEquals(
        404,
        api.post("/api/v1/ops/tickets/" + ticketNo + "/keys/7/reveal", "", Api.bearer(agent))
            .status());
  }

  @Test
  void oneStaffMemberSeesAtMostThirtyKeysADay() {
    String sku = Api.unique("TVL");
    Buyer buyer = claims.buyer(sku, "TV-SUP", "CODE-" + sku);
    String ticketNo = caseInReview(buyer, "INVALID_KEY", "en");
    String username = Api.unique("reveal").toLowerCase();
    String password = "pass-" + username;
    Answer created =
        api.post(
            "/api/v1/ops/staff-users",
            Json.createObjectBuilder()
                .add("username", username)
                .add("displayName", "IT Reveal")
                .add("role", "AGENT")
                .add("language", "en")
                .add("password", password)
                .build()
                .toString(),
            Api.bearer(api.staffToken("admin", "admin-demo-pass")));
    assertEquals(201, created.status(), created.body());
    String token = api.staffToken(username, password);
    String path = "/api/v1/ops/tickets/" + ticketNo + "/keys/0/reveal";

    for (int i = 0; i < 30; i++) {
      assertEquals(200, api.post(path, "", Api.bearer(token)).status(), "reveal " + i);
    }
    Answer refused = api.post(path, "", Api.bearer(token));

    assertEquals(429, refused.status(), refused.body());
    assertTrue(Integer.parseInt(refused.header("Retry-After")) > 0);
    assertFalse(refused.body().contains("CODE-" + sku));
    assertEquals(200, api.post(path, "", Api.bearer(agent)).status(), "each person's own limit");
  }

  @Test
  void replaceTakesAnotherStockKeyOnceAndTheBuyerSeesIt() throws Exception {
    String sku = Api.unique("TV");
    Buyer buyer = claims.buyer(sku, "TV-SUP", "CODE-" + sku);
    claims.stock(sku, "S-" + sku, "STOCK-" + sku + "-1", "STOCK-" + sku + "-2");
    String ticketNo = caseInReview(buyer, "INVALID_KEY", "zh-CN");
    String oldMasked = key(caseFile(ticketNo), 0).getString("masked");

    Answer replaced = act(ticketNo, "{\"type\":\"REPLACE\",\"keyIndex\":0}");

    assertEquals(200, replaced.status(), replaced.body());
    assertEquals("RESOLVED", replaced.json().getString("status"));
    assertEquals("REPLACED", replaced.json().getString("resolution"));
    assertTrue(replaced.json().getString("resolutionNote").contains("更换"), "buyer's language");
    JsonObject file = caseFile(ticketNo);
    JsonObject old = key(file, 0);
    assertEquals("DEFECTIVE", old.getString("status"));
    int newIndex = old.getInt("replacedByIndex");
    JsonObject fresh = key(file, newIndex);
    assertEquals("DELIVERED", fresh.getString("status"));
    assertNotEquals(oldMasked, fresh.getString("masked"), "a different key");
    assertEquals("S-" + sku, fresh.getString("batch"), "taken from the product's stock");
    assertEquals(1, inStock(sku));
    assertEquals(
        1,
        count(
            "SELECT defect_count FROM key_batch b JOIN product p ON p.id = b.product_id"
                + " WHERE p.sku = ? AND b.code = ?",
            sku,
            "B-" + sku),
        "the old key's batch counts the defect");

    Answer buyerView = api.get("/api/v1/tickets/" + ticketNo, Api.bearer(buyer.token()));
    assertEquals("REPLACED", buyerView.json().getString("resolution"));

    Answer reopened =
        api.post(
            "/api/v1/tickets/" + ticketNo + "/reopen",
            "{\"reason\":\"still broken\"}",
            Api.bearer(buyer.token()));
    assertEquals(200, reopened.status(), reopened.body());
    Answer again = act(ticketNo, "{\"type\":\"REPLACE\",\"keyIndex\":0}");
    assertEquals(409, again.status(), again.body());
    assertEquals("urn:keydesk:problem:key-not-replaceable", again.json().getString("type"));
    assertEquals(1, inStock(sku), "no second stock key taken");
  }

  @Test
  void refundSendsOneWebhookAndRestocksOnlyANeverRevealedKey() throws Exception {
    String sku = Api.unique("TV");
    Buyer buyer = claims.buyer(sku, "TV-SUP", "CODE-" + sku);
    String ticketNo = caseInReview(buyer, "WRONG_PURCHASE", "en");

    Answer refunded = act(ticketNo, "{\"type\":\"REFUND\"}");

    assertEquals(200, refunded.status(), refunded.body());
    assertEquals("REFUNDED", refunded.json().getString("resolution"));
    assertEquals(1, refundWebhooks(buyer.orderNo()));
    assertEquals(1, inStock(sku), "never revealed: back to stock");
    assertEquals("REFUNDED", key(caseFile(ticketNo), 0).getString("status"));
    Answer twice = act(ticketNo, "{\"type\":\"REFUND\"}");
    assertEquals(409, twice.status(), twice.body());
    assertEquals(1, refundWebhooks(buyer.orderNo()), "the webhook is sent once");

    String sku2 = Api.unique("TV");
    Buyer seen = claims.buyer(sku2, "TV-SUP", "CODE-" + sku2);
    String revealedCase = caseInReview(seen, "WRONG_PURCHASE", "en");
    try (Connection c = TestServers.database();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE card_key k JOIN shop_order o ON o.id = k.order_id"
                    + " SET k.revealed_at = UTC_TIMESTAMP(3) WHERE o.order_no = ?")) {
      s.setString(1, seen.orderNo());
      assertEquals(1, s.executeUpdate());
    }
    Answer revealedRefund = act(revealedCase, "{\"type\":\"REFUND\",\"keyIndex\":0}");
    assertEquals(200, revealedRefund.status(), revealedRefund.body());
    assertEquals(1, refundWebhooks(seen.orderNo()));
    assertEquals(0, inStock(sku2), "a revealed key never goes back to stock");
    assertEquals("REFUNDED", key(caseFile(revealedCase), 0).getString("status"));
  }

  @Test
  void redeliverDeliversFromStockWhenTheKeyWasNeverDelivered() throws Exception {
    String sku = Api.unique("TV");
    Buyer buyer = claims.buyer(sku, "TV-SUP");
    claims.stock(sku, "S-" + sku, "STOCK-" + sku + "-1");
    Answer filed = claims.file(buyer, "NOT_RECEIVED", Api.uniqueIp(), Map.of("handoff", true));
    assertEquals(201, filed.status(), filed.body());
    String ticketNo = filed.json().getString("ticketNo");

    Answer done = act(ticketNo, "{\"type\":\"REDELIVER\"}");

    assertEquals(200, done.status(), done.body());
    assertEquals("REDELIVERED", done.json().getString("resolution"));
    assertEquals("DELIVERED", key(caseFile(ticketNo), 0).getString("status"));
    assertEquals(0, inStock(sku));
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM audit_entry WHERE action = 'staff.redeliver' AND subject_id = ?",
            ticketNo));
  }

  @Test
  void cannedRepliesAreFilledInTheBuyersLanguageAndOnlyEditorsChangeThem() {
    String supervisor = api.staffToken("supervisor", "supervisor-demo-pass");
    String name = Api.unique("reply").toLowerCase();
    String en =
        Json.createObjectBuilder()
            .add("name", name)
            .add("category", "INVALID_KEY")
            .add("language", "en")
            .add(
                "body",
                "Order {orderNo} ({productName}), case {ticketNo}, by {deadline}{buyerName?}.")
            .build()
            .toString();
    String zh =
        Json.createObjectBuilder()
            .add("name", name)
            .add("category", "INVALID_KEY")
            .add("language", "zh-CN")
            .add("body", "订单 {orderNo}（{productName}），工单 {ticketNo}，截止 {deadline}。")
            .build()
            .toString();
    assertEquals(403, api.post("/api/v1/ops/canned-replies", en, Api.bearer(agent)).status());
    Answer createdEn = api.post("/api/v1/ops/canned-replies", en, Api.bearer(supervisor));
    assertEquals(201, createdEn.status(), createdEn.body());
    assertEquals(201, api.post("/api/v1/ops/canned-replies", zh, Api.bearer(supervisor)).status());
    assertEquals(409, api.post("/api/v1/ops/canned-replies", zh, Api.bearer(supervisor)).status());
    Answer unknown =
        api.post(
            "/api/v1/ops/canned-replies",
            en.replace("{ticketNo}", "{password}").replace(name, name + "-x"),
            Api.bearer(supervisor));
    assertEquals(400, unknown.status(), unknown.body());
    assertTrue(unknown.body().contains("body"), unknown.body());

    String sku = Api.unique("TV");
    Buyer zhBuyer = claims.buyer(sku, "TV-SUP", "CODE-" + sku);
    String zhCase = caseInReview(zhBuyer, "INVALID_KEY", "zh-CN");
    Buyer enBuyer = claims.buyer(sku, "TV-SUP", "CODE2-" + sku);
    String enCase = caseInReview(enBuyer, "INVALID_KEY", "en");

    JsonObject zhReply = filled(zhCase, name);
    assertEquals("zh-CN", zhReply.getString("language"));
    String zhText = zhReply.getString("text");
    assertTrue(zhText.startsWith("订单 " + zhBuyer.orderNo() + "（Product " + sku + "）"), zhText);
    assertTrue(zhText.contains("工单 " + zhCase) && zhText.contains("年"), zhText);
    String enText = filled(enCase, name).getString("text");
    assertTrue(enText.startsWith("Order " + enBuyer.orderNo() + " (Product " + sku + ")"), enText);
    assertTrue(enText.contains("case " + enCase) && enText.endsWith("UTC."), enText);

    long id = createdEn.json().getJsonNumber("id").longValue();
    String changed = en.replace("Order {orderNo}", "Your order {orderNo}");
    assertEquals(
        403, api.put("/api/v1/ops/canned-replies/" + id, changed, Api.bearer(agent)).status());
    Answer put = api.put("/api/v1/ops/canned-replies/" + id, changed, Api.bearer(supervisor));
    assertEquals(200, put.status(), put.body());
    assertTrue(filled(enCase, name).getString("text").startsWith("Your order "));
    assertEquals(403, api.delete("/api/v1/ops/canned-replies/" + id, Api.bearer(agent)).status());
    String admin = api.staffToken("admin", "admin-demo-pass");
    assertEquals(204, api.delete("/api/v1/ops/canned-replies/" + id, Api.bearer(admin)).status());
    assertEquals(
        "zh-CN", filled(enCase, name).getString("language"), "the only text left of that name");
  }

  private JsonObject filled(String ticketNo, String name) {
    Answer a = api.get("/api/v1/ops/canned-replies/filled?ticket=" + ticketNo, Api.bearer(agent));
    assertEquals(200, a.status(), a.body());
    return a.array().getValuesAs(JsonObject.class).stream()
        .filter(r -> r.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " not in " + a.body()));
  }

  @Test
  void aSupplierManagerSeesNoCaseNoKeyAndNoContact() {
    String sku = Api.unique("TV");
    Buyer buyer = claims.buyer(sku, "TV-SUP", "CODE-" + sku);
    String ticketNo = caseInReview(buyer, "INVALID_KEY", "en");
    String supplier = api.staffToken("supplier", "supplier-demo-pass");
    for (Answer a :
        List.of(
            api.get("/api/v1/ops/tickets/" + ticketNo + "/case", Api.bearer(supplier)),
            api.post(
                "/api/v1/ops/tickets/" + ticketNo + "/keys/0/reveal", "", Api.bearer(supplier)),
            api.get("/api/v1/ops/canned-replies/filled?ticket=" + ticketNo, Api.bearer(supplier)),
            api.post(
                "/api/v1/ops/tickets/" + ticketNo + "/actions",
                "{\"type\":\"REFUND\"}",
                Api.bearer(supplier)))) {
      assertEquals(403, a.status(), a.body());
      assertFalse(a.body().contains(buyer.email()), "never the buyer's contact");
      assertFalse(a.body().contains("CODE-"), "never a key");
    }
  }

  /** A browser-less console session: the login form posted with its ViewState, cookies kept. */
  private final class ConsoleSession {
    private final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String ip = Api.uniqueIp();

    ConsoleSession(String username, String password) throws Exception {
      HttpResponse<String> form = get("/console/login.xhtml");
      Matcher state =
          Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"")
              .matcher(form.body());
      assertTrue(state.find(), "the login form has a ViewState");
      String body =
          Map.of(
                  "login",
                  "login",
                  "login:next",
                  "",
                  "login:username",
                  username,
                  "login:password",
                  password,
                  "login:submit",
                  "",
                  "jakarta.faces.ViewState",
                  state.group(1))
              .entrySet()
              .stream()
              .map(
                  e ->
                      URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                          + "="
                          + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      HttpResponse<String> signedIn =
          http.send(
              HttpRequest.newBuilder(URI.create(api.base() + "/console/login.xhtml"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("X-Forwarded-For", ip)
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(302, signedIn.statusCode(), signedIn.body());
    }

    HttpResponse<String> get(String path) throws Exception {
      return http.send(
          HttpRequest.newBuilder(URI.create(api.base() + path))
              .header("X-Forwarded-For", ip)
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }

  @Test
  void thePagesCheckTheRoleToo() throws Exception {
    String sku = Api.unique("TV");
    Buyer buyer = claims.buyer(sku, "TV-SUP", "CODE-" + sku);
    String ticketNo = caseInReview(buyer, "INVALID_KEY", "en");

    HttpResponse<String> asAgent =
        new ConsoleSession("agent", "agent-demo-pass").get("/console/ticket.xhtml?no=" + ticketNo);
    assertEquals(200, asAgent.statusCode());
    assertTrue(asAgent.body().contains(buyer.email()), "an agent sees the contact");
    assertFalse(asAgent.body().contains("CODE-" + sku), "but never the key in clear");

    ConsoleSession supplier = new ConsoleSession("supplier", "supplier-demo-pass");
    HttpResponse<String> asSupplier = supplier.get("/console/ticket.xhtml?no=" + ticketNo);
    assertEquals(403, asSupplier.statusCode());
    assertFalse(asSupplier.body().contains(buyer.email()), "never the buyer's contact");
    assertEquals(403, supplier.get("/console/canned-replies.xhtml").statusCode());
    assertEquals(
        403,
        new ConsoleSession("agent", "agent-demo-pass")
            .get("/console/canned-replies.xhtml")
            .statusCode(),
        "an agent cannot change configuration");
    assertEquals(
        200,
        new ConsoleSession("supervisor", "supervisor-demo-pass")
            .get("/console/canned-replies.xhtml")
            .statusCode());
  }
}
