package io.keydesk.it;

import static io.keydesk.it.Claims.count;
import static io.keydesk.it.Claims.decision;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.it.Api.Answer;
import io.keydesk.it.Claims.Buyer;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each automatic path of the self-service rules, through the API, with its effect in MariaDB. */
class AutomationIT extends ApiIT {
  private Claims claims;

  @BeforeEach
  void claims() {
    claims = new Claims(api);
  }

  private static List<String> keyStatuses(JsonObject ticket) {
    return ticket.getJsonArray("keys").getValuesAs(JsonObject.class).stream()
        .map(k -> k.getString("status"))
        .toList();
  }

  private static long inStock(String sku) throws Exception {
    return count(
        "SELECT COUNT(*) FROM card_key k JOIN product p ON p.id = k.product_id"
            + " WHERE p.sku = ? AND k.status = 'IN_STOCK'",
        sku);
  }

  /** Defects counted on the batch {@code Claims} gives the product's delivered keys. */
  private static long defects(String sku) throws Exception {
    return count(
        "SELECT defect_count FROM key_batch b JOIN product p ON p.id = b.product_id"
            + " WHERE p.sku = ? AND b.code = ?",
        sku,
        "B-" + sku);
  }

  private static long refundWebhooks(String orderNo) throws Exception {
    return count(
        "SELECT COUNT(*) FROM webhook_delivery WHERE type = 'refund.issued' AND aggregate_id = ?",
        orderNo);
  }

  @Test
  void aKeyNeverDeliveredIsDeliveredFromStock() throws Exception {
    String sku = Api.unique("NR");
    Buyer buyer = claims.buyer(sku, "IT-SUP");
    claims.stock(sku, "S-1", "STOCK-" + sku + "-1", "STOCK-" + sku + "-2");

    Answer filed = claims.file(buyer, "NOT_RECEIVED", Api.uniqueIp(), Map.of("language", "zh-CN"));

    assertEquals(201, filed.status(), filed.body());
    JsonObject t = filed.json();
    assertEquals("AUTO", decision(t));
    assertTrue(t.getString("resolutionNote").contains("补发"), "in the buyer's language");
    assertEquals("RESOLVED", t.getString("status"));
    assertEquals("REDELIVERED", t.getString("resolution"));
    assertEquals("DELIVERED_FROM_STOCK", t.getString("autoAction"));
    assertEquals(List.of("DELIVERED"), keyStatuses(t));
    assertEquals(1, inStock(sku));
    assertEquals(0, refundWebhooks(buyer.orderNo()));
  }

  @Test
  void aKeyNeverDeliveredIsRefundedWhenOutOfStock() throws Exception {
    String sku = Api.unique("OOS");
    Buyer buyer = claims.buyer(sku, "IT-SUP");

    JsonObject t = claims.file(buyer, "NOT_RECEIVED").json();

    assertEquals("RESOLVED", t.getString("status"));
    assertEquals("REFUNDED", t.getString("resolution"));
    assertEquals("REFUNDED_OUT_OF_STOCK", t.getString("autoAction"));
    assertEquals(1, refundWebhooks(buyer.orderNo()));
  }

  @Test
  void aUnitRefundedForLackOfStockIsNeitherRefundedAgainNorFilledLater() throws Exception {
    String sku = Api.unique("OOS2");
    Buyer buyer = claims.buyer(sku, "IT-SUP");
    assertEquals(
        "REFUNDED_OUT_OF_STOCK", claims.file(buyer, "NOT_RECEIVED").json().getString("autoAction"));

    JsonObject again = claims.file(buyer, "NOT_RECEIVED").json();
    assertEquals("IN_REVIEW", again.getString("status"), again.toString());
    assertTrue(!again.containsKey("autoAction") || again.isNull("autoAction"), again.toString());
    assertEquals(1, refundWebhooks(buyer.orderNo()), "the unit is refunded once");

    claims.stock(sku, "S-1", "STOCK-" + sku + "-1");
    JsonObject afterStock = claims.file(buyer, "NOT_RECEIVED").json();
    assertEquals("IN_REVIEW", afterStock.getString("status"), afterStock.toString());
    assertEquals(1, inStock(sku), "stock never fills a unit already refunded");
    assertEquals(1, refundWebhooks(buyer.orderNo()));

    Answer lateKey = shopDelivers(buyer, sku, "LATE-" + sku);
    assertEquals(409, lateKey.status(), lateKey.body());
    assertTrue(lateKey.json().getString("type").endsWith("unit-refunded"), lateKey.body());
  }

  @Test
  void aRefundedKeyIsNeverMailedAgain() throws Exception {
    String sku = Api.unique("RFM");
    String code = "CODE-" + sku;
    Buyer buyer = claims.buyer(sku, "IT-SUP", code);
    assertEquals("REFUNDED", claims.file(buyer, "WRONG_PURCHASE").json().getString("autoAction"));

    Answer resend =
        api.post(
            "/api/v1/buyer/orders/" + buyer.orderNo() + "/delivery",
            "{}",
            Api.bearer(buyer.token()));
    assertEquals(409, resend.status(), resend.body());
    assertTrue(resend.json().getString("type").endsWith("nothing-delivered"), resend.body());

    JsonObject notReceived = claims.file(buyer, "NOT_RECEIVED").json();
    assertEquals("IN_REVIEW", notReceived.getString("status"), notReceived.toString());
    assertTrue(notReceived.toString().contains("refunded or withdrawn"), notReceived.toString());
    assertEquals(0, deliveryMails(buyer.email()), "the code that went back to stock is not mailed");
  }

  @Test
  void aKeySentAgainByMailIsNoLongerRefundedAutomatically() throws Exception {
    String sku = Api.unique("RSM");
    Buyer buyer = claims.buyer(sku, "IT-SUP", "CODE-" + sku);
    Answer resend =
        api.post(
            "/api/v1/buyer/orders/" + buyer.orderNo() + "/delivery",
            "{}",
            Api.bearer(buyer.token()));
    assertEquals(202, resend.status(), resend.body());
    assertEquals(1, deliveryMails(buyer.email()));

    JsonObject t = claims.file(buyer, "WRONG_PURCHASE").json();

    assertEquals("IN_REVIEW", t.getString("status"), t.toString());
    assertEquals(0, refundWebhooks(buyer.orderNo()));
    assertEquals(0, inStock(sku), "the mailed key stays with the buyer");
  }

  @Test
  void theDeliveryIsSentAgainToTheContactTheBuyerSignedInWith() throws Exception {
    String sku = Api.unique("PH");
    String orderNo = Api.unique("CL");
    String email = orderNo.toLowerCase() + "@example.com";
    String phone = "139" + String.format("%08d", Math.floorMod(orderNo.hashCode(), 100_000_000));
    JsonObject buyer =
        jakarta.json.Json.createObjectBuilder().add("email", email).add("phone", phone).build();
    assertEquals(200, shopSends(orderNo, buyer, sku, "CODE-" + sku).status());
    String token = api.buyerToken(orderNo, phone);

    Answer resend =
        api.post("/api/v1/buyer/orders/" + orderNo + "/delivery", "{}", Api.bearer(token));

    assertEquals(202, resend.status(), resend.body());
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM notification WHERE template = 'DELIVERY_RESEND'"
                + " AND channel = 'SMS' AND contact = ?",
            phone),
        "by SMS to the phone number the buyer signed in with");
    assertEquals(0, deliveryMails(email), "not to the order's mailbox");
  }

  private static long deliveryMails(String email) throws Exception {
    return count(
        "SELECT COUNT(*) FROM notification WHERE template = 'DELIVERY_RESEND' AND channel = 'EMAIL'"
            + " AND contact = ?",
        email);
  }

  /** The shop delivers a key at index 0 of the buyer's order, late. */
  private Answer shopDelivers(Buyer buyer, String sku, String code) {
    return shopSends(
        buyer.orderNo(),
        jakarta.json.Json.createObjectBuilder().add("email", buyer.email()).build(),
        sku,
        code);
  }

  /** The shop sends an order of one unit of {@code sku} with {@code code} at index 0. */
  private Answer shopSends(String orderNo, JsonObject buyer, String sku, String code) {
    String body =
        jakarta.json.Json.createObjectBuilder()
            .add("orderNo", orderNo)
            .add("buyer", buyer)
            .add(
                "product",
                jakarta.json.Json.createObjectBuilder()
                    .add("sku", sku)
                    .add("name", "Product " + sku)
                    .add(
                        "supplier",
                        jakarta.json.Json.createObjectBuilder()
                            .add("code", "IT-SUP")
                            .add("name", "Supplier IT-SUP")))
            .add("quantity", 1)
            .add("amount", "20.00")
            .add("currency", "CNY")
            .add("paidAt", "2026-11-20T10:00:00Z")
            .add(
                "keys",
                jakarta.json.Json.createArrayBuilder()
                    .add(jakarta.json.Json.createObjectBuilder().add("index", 0).add("code", code)))
            .build()
            .toString();
    return api.signed("/api/v1/orders", body);
  }

  @Test
  void theTicketEventSaysWhereTheClaimCameFromWithoutTheContactOrTheKey() throws Exception {
    String sku = Api.unique("ORIGIN");
    String code = "CODE-" + sku;
    Buyer buyer = claims.buyer(sku, "IT-SUP", code);
    String ip = Api.uniqueIp();

    JsonObject t =
        claims
            .file(buyer, "INVALID_KEY", ip, Map.of("deviceId", "device-" + sku.toLowerCase()))
            .json();

    JsonObject event;
    try (var reader =
        jakarta.json.Json.createReader(
            new java.io.StringReader(
                Claims.outboxPayload(t.getString("ticketNo"), "TicketCreated")))) {
      event = reader.readObject();
    }
    assertTrue(event.getString("contactHash").matches("[0-9a-f]{64}"), event.toString());
    assertEquals(ip, event.getString("clientIp"));
    assertEquals("device-" + sku.toLowerCase(), event.getString("deviceId"));
    assertEquals(1, event.getJsonArray("keyFingerprints").size(), event.toString());
    String raw = event.toString();
    assertTrue(!raw.contains(buyer.email()) && !raw.contains(code), "no contact, no key: " + raw);
  }

  @Test
  void aBuyerWhoAsksForAHumanGetsOneEvenWhereTheAutomaticPathWouldAct() throws Exception {
    String sku = Api.unique("HUM");
    Buyer buyer = claims.buyer(sku, "IT-SUP", "CODE-" + sku);

    Answer filed = claims.file(buyer, "NOT_RECEIVED", Api.uniqueIp(), Map.of("handoff", true));

    assertEquals(201, filed.status(), filed.body());
    JsonObject t = filed.json();
    assertEquals("IN_REVIEW", t.getString("status"));
    assertTrue(!t.containsKey("autoAction") || t.isNull("autoAction"), t.toString());
    assertTrue(
        t.getJsonArray("timeline").toString().contains("talk to a human"),
        "the timeline says why: " + t.getJsonArray("timeline"));
    assertEquals(
        0,
        Claims.count(
            "SELECT COUNT(*) FROM notification WHERE template = 'DELIVERY_RESEND' AND contact = ?",
            buyer.email()),
        "nothing automatic was done");
  }

  @Test
  void aHandOffWithoutACategoryTakesTheClassifiersReadingOrOther() {
    Buyer buyer = claims.buyer(Api.unique("HUM2"), "IT-SUP", "CODE-" + Api.unique("K"));
    Map<String, String> headers = new java.util.HashMap<>(Api.bearer(buyer.token()));
    headers.put("X-Forwarded-For", Api.uniqueIp());
    Answer filed =
        api.post(
            "/api/v1/tickets",
            "{\"orderNo\":\"" + buyer.orderNo() + "\",\"description\":\"hmm\",\"handoff\":true}",
            headers);

    assertEquals(201, filed.status(), filed.body());
    assertEquals("OTHER", filed.json().getString("category"));
    assertEquals("IN_REVIEW", filed.json().getString("status"));
  }

  @Test
  void aDeliveredKeyIsShownAndTheDeliverySentAgain() throws Exception {
    String sku = Api.unique("DLV");
    Buyer buyer = claims.buyer(sku, "IT-SUP", "CODE-" + sku);

    JsonObject t = claims.file(buyer, "NOT_RECEIVED").json();

    assertEquals("RESOLVED", t.getString("status"));
    assertEquals("REDELIVERED", t.getString("resolution"));
    assertEquals("DELIVERY_RESENT", t.getString("autoAction"));
    JsonObject key = t.getJsonArray("keys").getJsonObject(0);
    assertTrue(key.containsKey("deliveredAt"), "the delivery record is shown");
    assertTrue(key.getString("masked").startsWith("****-"));
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM notification WHERE template = 'DELIVERY_RESEND' AND channel ="
                + " 'EMAIL' AND contact = ?",
            buyer.email()));
  }

  @Test
  void aVerifiedDefectiveKeyIsReplacedOnceAndItsBatchMarked() throws Exception {
    String sku = Api.unique("DEF");
    Buyer buyer = claims.buyer(sku, "IT-SUP", "IT-DEFECT-" + sku);
    claims.stock(sku, "S-1", "STOCK-" + sku + "-1", "STOCK-" + sku + "-2");

    JsonObject t =
        claims
            .file(buyer, "INVALID_KEY", Api.uniqueIp(), Map.of("errorText", "E-102 invalid code"))
            .json();

    assertEquals("AUTO", decision(t));
    assertEquals("RESOLVED", t.getString("status"));
    assertEquals("REPLACED", t.getString("resolution"));
    assertEquals("REPLACED", t.getString("autoAction"));
    assertEquals(List.of("DEFECTIVE", "DELIVERED"), keyStatuses(t));
    assertEquals(1, inStock(sku));
    assertEquals(1, defects(sku));

    JsonObject again =
        claims.file(buyer, "INVALID_KEY", Api.uniqueIp(), Map.of("keyIndex", 0)).json();

    assertEquals("IN_REVIEW", again.getString("status"));
    assertEquals(1, inStock(sku), "a key is replaced once");
  }

  @Test
  void aVerifiedDefectiveKeyWithNoReplacementInStockIsRefundedOnce() throws Exception {
    String sku = Api.unique("DEFOOS");
    Buyer buyer = claims.buyer(sku, "IT-SUP", "IT-DEFECT-" + sku);

    JsonObject t =
        claims
            .file(
                buyer,
                "INVALID_KEY",
                Api.uniqueIp(),
                Map.of("errorText", "E-102 invalid code", "language", "zh-CN"))
            .json();

    assertEquals("AUTO", decision(t));
    assertEquals("RESOLVED", t.getString("status"));
    assertEquals("REFUNDED", t.getString("resolution"));
    assertEquals("REFUNDED_DEFECTIVE", t.getString("autoAction"));
    assertTrue(t.getString("resolutionNote").contains("退款"), t.getString("resolutionNote"));
    assertEquals(List.of("REFUNDED"), keyStatuses(t));
    assertEquals(1, refundWebhooks(buyer.orderNo()));
    assertEquals(0, inStock(sku), "a defective key never goes back to stock");
    assertEquals(1, defects(sku));

    claims.stock(sku, "S-1", "STOCK-" + sku + "-1");
    JsonObject again =
        claims.file(buyer, "INVALID_KEY", Api.uniqueIp(), Map.of("keyIndex", 0)).json();

    assertEquals("IN_REVIEW", again.getString("status"), "neither replaced nor refunded twice");
    assertEquals(1, refundWebhooks(buyer.orderNo()));
    assertEquals(1, inStock(sku));
  }

  @Test
  void aKeyTheSupplierReportsRedeemedGoesToReviewWithASignal() throws Exception {
    String sku = Api.unique("RED");
    Buyer buyer = claims.buyer(sku, "IT-SUP", "IT-USED-" + sku);
    claims.stock(sku, "S-1", "STOCK-" + sku + "-1");

    JsonObject t = claims.file(buyer, "INVALID_KEY").json();

    assertEquals("IN_REVIEW", t.getString("status"));
    assertEquals(1, inStock(sku));
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM fraud_signal WHERE kind = 'CLAIM_AFTER_REDEMPTION' AND ticket_no = ?",
            t.getString("ticketNo")));
  }

  @Test
  void aSupplierThatTimesOutOrIsDownNeverLeadsToAnAction() throws Exception {
    String sku = Api.unique("SLW");
    Buyer slow = claims.buyer(sku, "IT-SLOW-SUP", "IT-SLOW-" + sku);
    Buyer down = claims.buyer(sku, "IT-SLOW-SUP", "IT-DOWN-" + sku);
    claims.stock(sku, "S-1", "STOCK-" + sku + "-1");

    JsonObject timedOut = claims.file(slow, "INVALID_KEY").json();
    JsonObject failed = claims.file(down, "INVALID_KEY").json();

    assertEquals("IN_REVIEW", timedOut.getString("status"));
    assertEquals("IN_REVIEW", failed.getString("status"));
    assertEquals(1, inStock(sku));
  }

  @Test
  void aKeyTheSupplierSaysIsValidGoesToAnAgent() throws Exception {
    String sku = Api.unique("VAL");
    Buyer buyer = claims.buyer(sku, "IT-SUP", "IT-GOOD-" + sku);
    claims.stock(sku, "S-1", "STOCK-" + sku + "-1");

    JsonObject t = claims.file(buyer, "INVALID_KEY").json();

    assertEquals("AUTO", decision(t));
    assertEquals("IN_REVIEW", t.getString("status"));
    assertEquals(1, inStock(sku));
  }

  @Test
  void aNeverRevealedKeyBoughtByMistakeIsRefundedAndReturnedToStock() throws Exception {
    String sku = Api.unique("WP");
    Buyer buyer = claims.buyer(sku, "IT-SUP", "CODE-" + sku);

    JsonObject t =
        claims
            .file(
                buyer,
                "WRONG_PURCHASE",
                Api.uniqueIp(),
                Map.of("intendedProduct", "the 3-month pass"))
            .json();

    assertEquals("RESOLVED", t.getString("status"));
    assertEquals("REFUNDED", t.getString("resolution"));
    assertEquals("REFUNDED", t.getString("autoAction"));
    assertEquals(List.of("REFUNDED"), keyStatuses(t));
    assertEquals(1, inStock(sku), "the key went back to stock");
    assertEquals(1, refundWebhooks(buyer.orderNo()));
  }

  @Test
  void aKeyIsShownAgainAfterAOneTimeCodeAndIsThenNoLongerRefundedAutomatically() throws Exception {
    String sku = Api.unique("OTC");
    String code = "CODE-" + sku;
    Buyer buyer = claims.buyer(sku, "IT-SUP", code);
    String base = "/api/v1/buyer/orders/" + buyer.orderNo() + "/keys/0/";

    Answer sent = api.post(base + "code", "{\"language\":\"en\"}", Api.bearer(buyer.token()));
    assertEquals(202, sent.status(), sent.body());
    assertTrue(sent.json().getString("sentTo").contains("***"));
    String otc = oneTimeCode(buyer.email());
    String wrong = otc.equals("000000") ? "111111" : "000000";
    Answer refused =
        api.post(base + "reveal", "{\"code\":\"" + wrong + "\"}", Api.bearer(buyer.token()));
    assertEquals(422, refused.status(), refused.body());
    assertTrue(refused.body().contains("4 attempts left"), refused.body());
    Answer malformed = api.post(base + "reveal", "{\"code\":\"12ab\"}", Api.bearer(buyer.token()));
    assertEquals(400, malformed.status());

    String revealIp = Api.uniqueIp();
    Map<String, String> fromIp = new java.util.HashMap<>(Api.bearer(buyer.token()));
    fromIp.put("X-Forwarded-For", revealIp);
    Answer revealed = api.post(base + "reveal", "{\"code\":\"" + otc + "\"}", fromIp);

    assertEquals(200, revealed.status(), revealed.body());
    assertEquals(code, revealed.json().getString("code"));
    assertEquals("no-store", revealed.header("Cache-Control"));
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM card_key k JOIN shop_order o ON o.id = k.order_id"
                + " WHERE o.order_no = ? AND k.revealed_ip = ? AND k.revealed_at IS NOT NULL",
            buyer.orderNo(),
            revealIp),
        "the first reveal keeps the buyer's address");
    Answer reused =
        api.post(base + "reveal", "{\"code\":\"" + otc + "\"}", Api.bearer(buyer.token()));
    assertEquals(422, reused.status(), "a code is used once");
    Buyer other = claims.buyer(sku, "IT-SUP", "CODE-" + sku + "-2");
    assertEquals(
        404,
        api.post(base + "code", "", Api.bearer(other.token())).status(),
        "another buyer's key is not found");

    JsonObject t = claims.file(buyer, "WRONG_PURCHASE").json();

    assertEquals("REVIEW", decision(t));
    assertEquals(List.of("CLAIM_AFTER_REVEAL"), Claims.reasonCodes(t));
    assertEquals("IN_REVIEW", t.getString("status"));
    assertEquals(0, refundWebhooks(buyer.orderNo()));
  }

  private static String text(jakarta.mail.Part part) throws Exception {
    if (part.isMimeType("text/plain")) {
      return (String) part.getContent();
    }
    if (part.getContent() instanceof jakarta.mail.Multipart multi) {
      StringBuilder all = new StringBuilder();
      for (int i = 0; i < multi.getCount(); i++) {
        all.append(text(multi.getBodyPart(i)));
      }
      return all.toString();
    }
    return "";
  }

  /** The one-time code from the mail the test SMTP server received for {@code to}. */
  private static String oneTimeCode(String to) throws Exception {
    java.util.regex.Pattern digits =
        java.util.regex.Pattern.compile("code for order \\S+ is (\\d{6})");
    long deadline = System.currentTimeMillis() + 20_000;
    while (System.currentTimeMillis() < deadline) {
      for (jakarta.mail.internet.MimeMessage m : TestServers.mail().getReceivedMessages()) {
        if (java.util.Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(to))) {
          java.util.regex.Matcher found = digits.matcher(text(m));
          if (found.find()) {
            return found.group(1);
          }
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no one-time code arrived for " + to);
  }

  @Test
  void paymentProblemsOtherThanADoubleChargeGoToAnAgent() {
    String sku = Api.unique("PAY");
    Buyer buyer = claims.buyer(sku, "IT-SUP", "CODE-" + sku);

    JsonObject t = claims.file(buyer, "PAYMENT_ISSUE").json();

    assertEquals("AUTO", decision(t));
    assertEquals("IN_REVIEW", t.getString("status"));
  }

  @Test
  void aClaimWithoutACategoryIsReadByTheClassifierAndItsHintsKept() {
    String sku = Api.unique("CLS");
    Buyer buyer = claims.buyer(sku, "IT-SUP", "CODE-" + sku);
    String body =
        "{\"orderNo\":\""
            + buyer.orderNo()
            + "\",\"description\":\"付款成功了但是一直没收到卡密，邮箱里也没有\",\"language\":\"zh-CN\"}";

    Answer filed =
        api.post(
            "/api/v1/tickets",
            body,
            java.util.Map.of(
                "Authorization", "Bearer " + buyer.token(), "X-Forwarded-For", Api.uniqueIp()));

    assertEquals(201, filed.status(), filed.body());
    assertEquals("NOT_RECEIVED", filed.json().getString("category"));

    Buyer other = claims.buyer(sku, "IT-SUP", "CODE-" + sku + "-2");
    JsonObject invalid =
        claims
            .file(
                other,
                "PAYMENT_ISSUE",
                Api.uniqueIp(),
                Map.of("description", "Steam says the code was already redeemed, error E-102"))
            .json();
    String agent = api.staffToken("agent", "agent-demo-pass");
    JsonObject staffView =
        api.get("/api/v1/ops/tickets/" + invalid.getString("ticketNo"), Api.bearer(agent)).json();
    JsonObject details = staffView.getJsonObject("staff");
    assertEquals("INVALID_KEY", details.getString("classifiedCategory"));
    String hints = details.getString("hints");
    assertTrue(hints.contains("E-102") && hints.contains("ALREADY_USED"), hints);
  }

  @Test
  void anUnclearClaimWithoutACategoryAsksTheBuyerToChoose() {
    String sku = Api.unique("UNC");
    Buyer buyer = claims.buyer(sku, "IT-SUP", "CODE-" + sku);
    String body = "{\"orderNo\":\"" + buyer.orderNo() + "\",\"description\":\"help\"}";

    Answer a = api.post("/api/v1/tickets", body, Api.bearer(buyer.token()));

    assertEquals(422, a.status(), a.body());
    assertTrue(a.contentType().startsWith("application/problem+json"));
    assertEquals("urn:keydesk:problem:category-needed", a.json().getString("type"));
    assertEquals("category", a.json().getJsonArray("errors").getJsonObject(0).getString("field"));
  }
}
