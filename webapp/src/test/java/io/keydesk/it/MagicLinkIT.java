package io.keydesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.infrastructure.crypto.Digests;
import io.keydesk.it.Api.Answer;
import io.keydesk.it.Mails.Mail;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The magic link in the delivery e-mail: received over real SMTP, it opens a buyer session once,
 * until it expires; only its hash is stored.
 */
class MagicLinkIT extends ApiIT {
  private record Buyer(String orderNo, String contact, String token) {}

  private Buyer buyer(String prefix) {
    String orderNo = Api.unique(prefix);
    String contact = orderNo.toLowerCase() + "@example.com";
    Answer imported = api.importOrder(orderNo, contact, "MAGIC-SKU", "K-" + orderNo);
    assertEquals(200, imported.status(), imported.body());
    return new Buyer(orderNo, contact, api.buyerToken(orderNo, contact));
  }

  /** Asks for the delivery again and returns the magic link token of the mail that arrives. */
  private String deliveryLink(Buyer buyer, int nth) {
    Answer resend =
        api.post(
            "/api/v1/buyer/orders/" + buyer.orderNo() + "/delivery",
            "{\"language\":\"en\"}",
            Api.bearer(buyer.token()));
    assertEquals(202, resend.status(), resend.body());
    Mails.until(() -> Mails.to(buyer.contact()).size(), n -> n >= nth, nth + " delivery mail(s)");
    Mail mail = Mails.to(buyer.contact()).get(nth - 1);
    assertEquals("Your keys for order " + buyer.orderNo(), mail.subject());
    assertTrue(mail.text().contains("K-" + buyer.orderNo()), "the keys are in the mail");
    assertTrue(mail.text().contains("http://keydesk.test/m/kdm_"), mail.text());
    return mail.magicToken();
  }

  private Answer openWith(String token) {
    return api.post(
        "/api/v1/buyer/sessions/magic",
        "{\"token\":\"" + token + "\"}",
        Map.of("X-Forwarded-For", Api.uniqueIp()));
  }

  @Test
  void theLinkInTheDeliveryMailOpensASessionOnce() throws SQLException {
    Buyer buyer = buyer("MAGIC");
    String link = deliveryLink(buyer, 1);

    Answer redirect = api.get("/m/" + link, Map.of());
    assertEquals(303, redirect.status());
    assertTrue(
        redirect.header("Location").endsWith("/index.xhtml?magic=" + link),
        redirect.header("Location"));

    Answer opened = openWith(link);
    assertEquals(201, opened.status(), opened.body());
    assertEquals("no-store", opened.header("Cache-Control"));
    String session = opened.json().getString("token");
    assertTrue(session.startsWith("kdb_"));
    Answer orders = api.get("/api/v1/buyer/orders", Api.bearer(session));
    assertEquals(200, orders.status(), orders.body());
    assertEquals(buyer.orderNo(), orders.array().getJsonObject(0).getString("orderNo"));
    assertFalse(orders.body().contains("K-" + buyer.orderNo()), "keys stay masked");

    Answer again = openWith(link);
    assertEquals(401, again.status(), "a link works once");
    assertTrue(again.contentType().startsWith("application/problem+json"));
    Answer unknown = openWith("kdm_" + "A".repeat(43));
    assertEquals(401, unknown.status());
    assertEquals(again.body(), unknown.body(), "used and unknown get the same answer");

    try (Connection db = TestServers.database();
        PreparedStatement q =
            db.prepareStatement(
                "SELECT token_hash, used_at IS NOT NULL FROM magic_link WHERE token_hash = ?")) {
      q.setString(1, Digests.sha256Hex(link));
      try (ResultSet rs = q.executeQuery()) {
        assertTrue(rs.next(), "the hash is stored");
        assertTrue(rs.getBoolean(2), "marked used");
      }
    }
    try (Connection db = TestServers.database();
        PreparedStatement q =
            db.prepareStatement(
                "SELECT COUNT(*) FROM notification WHERE params LIKE ? OR last_error LIKE ?")) {
      q.setString(1, "%" + link + "%");
      q.setString(2, "%" + link + "%");
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        assertEquals(0, rs.getInt(1), "the token is never stored in clear");
      }
    }
  }

  @Test
  void anExpiredLinkIsRefusedLikeAnUnknownOne() throws SQLException {
    Buyer buyer = buyer("MAGEXP");
    String link = deliveryLink(buyer, 1);
    try (Connection db = TestServers.database();
        PreparedStatement expire =
            db.prepareStatement(
                "UPDATE magic_link SET expires_at = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND"
                    + " WHERE token_hash = ?")) {
      expire.setString(1, Digests.sha256Hex(link));
      assertEquals(1, expire.executeUpdate());
    }
    Answer expired = openWith(link);
    assertEquals(401, expired.status());
    assertEquals(
        "urn:keydesk:problem:magic-link-invalid", expired.json().getString("type"), expired.body());
    assertEquals(openWith("kdm_" + "B".repeat(43)).body(), expired.body());

    String fresh = deliveryLink(buyer, 2);
    assertFalse(fresh.equals(link), "every delivery mail has its own link");
    assertEquals(201, openWith(fresh).status(), "a link within its time works");
  }

  @Test
  void aMalformedTokenIsABadRequestNamingTheField() {
    Answer blank = api.post("/api/v1/buyer/sessions/magic", "{\"token\":\"\"}", Map.of());
    assertEquals(400, blank.status(), blank.body());
    assertTrue(blank.contentType().startsWith("application/problem+json"));
    assertTrue(blank.body().contains("token"), blank.body());
    Answer shape = api.post("/api/v1/buyer/sessions/magic", "{\"token\":\"kdb_abc\"}", Map.of());
    assertEquals(400, shape.status());
    assertEquals(400, api.post("/api/v1/buyer/sessions/magic", "", Map.of()).status());
    Answer redirect = api.get("/m/not-a-token", Map.of());
    assertEquals(303, redirect.status());
    assertTrue(redirect.header("Location").endsWith("/index.xhtml?magic=invalid"));
  }

  @Test
  void magicLinksAreRateLimitedPerClientAddress() {
    String ip = Api.uniqueIp();
    Answer last = null;
    for (int i = 0; i < 31; i++) {
      last =
          api.post(
              "/api/v1/buyer/sessions/magic",
              "{\"token\":\"kdm_" + "C".repeat(40) + i + "\"}",
              Map.of("X-Forwarded-For", ip));
    }
    assertEquals(429, last.status(), last.body());
    assertTrue(Integer.parseInt(last.header("Retry-After")) > 0);
  }
}
