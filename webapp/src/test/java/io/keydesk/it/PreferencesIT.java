package io.keydesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.it.Api.Answer;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The buyer's choice of channels: kept per contact, honoured by the news about their cases (a buyer
 * who switched e-mail off gets the inbox, and SMS if they chose it), never by one-time codes.
 */
class PreferencesIT extends ApiIT {
  private static final String PHONE = "+8613800138000";

  private record Buyer(String orderNo, String contact, String token) {}

  private Buyer buyer(String prefix, boolean withPhone) {
    String orderNo = Api.unique(prefix);
    String contact = orderNo.toLowerCase() + "@example.com";
    String json = Api.orderJson(orderNo, contact, "PREF-SKU", "K-" + orderNo);
    if (withPhone) {
      json =
          json.replace(
              "\"buyer\":{\"email\":\"" + contact + "\"}",
              "\"buyer\":{\"email\":\"" + contact + "\",\"phone\":\"" + PHONE + "\"}");
    }
    Answer imported = api.signed("/api/v1/orders", json);
    assertEquals(200, imported.status(), imported.body());
    return new Buyer(orderNo, contact, api.buyerToken(orderNo, contact));
  }

  private JsonObject preferences(Buyer buyer) {
    Answer a = api.get("/api/v1/buyer/preferences", Api.bearer(buyer.token()));
    assertEquals(200, a.status(), a.body());
    return a.json();
  }

  private Answer choose(Buyer buyer, String json) {
    return api.put("/api/v1/buyer/preferences", json, Api.bearer(buyer.token()));
  }

  @Test
  void aBuyerWhoSwitchedEmailOffGetsTheInboxAndTheSmsTheyChose() throws SQLException {
    Buyer buyer = buyer("PREF", true);
    JsonObject before = preferences(buyer);
    assertTrue(before.getBoolean("email"));
    assertFalse(before.getBoolean("sms"));
    assertTrue(before.getBoolean("inbox"));
    assertEquals(buyer.contact().charAt(0) + "***@example.com", before.getString("emailAddress"));
    assertEquals("***8000", before.getString("phone"));

    Answer chosen = choose(buyer, "{\"email\":false,\"sms\":true}");
    assertEquals(200, chosen.status(), chosen.body());
    assertFalse(chosen.json().getBoolean("email"));
    assertTrue(chosen.json().getBoolean("sms"));
    assertEquals(chosen.json(), preferences(buyer), "the choice is kept");

    Answer filed =
        api.post(
            "/api/v1/tickets",
            "{\"orderNo\":\""
                + buyer.orderNo()
                + "\",\"category\":\"INVALID_KEY\",\"language\":\"en\","
                + "\"description\":\"The key says invalid\"}",
            Api.bearer(buyer.token()));
    assertEquals(201, filed.status(), filed.body());
    String ticketNo = filed.json().getString("ticketNo");

    Mails.until(
        () -> api.get("/api/v1/buyer/inbox", Api.bearer(buyer.token())).json(),
        i -> i.getJsonArray("messages").size() >= 1,
        "the news in the inbox");
    String sms =
        Mails.until(
            () -> status(PHONE, "SMS", ticketNo),
            s -> "SENT".equals(s),
            "the news by SMS to the order's phone");
    assertEquals("SENT", sms);
    assertNull(status(buyer.contact(), "EMAIL", ticketNo), "no e-mail once switched off");

    Answer code =
        api.post(
            "/api/v1/buyer/orders/" + buyer.orderNo() + "/keys/0/code",
            "{\"language\":\"en\"}",
            Api.bearer(buyer.token()));
    assertEquals(202, code.status(), code.body());
    Mails.await(buyer.contact(), m -> m.subject().contains("verification code"));
    assertTrue(
        Mails.to(buyer.contact()).stream().noneMatch(m -> m.subject().contains(ticketNo)),
        "one-time codes still go to the contact; case news does not");
  }

  @Test
  void aChannelWithoutAnAddressCannotBeSwitchedOn() {
    Buyer buyer = buyer("PREFNP", false);
    JsonObject before = preferences(buyer);
    assertTrue(!before.containsKey("phone") || before.isNull("phone"), "no phone known");
    Answer sms = choose(buyer, "{\"sms\":true}");
    assertEquals(400, sms.status(), sms.body());
    assertTrue(sms.contentType().startsWith("application/problem+json"));
    assertTrue(sms.body().contains("\"sms\""), sms.body());
    assertFalse(preferences(buyer).getBoolean("sms"));

    Answer wrongType = choose(buyer, "{\"email\":\"no\"}");
    assertEquals(400, wrongType.status(), wrongType.body());
    assertTrue(wrongType.body().contains("\"email\""), wrongType.body());
    Answer emailOff = choose(buyer, "{\"email\":false}");
    assertEquals(200, emailOff.status(), emailOff.body());
    assertFalse(emailOff.json().getBoolean("email"));
    assertTrue(emailOff.json().getBoolean("inbox"), "the inbox is always on");

    assertEquals(401, api.get("/api/v1/buyer/preferences", Map.of()).status());
    assertEquals(401, api.put("/api/v1/buyer/preferences", "{}", Map.of()).status());
  }

  /** The status of the newest case notification to that contact on that channel, or null. */
  private static String status(String contact, String channel, String ticketNo) {
    try (Connection db = TestServers.database();
        PreparedStatement q =
            db.prepareStatement(
                "SELECT status FROM notification WHERE contact = ? AND channel = ?"
                    + " AND template LIKE 'TICKET_%' AND params LIKE ? ORDER BY id DESC LIMIT 1")) {
      q.setString(1, contact);
      q.setString(2, channel);
      q.setString(3, "%" + ticketNo + "%");
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }
}
