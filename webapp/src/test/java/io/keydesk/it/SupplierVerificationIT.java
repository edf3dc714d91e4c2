package io.keydesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.it.Api.Answer;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Key checks through the real HTTP adapter against the simulated supplier inside the deployed app
 * (keydesk.supplier.verify-url points at it; timeout 1.5 s, breaker after 3 failed checks, open for
 * 5 s — see the failsafe options). Each test uses its own supplier, so their circuit breakers are
 * independent.
 */
class SupplierVerificationIT extends ApiIT {
  private static final String RULES = "/simulated-supplier/rules";
  private static final String CHECKS = "/api/v1/ops/supplier-checks";

  private String agent;
  private String admin;

  private String agent() {
    if (agent == null) {
      agent = api.staffToken("agent", "agent-demo-pass");
    }
    return agent;
  }

  private String admin() {
    if (admin == null) {
      admin = api.staffToken("admin", "admin-demo-pass");
    }
    return admin;
  }

  /** An order of one product of a supplier of its own, with these keys; returns the order no. */
  private String order(String sku, String supplier, String... codes) {
    return receipt(sku, supplier, codes).getString("orderNo");
  }

  private JsonObject receipt(String sku, String supplier, String... codes) {
    String orderNo = Api.unique("SUP");
    String json =
        Api.orderJson(orderNo, orderNo.toLowerCase() + "@example.com", sku, codes)
            .replace("\"code\":\"IT-SUP\"", "\"code\":\"" + supplier + "\"");
    Answer imported = api.signed("/api/v1/orders", json);
    assertEquals(200, imported.status(), imported.body());
    return imported.json();
  }

  private Answer putRules(String rules) {
    return api.put(RULES, rules, Api.bearer(admin()));
  }

  private Answer check(String orderNo, int keyIndex) {
    return api.post(
        CHECKS,
        "{\"orderNo\":\"" + orderNo + "\",\"keyIndex\":" + keyIndex + "}",
        Api.bearer(agent()));
  }

  private JsonObject checked(String orderNo, int keyIndex, String expectedOutcome) {
    Answer a = check(orderNo, keyIndex);
    assertEquals(200, a.status(), a.body());
    assertEquals(expectedOutcome, a.json().getString("outcome"), a.body());
    return a.json();
  }

  @Test
  void validDefectiveAndRedeemedComeBackFromTheSupplier() {
    String sku = Api.unique("SKU");
    String other = Api.unique("SKU");
    JsonObject receipt = receipt(sku, Api.unique("SUPP"), "ABCD-0001", "ABCD-0002", "ABCD-0003");
    String orderNo = receipt.getString("orderNo");
    String fingerprint = receipt.getJsonArray("keys").getJsonObject(0).getString("fingerprint");
    Answer rules =
        putRules(
            "{\"bySku\":{\""
                + sku
                + "\":\"DEFECTIVE\",\""
                + other
                + "\":\"VALID\"},\"byFingerprint\":{\""
                + fingerprint
                + "\":\"REDEEMED\"}}");
    assertEquals(200, rules.status(), rules.body());
    assertEquals("DEFECTIVE", rules.json().getJsonObject("bySku").getString(sku));

    JsonObject redeemed = checked(orderNo, 0, "REDEEMED");
    assertEquals(fingerprint, redeemed.getString("fingerprint"), "the fingerprint rule wins");
    assertEquals(sku, redeemed.getString("productSku"));
    assertFalse(redeemed.toString().contains("ABCD-0001"), "the key is never returned");
    checked(orderNo, 1, "DEFECTIVE");

    assertEquals(200, putRules("{\"default\":null}").status());
    JsonObject valid = checked(orderNo, 2, "VALID");
    assertEquals("the key is valid and unused", valid.getString("detail"));
    assertTrue(valid.getJsonNumber("tookMs").longValue() < 4000);
  }

  @Test
  void withoutRulesTheCodeDecidesForDemoData() {
    assertEquals(200, putRules("{}").status());
    String orderNo =
        order(Api.unique("SKU"), Api.unique("SUPP"), "DEMO-DEFECT-01", "DEMO-USED-01", "DEMO-OK");
    checked(orderNo, 0, "DEFECTIVE");
    checked(orderNo, 1, "REDEEMED");
    checked(orderNo, 2, "VALID");
  }

  @Test
  void aSlowSupplierIsUnavailableWithinTheTimeout() {
    String sku = Api.unique("SKU");
    String orderNo = order(sku, Api.unique("SUPP"), "SLOWLY-1");
    assertEquals(200, putRules("{\"bySku\":{\"" + sku + "\":\"SLOW\"}}").status());
    agent();
    Instant begin = Instant.now();
    Answer a = check(orderNo, 0);
    Duration took = Duration.between(begin, Instant.now());
    assertEquals(200, a.status(), a.body());
    assertEquals("UNAVAILABLE", a.json().getString("outcome"));
    assertTrue(a.json().getString("detail").contains("4000 ms"), a.body());
    long adapterMs = a.json().getJsonNumber("tookMs").longValue();
    assertTrue(adapterMs >= 3900 && adapterMs < 5000, "gave up after the timeout: " + adapterMs);
    assertTrue(took.toMillis() < 5900, "the simulated supplier sleeps 6 s; we did not: " + took);
  }

  @Test
  void aDownSupplierIsUnavailableAndRepeatedFailuresOpenItsCircuit() throws Exception {
    String sku = Api.unique("SKU");
    String supplier = Api.unique("SUPP");
    String orderNo = order(sku, supplier, "KEY-A-1");
    String healthy = order(Api.unique("SKU"), Api.unique("SUPP"), "KEY-B-1");
    assertEquals(200, putRules("{\"bySku\":{\"" + sku + "\":\"DOWN\"}}").status());

    for (int i = 0; i < 3; i++) {
      JsonObject down = checked(orderNo, 0, "UNAVAILABLE");
      assertTrue(down.getString("detail").contains("HTTP 503"), down.toString());
    }
    JsonObject open = checked(orderNo, 0, "UNAVAILABLE");
    assertTrue(open.getString("detail").contains("circuit open"), open.toString());
    assertTrue(open.getJsonNumber("tookMs").longValue() < 100, "answered at once");
    checked(healthy, 0, "VALID"); // another supplier is not affected

    assertEquals(200, putRules("{\"bySku\":{\"" + sku + "\":\"VALID\"}}").status());
    checked(orderNo, 0, "UNAVAILABLE"); // still open: the supplier is not asked
    Thread.sleep(5500);
    checked(orderNo, 0, "VALID"); // one trial call, and the circuit closes
    checked(orderNo, 0, "VALID");

    try (Connection db = TestServers.database();
        PreparedStatement q =
            db.prepareStatement(
                "SELECT c.outcome, c.requested_by FROM supplier_check c JOIN card_key k ON"
                    + " k.id = c.card_key_id JOIN shop_order o ON o.id = k.order_id WHERE"
                    + " o.order_no = ? ORDER BY c.id")) {
      q.setString(1, orderNo);
      try (ResultSet rows = q.executeQuery()) {
        int count = 0;
        String last = null;
        while (rows.next()) {
          count++;
          last = rows.getString(1);
          assertEquals("agent", rows.getString(2));
        }
        assertEquals(7, count, "every check is recorded");
        assertEquals("VALID", last);
      }
    }
  }

  @Test
  void staffOnlyAndEveryFieldIsChecked() {
    String orderNo = order(Api.unique("SKU"), Api.unique("SUPP"), "KEY-C-1");
    String body = "{\"orderNo\":\"" + orderNo + "\",\"keyIndex\":0}";
    assertEquals(401, api.post(CHECKS, body, Map.of()).status());
    Answer supplier =
        api.post(CHECKS, body, Api.bearer(api.staffToken("supplier", "supplier-demo-pass")));
    assertEquals(403, supplier.status());
    String supervisor = api.staffToken("supervisor", "supervisor-demo-pass");
    assertEquals(200, api.post(CHECKS, body, Api.bearer(supervisor)).status());

    Answer invalid =
        api.post(CHECKS, "{\"orderNo\":\"no spaces\",\"keyIndex\":-1}", Api.bearer(supervisor));
    assertEquals(400, invalid.status());
    assertTrue(invalid.contentType().startsWith("application/problem+json"));
    Set<String> fields =
        invalid.json().getJsonArray("errors").stream()
            .map(e -> e.asJsonObject().getString("field"))
            .collect(Collectors.toSet());
    assertEquals(Set.of("orderNo", "keyIndex"), fields);
    Answer unknownKey =
        api.post(
            CHECKS, "{\"orderNo\":\"" + orderNo + "\",\"keyIndex\":5}", Api.bearer(supervisor));
    assertEquals(404, unknownKey.status());
    assertEquals(
        404,
        api.post(CHECKS, "{\"orderNo\":\"NO-SUCH-ORDER\",\"keyIndex\":0}", Api.bearer(supervisor))
            .status());
  }

  @Test
  void theSimulatedSupplierChecksSignaturesAndGuardsItsRules() throws SQLException {
    Answer unsigned =
        api.post(
            "/simulated-supplier/verify",
            "{\"supplierCode\":\"X\",\"productSku\":\"Y\",\"fingerprint\":\"f\",\"code\":\"c\"}",
            Map.of());
    assertEquals(401, unsigned.status(), unsigned.body());

    assertEquals(401, api.put(RULES, "{}", Map.of()).status());
    assertEquals(
        403,
        api.put(RULES, "{}", Api.bearer(api.staffToken("supervisor", "supervisor-demo-pass")))
            .status());
    Answer bad = putRules("{\"default\":\"BROKEN\",\"bySku\":{\"has space\":\"VALID\"}}");
    assertEquals(400, bad.status(), bad.body());
    Set<String> fields =
        bad.json().getJsonArray("errors").stream()
            .map(e -> e.asJsonObject().getString("field"))
            .collect(Collectors.toSet());
    assertEquals(Set.of("default", "bySku.has space"), fields);

    assertEquals(200, putRules("{\"default\":\"DOWN\"}").status());
    Answer read = api.get(RULES, Api.bearer(admin()));
    assertEquals("DOWN", read.json().getString("default"));
    try (Connection db = TestServers.database();
        ResultSet rows =
            db.createStatement()
                .executeQuery("SELECT answer FROM simulated_supplier_rule WHERE scope='DEFAULT'")) {
      assertTrue(rows.next(), "the rules live in MariaDB, shared by every instance");
      assertEquals("DOWN", rows.getString(1));
    }
    assertEquals(200, putRules("{}").status());
  }
}
