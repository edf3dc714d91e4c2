package io.keydesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import io.keydesk.domain.model.order.Sealed;
import io.keydesk.infrastructure.crypto.AesGcmCardKeyVault;
import io.keydesk.it.Api.Answer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Buyer notifications end to end: a real feature (filing a case, an agent's reply and resolution)
 * writes notifications, the relay in Payara sends them over SMTP to a real GreenMail server and
 * into the inbox, and a mail server outage delays mail without losing it.
 */
class NotificationsIT extends ApiIT {

  /** A mail as GreenMail received it: headers and both parts, decoded. */
  record Mail(String to, String subject, String language, String text, String html) {}

  private record Buyer(String orderNo, String contact, String token) {}

  private Buyer buyer(String prefix, String... codes) {
    String orderNo = Api.unique(prefix);
    String contact = orderNo.toLowerCase() + "@example.com";
    Answer imported = api.importOrder(orderNo, contact, "MAIL-SKU", codes);
    assertEquals(200, imported.status(), imported.body());
    return new Buyer(orderNo, contact, api.buyerToken(orderNo, contact));
  }

  private String file(Buyer buyer, String language, String description) {
    Answer filed =
        api.post(
            "/api/v1/tickets",
            "{\"orderNo\":\""
                + buyer.orderNo()
                + "\",\"category\":\"INVALID_KEY\",\"language\":\""
                + language
                + "\",\"description\":\""
                + description
                + "\"}",
            Api.bearer(buyer.token()));
    assertEquals(201, filed.status(), filed.body());
    return filed.json().getString("ticketNo");
  }

  private Answer act(String ticketNo, String agent, String json) {
    Answer a = api.post("/api/v1/ops/tickets/" + ticketNo + "/actions", json, Api.bearer(agent));
    assertEquals(200, a.status(), a.body());
    return a;
  }

  @Test
  void aCaseAndItsAnswersReachTheBuyerByMailAndInboxInChinese() {
    Buyer buyer = buyer("NTF", "K-NTF-1");
    String ticketNo = file(buyer, "zh-CN", "卡密提示已被使用");

    Mail received = awaitMail(buyer.contact(), m -> m.subject().contains(ticketNo));
    assertEquals("您的工单 " + ticketNo + "：客服处理中", received.subject());
    assertEquals("zh-CN", received.language());
    assertTrue(received.text().contains("卡密提示已被使用"), received.text());
    assertTrue(received.text().contains("http://keydesk.test/ticket.xhtml?no=" + ticketNo));
    assertTrue(received.html().contains("<html lang=\"zh-CN\">"), received.html());
    assertTrue(
        received
            .html()
            .contains(
                "<a href=\"http://keydesk.test/ticket.xhtml?no="
                    + ticketNo
                    + "\">http://keydesk.test/ticket.xhtml?no="
                    + ticketNo
                    + "</a>"),
        received.html());

    String agent = api.staffToken("agent", "agent-demo-pass");
    act(ticketNo, agent, "{\"type\":\"NOTE\",\"text\":\"internal: supplier batch 7\"}");
    act(ticketNo, agent, "{\"type\":\"REPLY\",\"text\":\"我们正在与供应商核实 <b>卡密</b>。\"}");
    act(ticketNo, agent, "{\"type\":\"RESOLVE\",\"resolution\":\"REPLACED\",\"text\":\"新卡密已发送。\"}");

    Mail reply = awaitMail(buyer.contact(), m -> m.text().contains("我们正在与供应商核实"));
    assertTrue(reply.html().contains("&lt;b&gt;卡密&lt;/b&gt;"), "buyer text is escaped in HTML");
    Mail resolved = awaitMail(buyer.contact(), m -> m.subject().contains("已解决"));
    assertEquals("您的工单 " + ticketNo + " 已解决：已更换卡密", resolved.subject());
    assertTrue(resolved.text().contains("备注：新卡密已发送。"), resolved.text());
    assertTrue(
        mails(buyer.contact()).stream().noneMatch(m -> m.text().contains("supplier batch 7")),
        "internal notes are not sent");

    JsonObject inbox =
        Mails.until(
            () -> inbox(buyer),
            i -> i.getJsonArray("messages").size() == 3,
            "three inbox messages");
    assertEquals(3, inbox.getInt("unread"));
    JsonArray messages = inbox.getJsonArray("messages");
    JsonObject newest = messages.getJsonObject(0);
    assertEquals("您的工单 " + ticketNo + " 已解决：已更换卡密", newest.getString("title"));
    assertEquals(ticketNo, newest.getString("ticketNo"));
    assertTrue(newest.getString("body").contains("处理结果：已更换卡密"), newest.toString());
    assertFalse(newest.getBoolean("read"));
    assertTrue(messages.getJsonObject(2).getString("body").contains("卡密提示已被使用"));

    long id = newest.getJsonNumber("id").longValue();
    Answer read = api.post("/api/v1/buyer/inbox/" + id + "/read", "", Api.bearer(buyer.token()));
    assertEquals(200, read.status(), read.body());
    assertTrue(read.json().getBoolean("read"));
    String readAt = read.json().getString("readAt");
    Answer again = api.post("/api/v1/buyer/inbox/" + id + "/read", "", Api.bearer(buyer.token()));
    assertEquals(readAt, again.json().getString("readAt"), "the first read counts");
    assertEquals(2, inbox(buyer).getInt("unread"));
  }

  @Test
  void aBuyerSeesOnlyTheirOwnInbox() {
    Buyer alice = buyer("INBA", "K-INBA-1");
    Buyer bob = buyer("INBB", "K-INBB-1");
    String ticketNo = file(alice, "en", "Key rejected");
    JsonObject aliceInbox =
        Mails.until(
            () -> inbox(alice), i -> i.getJsonArray("messages").size() == 1, "alice's message");
    JsonObject message = aliceInbox.getJsonArray("messages").getJsonObject(0);
    assertEquals(ticketNo, message.getString("ticketNo"));
    assertEquals("Your case " + ticketNo + ": With an agent", message.getString("title"));

    assertEquals(0, inbox(bob).getJsonArray("messages").size());
    assertEquals(0, inbox(bob).getInt("unread"));
    long id = message.getJsonNumber("id").longValue();
    Answer foreign = api.post("/api/v1/buyer/inbox/" + id + "/read", "", Api.bearer(bob.token()));
    assertEquals(404, foreign.status());
    assertTrue(foreign.contentType().startsWith("application/problem+json"));
    assertEquals(
        404,
        api.post("/api/v1/buyer/inbox/not-a-number/read", "", Api.bearer(bob.token())).status());
    assertEquals(401, api.get("/api/v1/buyer/inbox", Map.of()).status());
    assertEquals(1, inbox(alice).getInt("unread"), "bob's attempt did not mark it read");
  }

  @Test
  void aMailServerOutageDelaysMailButLosesNone() throws SQLException {
    Buyer buyer = buyer("OUT", "K-OUT-1");
    String ticketNo = file(buyer, "en", "The key says invalid");
    Mail first = awaitMail(buyer.contact(), m -> m.subject().contains(ticketNo));
    assertEquals("Your case " + ticketNo + ": With an agent", first.subject());
    assertEquals("en", first.language());

    String agent = api.staffToken("agent", "agent-demo-pass");
    TestServers.stopMail();
    try {
      act(
          ticketNo,
          agent,
          "{\"type\":\"RESOLVE\",\"resolution\":\"REFUNDED\",\"text\":\"Your money is on its"
              + " way.\"}");
      Mails.until(
          () -> inbox(buyer),
          i -> i.getJsonArray("messages").size() == 2,
          "the inbox does not wait for the mail server");
      Row waiting =
          Mails.until(
              () -> row(buyer.contact(), "EMAIL", "TICKET_RESOLVED"),
              r -> r.attempts() >= 2,
              "the mail is tried again while the server is down");
      assertEquals("PENDING", waiting.status());
      assertNotNull(waiting.lastError());
      assertNull(waiting.sentAt());
    } finally {
      TestServers.startMail();
    }
    Mail late = awaitMail(buyer.contact(), m -> m.subject().contains("is resolved"));
    assertEquals("Your case " + ticketNo + " is resolved: Refunded", late.subject());
    assertTrue(late.text().contains("Note: Your money is on its way."), late.text());
    Row sent =
        Mails.until(
            () -> row(buyer.contact(), "EMAIL", "TICKET_RESOLVED"),
            r -> r.status().equals("SENT"),
            "the row is marked sent");
    assertTrue(sent.attempts() >= 3, "attempts " + sent.attempts());
    assertNull(sent.lastError());
  }

  /**
   * The two notices the automatic actions send, recorded as {@code Notifications.send} records
   * them: the relay opens the one-time code only to send it and then forgets it, and re-sends the
   * delivered keys without writing them anywhere.
   */
  @Test
  void aOneTimeCodeIsForgottenOnceSentAndResentKeysAreNeverStored() throws SQLException {
    Buyer buyer = buyer("OTC", "KEY-RESEND-AAAA", "KEY-RESEND-BBBB");
    String code = "493021";
    String otc =
        insert(
            buyer.contact(),
            "EMAIL",
            "ONE_TIME_CODE",
            "en",
            "{\"minutesValid\":\"10\",\"orderNo\":\"" + buyer.orderNo() + "\"}",
            "{\"code\":\"" + code + "\"}");
    String resendMail =
        insert(
            buyer.contact(),
            "EMAIL",
            "DELIVERY_RESEND",
            "zh-CN",
            "{\"orderNo\":\"" + buyer.orderNo() + "\"}",
            null);
    insert(
        buyer.contact(),
        "INBOX",
        "DELIVERY_RESEND",
        "zh-CN",
        "{\"orderNo\":\"" + buyer.orderNo() + "\"}",
        null);

    Mail codeMail = awaitMail(buyer.contact(), m -> m.subject().contains("verification code"));
    assertEquals("Your verification code for order " + buyer.orderNo(), codeMail.subject());
    assertTrue(
        codeMail
            .text()
            .contains("Your verification code for order " + buyer.orderNo() + " is 493021."),
        codeMail.text());
    assertTrue(codeMail.text().contains("valid for 10 minutes"));
    Row otcRow = Mails.until(() -> row(otc), r -> r.status().equals("SENT"), "the code is sent");
    assertNull(otcRow.secrets(), "the sealed code is cleared once sent");
    assertFalse(otcRow.params().contains(code));

    Mail keys =
        awaitMail(buyer.contact(), m -> m.subject().equals("订单 " + buyer.orderNo() + " 的卡密"));
    assertTrue(keys.text().contains("卡密 1：KEY-RESEND-AAAA"), keys.text());
    assertTrue(keys.text().contains("卡密 2：KEY-RESEND-BBBB"), keys.text());
    assertTrue(keys.html().contains("KEY-RESEND-AAAA"));
    Mails.until(() -> row(resendMail), r -> r.status().equals("SENT"), "the keys are sent");

    JsonObject inbox =
        Mails.until(() -> inbox(buyer), i -> i.getJsonArray("messages").size() == 1, "inbox note");
    String note = inbox.getJsonArray("messages").getJsonObject(0).toString();
    assertTrue(note.contains("已通过邮件或短信重新发送"), note);
    assertFalse(note.contains("KEY-RESEND"), "the inbox never shows keys");
    assertFalse(note.contains(code));
    try (Connection db = TestServers.database();
        PreparedStatement q =
            db.prepareStatement(
                "SELECT COUNT(*) FROM notification WHERE contact = ? AND (params LIKE"
                    + " '%KEY-RESEND%' OR last_error LIKE '%KEY-RESEND%')")) {
      q.setString(1, buyer.contact());
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        assertEquals(0, rs.getInt(1), "no key in the notification table");
      }
    }
  }

  @Test
  void aOneTimeCodeThatRanOutIsNotSent() throws SQLException {
    Buyer buyer = buyer("EXP", "K-EXP-1");
    String id =
        insert(
            buyer.contact(),
            "EMAIL",
            "ONE_TIME_CODE",
            "en",
            "{\"minutesValid\":\"1\",\"orderNo\":\"" + buyer.orderNo() + "\"}",
            "{\"code\":\"777111\"}",
            Instant.now().minusSeconds(120));
    Row expired = Mails.until(() -> row(id), r -> r.status().equals("EXPIRED"), "the code expires");
    assertNull(expired.secrets());
    assertNull(expired.sentAt());
    assertTrue(mails(buyer.contact()).isEmpty(), "nothing was mailed");
  }

  // --- helpers -----------------------------------------------------------------------------

  private JsonObject inbox(Buyer buyer) {
    Answer a = api.get("/api/v1/buyer/inbox", Api.bearer(buyer.token()));
    assertEquals(200, a.status(), a.body());
    return a.json();
  }

  private static List<Mail> mails(String to) {
    GreenMail server = TestServers.mail();
    if (server == null) {
      return List.of();
    }
    List<Mail> found = new ArrayList<>();
    for (MimeMessage m : server.getReceivedMessages()) {
      try {
        boolean forBuyer =
            Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                .anyMatch(a -> a.toString().equals(to));
        if (forBuyer) {
          found.add(parse(m));
        }
      } catch (MessagingException | IOException e) {
        throw new AssertionError("unreadable mail", e);
      }
    }
    return found;
  }

  private static Mail parse(MimeMessage m) throws MessagingException, IOException {
    MimeMultipart parts = (MimeMultipart) m.getContent();
    assertTrue(parts.getContentType().startsWith("multipart/alternative"), parts.getContentType());
    String text = null;
    String html = null;
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      if (part.isMimeType("text/plain")) {
        text = (String) part.getContent();
      } else if (part.isMimeType("text/html")) {
        html = (String) part.getContent();
      }
    }
    assertNotNull(text, "plain-text part");
    assertNotNull(html, "HTML part");
    return new Mail(
        m.getRecipients(Message.RecipientType.TO)[0].toString(),
        m.getSubject(),
        m.getHeader("Content-Language", null),
        text,
        html);
  }

  private static Mail awaitMail(String to, Predicate<Mail> match) {
    return Mails.until(
        () -> mails(to).stream().filter(match).findFirst().orElse(null),
        m -> m != null,
        "a mail to " + to);
  }

  /** A notification row as the relay left it. */
  record Row(
      String status,
      int attempts,
      String lastError,
      Timestamp sentAt,
      String params,
      byte[] secrets) {}

  private static Row row(String contact, String channel, String template) {
    return query(
        "SELECT status, attempts, last_error, sent_at, params, secrets_sealed FROM notification"
            + " WHERE contact = ? AND channel = ? AND template = ? ORDER BY id DESC LIMIT 1",
        contact,
        channel,
        template);
  }

  private static Row row(String eventId) {
    return query(
        "SELECT status, attempts, last_error, sent_at, params, secrets_sealed FROM notification"
            + " WHERE event_id = ?",
        eventId);
  }

  private static Row query(String sql, String... args) {
    try (Connection db = TestServers.database();
        PreparedStatement q = db.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        q.setString(i + 1, args[i]);
      }
      try (ResultSet rs = q.executeQuery()) {
        return rs.next()
            ? new Row(
                rs.getString(1),
                rs.getInt(2),
                rs.getString(3),
                rs.getTimestamp(4),
                rs.getString(5),
                rs.getBytes(6))
            : null;
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  private static String insert(
      String contact,
      String channel,
      String template,
      String language,
      String params,
      String secrets)
      throws SQLException {
    return insert(contact, channel, template, language, params, secrets, Instant.now());
  }

  /** A row exactly as {@code JpaNotifications} writes it, secrets sealed with the app's keys. */
  private static String insert(
      String contact,
      String channel,
      String template,
      String language,
      String params,
      String secrets,
      Instant createdAt)
      throws SQLException {
    String eventId = UUID.randomUUID().toString();
    Optional<Sealed> sealed = Optional.ofNullable(secrets).map(s -> vault().seal(s));
    LocalDateTime created = LocalDateTime.ofInstant(createdAt, ZoneOffset.UTC);
    LocalDateTime expires =
        template.equals("ONE_TIME_CODE")
            ? created.plusMinutes(Long.parseLong(param(params, "minutesValid")))
            : null;
    try (Connection db = TestServers.database();
        PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO notification (event_id, contact, channel, template, language, params,"
                    + " secrets_sealed, crypto_version, status, attempts, next_attempt_at,"
                    + " expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?,"
                    + " ?, ?)")) {
      insert.setString(1, eventId);
      insert.setString(2, contact);
      insert.setString(3, channel);
      insert.setString(4, template);
      insert.setString(5, language);
      insert.setString(6, params);
      insert.setBytes(7, sealed.map(Sealed::bytes).orElse(null));
      insert.setObject(8, sealed.map(Sealed::keyVersion).orElse(null));
      insert.setObject(9, created);
      insert.setObject(10, expires);
      insert.setObject(11, created);
      insert.executeUpdate();
    }
    return eventId;
  }

  private static String param(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
    assertTrue(m.find(), name);
    return m.group(1);
  }

  /** The vault of the app under test, from the same settings failsafe passes to Payara. */
  private static AesGcmCardKeyVault vault() {
    String options = System.getProperty("payara.cmdOptions", "");
    return AesGcmCardKeyVault.fromConfig(
        option(options, "keydesk.crypto.keys"),
        Integer.parseInt(option(options, "keydesk.crypto.active-version")),
        option(options, "keydesk.crypto.fingerprint-key"));
  }

  private static String option(String options, String name) {
    Matcher m = Pattern.compile("-D" + Pattern.quote(name) + "=(\\S+)").matcher(options);
    assertTrue(m.find(), name + " in payara.cmdOptions");
    return m.group(1);
  }
}
