package io.keydesk.it;

import static io.keydesk.it.Claims.decision;
import static io.keydesk.it.Claims.reasonCodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.it.Api.Answer;
import io.keydesk.it.Claims.Buyer;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fraud patterns the risk engine must catch, and the staff side of the engine. */
class RiskIT extends ApiIT {
  private Claims claims;

  @BeforeEach
  void claims() {
    claims = new Claims(api);
  }

  @Test
  void oneKeyClaimedFromTwoOrdersPaysOutOnce() {
    String sku = Api.unique("DUP");
    String code = "IT-DEFECT-DOUBLE-" + sku;
    Buyer first = claims.buyer(sku, "IT-SUP", code);
    Buyer second = claims.buyer(sku, "IT-SUP", code);
    claims.stock(sku, "S-1", "STOCK-" + sku + "-1", "STOCK-" + sku + "-2");

    JsonObject a = claims.file(first, "INVALID_KEY").json();
    JsonObject b = claims.file(second, "INVALID_KEY").json();

    assertEquals("REPLACED", a.getString("resolution"));
    assertEquals("REVIEW", decision(b));
    assertEquals(List.of("DUPLICATE_FINGERPRINT"), reasonCodes(b));
    assertEquals("IN_REVIEW", b.getString("status"));
  }

  @Test
  void oneKeySoldTwiceIsRefundedOnceEvenWhenNoKeyIsNamed() {
    String sku = Api.unique("DWP");
    String code = "IT-DOUBLE-" + sku;
    Buyer first = claims.buyer(sku, "IT-SUP", code);
    Buyer second = claims.buyer(sku, "IT-SUP", code);

    JsonObject a = claims.file(first, "WRONG_PURCHASE").json();
    JsonObject b = claims.file(second, "WRONG_PURCHASE").json();

    assertEquals("REFUNDED", a.getString("resolution"));
    assertEquals("REVIEW", decision(b));
    assertEquals(List.of("DUPLICATE_FINGERPRINT"), reasonCodes(b));
    assertEquals("IN_REVIEW", b.getString("status"));
  }

  @Test
  void anInvalidClaimAfterTheShopReportedTheKeyRedeemedGoesToReview() {
    String sku = Api.unique("AFT");
    Buyer buyer = claims.buyer(sku, "IT-SUP", "IT-DEFECT-" + sku);
    claims.stock(sku, "S-1", "STOCK-" + sku + "-1");
    Answer redeemed =
        api.signed(
            "/api/v1/card-keys/status",
            "{\"orderNo\":\"" + buyer.orderNo() + "\",\"keyIndex\":0,\"status\":\"REDEEMED\"}");
    assertEquals(200, redeemed.status(), redeemed.body());

    JsonObject t = claims.file(buyer, "INVALID_KEY").json();

    assertEquals("REVIEW", decision(t));
    assertEquals(List.of("CLAIM_AFTER_REDEMPTION"), reasonCodes(t));
    assertEquals("IN_REVIEW", t.getString("status"));
  }

  @Test
  void theClaimAfterTheThresholdFromOneAddressGoesToReview() {
    String ip = Api.uniqueIp();
    String sku = Api.unique("VEL");
    for (int i = 0; i < 5; i++) {
      Buyer buyer = claims.buyer(sku, "IT-SUP", "CODE-" + sku + "-" + i);
      JsonObject t = claims.file(buyer, "NOT_RECEIVED", ip, Map.of()).json();
      assertEquals("AUTO", decision(t), "claim " + (i + 1));
    }
    Buyer sixth = claims.buyer(sku, "IT-SUP", "CODE-" + sku + "-6");

    JsonObject t = claims.file(sixth, "NOT_RECEIVED", ip, Map.of()).json();

    assertEquals("REVIEW", decision(t));
    assertEquals(List.of("VELOCITY_IP_DAY"), reasonCodes(t));
    assertEquals("IN_REVIEW", t.getString("status"));
  }

  @Test
  void aBlockedContactIsRefusedWithAReason() {
    String supervisor = api.staffToken("supervisor", "supervisor-demo-pass");
    String sku = Api.unique("BLK");
    Buyer buyer = claims.buyer(sku, "IT-SUP", "CODE-" + sku);
    Answer blocked =
        api.post(
            "/api/v1/ops/risk/blocks",
            "{\"kind\":\"CONTACT\",\"value\":\""
                + buyer.email().toUpperCase()
                + "\",\"reason\":\"chargebacks\"}",
            Api.bearer(supervisor));
    assertEquals(201, blocked.status(), blocked.body());

    JsonObject t = claims.file(buyer, "WRONG_PURCHASE").json();

    assertEquals("BLOCK", decision(t));
    assertEquals(List.of("BLOCKED_CONTACT"), reasonCodes(t));
    assertEquals("RESOLVED", t.getString("status"));
    assertEquals("REJECTED", t.getString("resolution"));
    assertTrue(t.getString("resolutionNote").contains("blocked"), t.getString("resolutionNote"));

    long id = blocked.json().getJsonNumber("id").longValue();
    assertEquals(204, api.delete("/api/v1/ops/risk/blocks/" + id, Api.bearer(supervisor)).status());
    Buyer again = claims.buyer(sku, "IT-SUP", "CODE-" + sku + "-2");
    assertEquals("AUTO", decision(claims.file(again, "NOT_RECEIVED").json()));
  }

  @Test
  void aSignalFromOutsideSendsTheBuyersNextClaimToReview() {
    String supervisor = api.staffToken("supervisor", "supervisor-demo-pass");
    String sku = Api.unique("EXT");
    Buyer buyer = claims.buyer(sku, "IT-SUP", "CODE-" + sku);
    Answer raised =
        api.post(
            "/api/v1/ops/fraud-signals",
            "{\"kind\":\"REFUND_RATIO\",\"contact\":\""
                + buyer.email()
                + "\",\"detail\":\"9 refunds in 10 orders\"}",
            Api.bearer(supervisor));
    assertEquals(201, raised.status(), raised.body());
    assertEquals("STAFF", raised.json().getString("source"));

    JsonObject t = claims.file(buyer, "NOT_RECEIVED").json();

    assertEquals("REVIEW", decision(t));
    assertEquals(List.of("EXTERNAL_SIGNAL"), reasonCodes(t));
  }

  @Test
  void staffListAndFilterTheSignals() {
    String sku = Api.unique("SIG");
    Buyer buyer = claims.buyer(sku, "IT-SUP", "IT-USED-" + sku);
    JsonObject t = claims.file(buyer, "INVALID_KEY").json();
    String agent = api.staffToken("agent", "agent-demo-pass");

    Answer page =
        api.get(
            "/api/v1/ops/fraud-signals?kind=CLAIM_AFTER_REDEMPTION&ticket="
                + t.getString("ticketNo"),
            Api.bearer(agent));

    assertEquals(200, page.status(), page.body());
    assertEquals(1, page.json().getJsonNumber("total").longValue());
    JsonObject signal = page.json().getJsonArray("items").getJsonObject(0);
    assertEquals(buyer.orderNo(), signal.getString("orderNo"));
    assertEquals("ENGINE", signal.getString("source"));
    assertEquals(401, api.get("/api/v1/ops/fraud-signals", Map.of()).status());
    String supplier = api.staffToken("supplier", "supplier-demo-pass");
    assertEquals(403, api.get("/api/v1/ops/fraud-signals", Api.bearer(supplier)).status());
    Answer bad = api.get("/api/v1/ops/fraud-signals?source=MARS&from=yesterday", Api.bearer(agent));
    assertEquals(400, bad.status());
    assertTrue(bad.body().contains("source") && bad.body().contains("from"), bad.body());
    assertEquals(
        403,
        api.post(
                "/api/v1/ops/fraud-signals",
                "{\"kind\":\"X\",\"contact\":\"a@b.cd\",\"detail\":\"x\"}",
                Api.bearer(agent))
            .status());
  }

  @Test
  void onlyAdminsChangeThresholdsAndBadValuesAreRefused() {
    String admin = api.staffToken("admin", "admin-demo-pass");
    String agent = api.staffToken("agent", "agent-demo-pass");
    Answer settings = api.get("/api/v1/ops/risk/settings", Api.bearer(admin));
    assertEquals(200, settings.status());
    int month = settings.json().getInt("claims.ip.month");

    assertEquals(
        403,
        api.put("/api/v1/ops/risk/settings/claims.ip.month", "{\"value\":30}", Api.bearer(agent))
            .status());
    Answer negative =
        api.put("/api/v1/ops/risk/settings/claims.ip.month", "{\"value\":-1}", Api.bearer(admin));
    assertEquals(400, negative.status());
    assertTrue(negative.body().contains("value"));
    assertEquals(
        404,
        api.put("/api/v1/ops/risk/settings/no.such", "{\"value\":1}", Api.bearer(admin)).status());
    Answer changed =
        api.put(
            "/api/v1/ops/risk/settings/claims.ip.month",
            "{\"value\":" + (month + 1) + "}",
            Api.bearer(admin));
    assertEquals(200, changed.status(), changed.body());
    assertEquals(
        month + 1,
        api.get("/api/v1/ops/risk/settings", Api.bearer(admin)).json().getInt("claims.ip.month"));
    api.put(
        "/api/v1/ops/risk/settings/claims.ip.month",
        "{\"value\":" + month + "}",
        Api.bearer(admin));
  }
}
