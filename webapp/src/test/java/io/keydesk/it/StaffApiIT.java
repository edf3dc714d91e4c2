package io.keydesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.it.Api.Answer;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Staff sign in, roles, the queue and the actions on a ticket; the buyer sees the result. */
class StaffApiIT extends ApiIT {
  private String fileTicket(String category) {
    String orderNo = Api.unique("OPS");
    String contact = orderNo.toLowerCase() + "@example.com";
    api.importOrder(orderNo, contact, "OPS-SKU", "K-" + orderNo);
    String buyer = api.buyerToken(orderNo, contact);
    Answer filed =
        api.post(
            "/api/v1/tickets",
            "{\"orderNo\":\""
                + orderNo
                + "\",\"category\":\""
                + category
                + "\",\"description\":\"It does not work\"}",
            Api.bearer(buyer));
    assertEquals(201, filed.status(), filed.body());
    return filed.json().getString("ticketNo") + " " + buyer;
  }

  @Test
  void signInNeedsTheRightPasswordAndTokensAreChecked() {
    Answer wrong =
        api.post(
            "/api/v1/ops/tokens",
            "{\"username\":\"agent\",\"password\":\"guess-guess\"}",
            Map.of("X-Forwarded-For", Api.uniqueIp()));
    assertEquals(401, wrong.status());
    Answer unknown =
        api.post(
            "/api/v1/ops/tokens",
            "{\"username\":\"nobody\",\"password\":\"guess-guess\"}",
            Map.of("X-Forwarded-For", Api.uniqueIp()));
    assertEquals(wrong.body(), unknown.body());

    assertEquals(401, api.get("/api/v1/ops/tickets", Map.of()).status());
    Answer forged = api.get("/api/v1/ops/tickets", Api.bearer("kds_not-a-real-token"));
    assertEquals(401, forged.status());
    assertTrue(forged.contentType().startsWith("application/problem+json"));
    assertTrue(forged.body().contains("unknown or expired"), forged.body());
    assertTrue(forged.header("X-Request-Id") != null, "answered by the API like any other");
    assertEquals("nosniff", forged.header("X-Content-Type-Options"));
    Answer publicCall =
        api.post(
            "/api/v1/classify",
            "{\"text\":\"code says already redeemed\"}",
            Api.bearer("kds_not-a-real-token"));
    assertEquals(200, publicCall.status(), "a stale staff token does not lock out a public call");
    String lowerCase = api.staffToken("agent", "agent-demo-pass");
    assertEquals(
        200,
        api.get("/api/v1/ops/tickets", Map.of("Authorization", "bearer " + lowerCase)).status(),
        "the scheme in any case");

    String token = api.staffToken("agent", "agent-demo-pass");
    assertTrue(token.startsWith("kds_"));
    assertEquals(200, api.get("/api/v1/ops/tickets", Api.bearer(token)).status());
  }

  @Test
  void guessingOneAccountFromManyAddressesIsSlowedDown() {
    String user = Api.unique("target").toLowerCase();
    Answer last = null;
    for (int i = 0; i <= 30; i++) {
      last =
          api.post(
              "/api/v1/ops/tokens",
              "{\"username\":\"" + user + "\",\"password\":\"guess-" + i + "\"}",
              Map.of("X-Forwarded-For", Api.uniqueIp()));
      if (i < 30) {
        assertEquals(401, last.status(), "attempt " + i + ": " + last.body());
      }
    }
    assertEquals(429, last.status(), last.body());
    assertTrue(Integer.parseInt(last.header("Retry-After")) > 0);
    Answer otherUser =
        api.post(
            "/api/v1/ops/tokens",
            "{\"username\":\"" + user + "-2\",\"password\":\"guess\"}",
            Map.of("X-Forwarded-For", Api.uniqueIp()));
    assertEquals(401, otherUser.status(), "the limit is the account's, not everyone's");
  }

  @Test
  void rolesAreEnforcedOnEveryOpsResource() {
    String supplier = api.staffToken("supplier", "supplier-demo-pass");
    String ticketNo = fileTicket("OTHER").split(" ")[0];
    assertEquals(403, api.get("/api/v1/ops/tickets", Api.bearer(supplier)).status());
    assertEquals(403, api.get("/api/v1/ops/tickets/" + ticketNo, Api.bearer(supplier)).status());
    Answer act =
        api.post(
            "/api/v1/ops/tickets/" + ticketNo + "/actions",
            "{\"type\":\"RESOLVE\",\"resolution\":\"REFUNDED\"}",
            Api.bearer(supplier));
    assertEquals(403, act.status());
    assertEquals("urn:keydesk:problem:forbidden", act.json().getString("type"));

    String buyer = api.buyerToken("DEMO-1001", "alice@example.com");
    assertEquals(401, api.get("/api/v1/ops/tickets", Api.bearer(buyer)).status());

    for (String[] login :
        List.of(
            new String[] {"supervisor", "supervisor-demo-pass"},
            new String[] {"admin", "admin-demo-pass"})) {
      assertEquals(
          200,
          api.get("/api/v1/ops/tickets/" + ticketNo, Api.bearer(api.staffToken(login[0], login[1])))
              .status());
    }
  }

  @Test
  void theQueueFiltersAndPages() {
    String token = api.staffToken("agent", "agent-demo-pass");
    fileTicket("PAYMENT_ISSUE");
    fileTicket("PAYMENT_ISSUE");
    Answer page =
        api.get("/api/v1/ops/tickets?category=PAYMENT_ISSUE&size=1&page=0", Api.bearer(token));
    assertEquals(200, page.status(), page.body());
    JsonObject body = page.json();
    assertEquals(1, body.getJsonArray("items").size());
    assertTrue(body.getJsonNumber("total").longValue() >= 2);
    body.getJsonArray("items")
        .forEach(i -> assertEquals("PAYMENT_ISSUE", i.asJsonObject().getString("category")));
    Answer second =
        api.get("/api/v1/ops/tickets?category=PAYMENT_ISSUE&size=1&page=1", Api.bearer(token));
    assertTrue(
        !second
            .json()
            .getJsonArray("items")
            .getJsonObject(0)
            .getString("ticketNo")
            .equals(body.getJsonArray("items").getJsonObject(0).getString("ticketNo")),
        "page 2 is another ticket");
    Answer resolvedOnly = api.get("/api/v1/ops/tickets?status=RESOLVED", Api.bearer(token));
    resolvedOnly
        .json()
        .getJsonArray("items")
        .forEach(i -> assertEquals("RESOLVED", i.asJsonObject().getString("status")));
    Answer bad = api.get("/api/v1/ops/tickets?status=NOPE&size=999", Api.bearer(token));
    assertEquals(400, bad.status());
    assertEquals(2, bad.json().getJsonArray("errors").size());
  }

  @Test
  void anAgentRepliesAndResolvesAndTheBuyerSeesIt() {
    String[] filed = fileTicket("INVALID_KEY").split(" ");
    String ticketNo = filed[0];
    String buyer = filed[1];
    String agent = api.staffToken("agent", "agent-demo-pass");
    String actions = "/api/v1/ops/tickets/" + ticketNo + "/actions";

    Answer note =
        api.post(
            actions,
            "{\"type\":\"NOTE\",\"text\":\"internal: batch looks bad\"}",
            Api.bearer(agent));
    assertEquals(200, note.status(), note.body());
    Answer reply =
        api.post(
            actions,
            "{\"type\":\"REPLY\",\"text\":\"We checked the key with the supplier.\"}",
            Api.bearer(agent));
    assertEquals(200, reply.status(), reply.body());
    assertTrue(reply.json().containsKey("firstResponseAt"));

    Answer noReason = api.post(actions, "{\"type\":\"REJECT\"}", Api.bearer(agent));
    assertEquals(400, noReason.status());
    Answer unknownType = api.post(actions, "{\"type\":\"DELETE\"}", Api.bearer(agent));
    assertEquals(400, unknownType.status());

    Answer resolved =
        api.post(
            actions,
            "{\"type\":\"RESOLVE\",\"resolution\":\"REPLACED\",\"text\":\"A new key is on its way.\"}",
            Api.bearer(agent));
    assertEquals(200, resolved.status(), resolved.body());
    assertEquals("RESOLVED", resolved.json().getString("status"));

    Answer again = api.post(actions, "{\"type\":\"REPLY\",\"text\":\"late\"}", Api.bearer(agent));
    assertEquals(409, again.status());
    assertEquals("urn:keydesk:problem:illegal-transition", again.json().getString("type"));

    JsonObject seen = api.get("/api/v1/tickets/" + ticketNo, Api.bearer(buyer)).json();
    assertEquals("RESOLVED", seen.getString("status"));
    assertEquals("REPLACED", seen.getString("resolution"));
    String timeline = seen.getJsonArray("timeline").toString();
    assertTrue(timeline.contains("We checked the key with the supplier."));
    assertTrue(!timeline.contains("internal: batch looks bad"), "notes stay internal");

    assertEquals(
        404, api.get("/api/v1/ops/tickets/KD-000000-00000000", Api.bearer(agent)).status());
  }

  @Test
  void aRejectionCarriesItsReasonToTheBuyer() {
    String[] filed = fileTicket("PAYMENT_ISSUE").split(" ");
    String agent = api.staffToken("agent", "agent-demo-pass");
    Answer rejected =
        api.post(
            "/api/v1/ops/tickets/" + filed[0] + "/actions",
            "{\"type\":\"REJECT\",\"text\":\"The key was already redeemed.\"}",
            Api.bearer(agent));
    assertEquals(200, rejected.status(), rejected.body());
    JsonObject seen = api.get("/api/v1/tickets/" + filed[0], Api.bearer(filed[1])).json();
    assertEquals("REJECTED", seen.getString("resolution"));
    assertEquals("The key was already redeemed.", seen.getString("resolutionNote"));
  }
}
