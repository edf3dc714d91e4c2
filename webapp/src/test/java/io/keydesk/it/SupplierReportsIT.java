package io.keydesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.it.Api.Answer;
import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Supplier reports over HTTP: a fixture supplier of this test with known orders, complaints, a
 * replacement and a refund; the numbers in JSON, CSV, PDF and on the page; who may read what; and
 * the scheduled mail sent once per manager and period even with concurrent sweeps.
 */
class SupplierReportsIT extends ApiIT {
  private static final String DEMO_HASH_OF = "supplier"; // password supplier-demo-pass

  private String supplier;
  private String sku1;
  private String sku2;
  private final List<String> contacts = new ArrayList<>();
  private final List<String> orderNos = new ArrayList<>();
  private String from;
  private String to;
  private String lastManager;

  @BeforeEach
  void fixture() {
    supplier = Api.unique("RSUP");
    sku1 = Api.unique("RSKU");
    sku2 = Api.unique("RSKU");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    from = today.minusDays(1).toString();
    to = today.toString();
    // sku1: 4 orders (batch A x3, batch B x1); sku2: 2 orders (batch C)
    String[][] orders = {
      {sku1, "A"}, {sku1, "A"}, {sku1, "A"}, {sku1, "B"}, {sku2, "C"}, {sku2, "C"}
    };
    for (String[] o : orders) {
      String orderNo = Api.unique("RORD");
      String contact = orderNo.toLowerCase() + "@example.com";
      Answer imported =
          api.signed("/api/v1/orders", order(orderNo, contact, o[0], supplier + "-" + o[1]));
      assertEquals(200, imported.status(), imported.body());
      orderNos.add(orderNo);
      contacts.add(contact);
    }
    String agent = api.staffToken("agent", "agent-demo-pass");
    // complaints: order 0 and 1 PAYMENT_ISSUE (batch A), order 3 OTHER (batch B), order 4 OTHER (C)
    String t0 =
        file(
            0,
            "PAYMENT_ISSUE",
            "Charged twice for "
                + orderNos.get(0)
                + ", write to "
                + contacts.get(0)
                + " key ABCD-1234-WXYZ");
    file(1, "PAYMENT_ISSUE", "Paid but nothing happened");
    String t3 = file(3, "OTHER", "Region locked");
    file(4, "OTHER", "Wrong language");
    act(agent, t0, "{\"type\":\"REPLY\",\"text\":\"We are checking.\"}");
    act(agent, t0, "{\"type\":\"RESOLVE\",\"resolution\":\"REPLACED\",\"text\":\"New key sent.\"}");
    act(agent, t3, "{\"type\":\"RESOLVE\",\"resolution\":\"REFUNDED\",\"text\":\"Refunded.\"}");
  }

  @Test
  void theNumbersMatchWhatHappened() {
    String manager = manager("en", null);
    Answer a = report(manager, "");
    assertEquals(200, a.status(), a.body());
    JsonObject r = a.json();
    assertEquals(supplier, r.getString("supplierCode"));
    JsonObject total = r.getJsonObject("total");
    assertEquals(6, total.getInt("orders"));
    assertEquals(4, total.getInt("complaints"));
    assertEquals(4.0 / 6, total.getJsonNumber("rate").doubleValue(), 1e-9);
    assertEquals(1, total.getInt("replaced"));
    assertEquals(1, total.getInt("refunded"));
    assertEquals(2, total.getJsonObject("byCategory").getInt("PAYMENT_ISSUE"));
    assertEquals(2, total.getJsonObject("byCategory").getInt("OTHER"));
    assertFalse(total.containsKey("previousRate"), "no orders in the previous period");

    JsonObject p1 = line(r, "products", sku1, null);
    assertEquals(4, p1.getInt("orders"));
    assertEquals(3, p1.getInt("complaints"));
    assertEquals(0.75, p1.getJsonNumber("rate").doubleValue(), 1e-9);
    assertEquals(1, p1.getInt("replaced"));
    assertEquals(1, p1.getInt("refunded"));
    JsonObject p2 = line(r, "products", sku2, null);
    assertEquals(2, p2.getInt("orders"));
    assertEquals(1, p2.getInt("complaints"));
    assertEquals(0.5, p2.getJsonNumber("rate").doubleValue(), 1e-9);

    JsonObject a1 = line(r, "batches", sku1, supplier + "-A");
    assertEquals(3, a1.getInt("orders"));
    assertEquals(2, a1.getInt("complaints"));
    JsonObject b1 = line(r, "batches", sku1, supplier + "-B");
    assertEquals(1, b1.getInt("orders"));
    assertEquals(1, b1.getInt("complaints"));
    assertEquals(1.0, b1.getJsonNumber("rate").doubleValue(), 1e-9);
    JsonObject c2 = line(r, "batches", sku2, supplier + "-C");
    assertEquals(2, c2.getInt("orders"));
    assertEquals(1, c2.getInt("complaints"));

    assertEquals(2, r.getJsonArray("days").size());
    int complaintsByDay =
        r.getJsonArray("days").stream().mapToInt(d -> d.asJsonObject().getInt("complaints")).sum();
    assertEquals(4, complaintsByDay);

    JsonObject times = r.getJsonObject("times");
    assertEquals(2, times.getInt("responded"), "the reply and the refund's resolution message");
    assertEquals(2, times.getInt("resolved"));
    assertFalse(times.isNull("firstResponseP50"));

    String body = a.body();
    for (int i = 0; i < contacts.size(); i++) {
      assertFalse(body.contains(contacts.get(i)), "no buyer contact in the report");
      assertFalse(body.contains(orderNos.get(i)), "no order number in the report");
    }
    assertFalse(body.contains("ABCD-1234-WXYZ"), "no key in the report");
    assertTrue(body.contains("Charged twice for ***, write to *** key ***"), body);
  }

  @Test
  void csvAndPdfCarryTheSameNumbers() throws Exception {
    String manager = manager("zh-CN", null);
    HttpResponse<byte[]> csv = api.getBytes(path("reports.csv", ""), Api.bearer(manager));
    assertEquals(200, csv.statusCode());
    assertTrue(csv.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
    byte[] bytes = csv.body();
    assertEquals((byte) 0xEF, bytes[0], "UTF-8 BOM for Excel");
    String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(text))
            .getRecords();
    CSVRecord product =
        rows.stream()
            .filter(x -> x.get("section").equals("product") && x.get("sku").equals(sku1))
            .findFirst()
            .orElseThrow();
    assertEquals("4", product.get("orders"));
    assertEquals("3", product.get("complaints"));
    assertEquals("0.7500", product.get("rate"));
    assertEquals("2", product.get("PAYMENT_ISSUE"));
    assertEquals("1", product.get("refunded"));
    assertEquals("total", rows.get(0).get("section"));
    assertEquals("6", rows.get(0).get("orders"));

    HttpResponse<byte[]> pdf =
        api.getBytes(path("reports.pdf", "&lang=zh-CN"), Api.bearer(manager));
    assertEquals(200, pdf.statusCode());
    assertTrue(
        pdf.headers().firstValue("Content-Type").orElseThrow().startsWith("application/pdf"));
    String pdfText = pdfText(pdf.body());
    assertTrue(pdfText.contains("供应商报告"), pdfText);
    assertTrue(pdfText.contains("投诉率"), pdfText);
    assertTrue(pdfText.contains("支付问题"), pdfText);
    assertTrue(pdfText.contains(sku1), pdfText);
    assertTrue(pdfText.contains("75.00%"), pdfText);
    assertTrue(pdfText.contains("66.67%"), pdfText);
    for (String c : contacts) {
      assertFalse(pdfText.contains(c));
    }

    String english =
        pdfText(api.getBytes(path("reports.pdf", "&lang=en"), Api.bearer(manager)).body());
    assertTrue(english.contains("Complaint rate"), english);
  }

  @Test
  void aManagerSeesOnlyTheirSupplier() {
    String manager = manager("en", null);
    Answer other = report(manager, "supplier=" + "IT-SUP");
    assertEquals(403, other.status(), other.body());
    assertTrue(other.contentType().startsWith("application/problem+json"));

    String demoManager = api.staffToken("supplier", "supplier-demo-pass");
    Answer foreign = report(demoManager, "supplier=" + supplier);
    assertEquals(403, foreign.status());
    Answer own = api.get("/api/v1/supplier/reports", Api.bearer(demoManager));
    assertEquals(200, own.status(), own.body());
    assertFalse(own.body().contains(sku1), "another supplier's product");

    String agent = api.staffToken("agent", "agent-demo-pass");
    assertEquals(403, report(agent, "supplier=" + supplier).status());
    assertEquals(401, api.get("/api/v1/supplier/reports", Map.of()).status());

    String supervisor = api.staffToken("supervisor", "supervisor-demo-pass");
    Answer picked = report(supervisor, "supplier=" + supplier);
    assertEquals(200, picked.status(), picked.body());
    assertEquals(6, picked.json().getJsonObject("total").getInt("orders"));
    Answer unnamed = api.get("/api/v1/supplier/reports", Api.bearer(supervisor));
    assertEquals(400, unnamed.status());
    assertEquals(
        "supplier", unnamed.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    String admin = api.staffToken("admin", "admin-demo-pass");
    assertEquals(404, report(admin, "supplier=" + "NO-SUCH-SUPPLIER").status());

    Answer bad =
        api.get("/api/v1/supplier/reports?from=yesterday&to=2026-01-01", Api.bearer(manager));
    assertEquals(400, bad.status());
    Answer reversed =
        api.get("/api/v1/supplier/reports?from=2026-02-01&to=2026-01-01", Api.bearer(manager));
    assertEquals(400, reversed.status());
    Answer tooLong =
        api.get("/api/v1/supplier/reports?from=2024-01-01&to=2026-01-01", Api.bearer(manager));
    assertEquals(400, tooLong.status());
  }

  @Test
  void thePageShowsTheOwnSupplierOnlyAndRefusesAgents() {
    String manager = manager("en", null);
    Answer page = api.get("/console/reports.xhtml", Api.bearer(manager));
    assertEquals(200, page.status());
    String html = page.body();
    assertTrue(html.contains(sku1), "own product on the page");
    assertTrue(html.contains("id=\"totalOrders\">6<"), html);
    assertTrue(html.contains("66.67%"));
    for (String c : contacts) {
      assertFalse(html.contains(c), "no buyer contact on the page");
    }
    assertFalse(html.contains("IT-SUP"), "no other supplier to pick");

    String demoManager = api.staffToken("supplier", "supplier-demo-pass");
    String demoPage = api.get("/console/reports.xhtml", Api.bearer(demoManager)).body();
    assertFalse(demoPage.contains(sku1), "another supplier's product");

    String agent = api.staffToken("agent", "agent-demo-pass");
    assertEquals(403, api.get("/console/reports.xhtml", Api.bearer(agent)).status());
    String supervisor = api.staffToken("supervisor", "supervisor-demo-pass");
    Answer supervisorPage = api.get("/console/reports.xhtml", Api.bearer(supervisor));
    assertEquals(200, supervisorPage.status());
    assertTrue(supervisorPage.body().contains(supplier), "supervisors pick among suppliers");
  }

  @Test
  void scheduledReportsGoOutOncePerManagerEvenWithConcurrentSweeps() throws Exception {
    TestServers.startMail();
    String zhEmail = Api.unique("mgr-zh").toLowerCase() + "@example.com";
    String enEmail = Api.unique("mgr-en").toLowerCase() + "@example.com";
    manager("zh-CN", zhEmail);
    manager("en", enEmail);
    String admin = api.staffToken("admin", "admin-demo-pass");
    // Wednesday 2026-11-25 07:00Z: the daily period 11-24 and the weekly one 11-16..11-22 are due.
    Instant at = Instant.parse("2026-11-25T07:00:00Z");
    if (at.isAfter(Instant.now())) {
      at = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS).plusSeconds(25200);
    }
    String sweep = "/api/v1/ops/reports/sweep?at=" + at;
    List<CompletableFuture<Answer>> sweeps = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      sweeps.add(CompletableFuture.supplyAsync(() -> api.post(sweep, "", Api.bearer(admin))));
    }
    // Other managers with an address (other tests) get theirs too: count the mailboxes, not "sent".
    for (CompletableFuture<Answer> s : sweeps) {
      Answer answer = s.get();
      assertEquals(200, answer.status(), answer.body());
    }
    LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC).minusDays(1);

    List<MimeMessage> zhDaily =
        Mails.until(() -> mails(zhEmail, day.toString()), m -> m.size() >= 1, "the daily report");
    List<MimeMessage> enDaily =
        Mails.until(() -> mails(enEmail, day.toString()), m -> m.size() >= 1, "the daily report");
    Thread.sleep(1500);
    zhDaily = mails(zhEmail, day.toString());
    enDaily = mails(enEmail, day.toString());
    assertEquals(2, mails(zhEmail, "").size(), "one daily and one weekly mail");
    assertEquals(2, mails(enEmail, "").size(), "one daily and one weekly mail");
    assertEquals(1, zhDaily.size());
    assertEquals(1, enDaily.size());

    MimeMessage zh = zhDaily.get(0);
    assertTrue(zh.getSubject().contains("日报"), zh.getSubject());
    MimeMultipart parts = (MimeMultipart) zh.getContent();
    String body = (String) parts.getBodyPart(0).getContent();
    assertTrue(body.contains("订单数:0"), body);
    Part attachment = parts.getBodyPart(1);
    assertEquals(Part.ATTACHMENT, attachment.getDisposition());
    assertTrue(attachment.getFileName().endsWith(".pdf"));
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    attachment.getInputStream().transferTo(pdf);
    assertTrue(pdfText(pdf.toByteArray()).contains("供应商报告"));
    assertTrue(enDaily.get(0).getSubject().contains("daily"), enDaily.get(0).getSubject());

    // A later sweep of the same moment sends nothing more.
    Answer again = api.post(sweep, "", Api.bearer(admin));
    assertEquals(200, again.status());
    Thread.sleep(1000);
    assertEquals(2, mails(zhEmail, "").size());
  }

  @Test
  void aCrashedSendIsRetriedAndARunningOneIsLeftAlone() throws Exception {
    TestServers.startMail();
    String email = Api.unique("mgr-retry").toLowerCase() + "@example.com";
    manager("en", email);
    // Wednesday 2026-11-18 07:00Z: daily 11-17 and weekly 11-09..11-15 are due.
    Instant at = Instant.parse("2026-11-18T07:00:00Z");
    try (Connection db = TestServers.database();
        PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO report_run (supplier_id, kind, period_start, period_end, staff_id,"
                    + " status, claimed_by, claimed_until, attempts, created_at)"
                    + " SELECT supplier_id, ?, ?, ?, id, 'CLAIMED', 'crashed-instance',"
                    + " ?, 1, UTC_TIMESTAMP(3) FROM staff_user WHERE username = ?")) {
      // the daily run: its sender crashed, the claim expired a minute ago
      insert.setString(1, "DAILY");
      insert.setString(2, "2026-11-17 00:00:00");
      insert.setString(3, "2026-11-18 00:00:00");
      insert.setObject(4, java.time.LocalDateTime.now(ZoneOffset.UTC).minusMinutes(1));
      insert.setString(5, lastManager);
      assertEquals(1, insert.executeUpdate());
      // the weekly run: another instance holds the claim and is sending right now
      insert.setString(1, "WEEKLY");
      insert.setString(2, "2026-11-09 00:00:00");
      insert.setString(3, "2026-11-16 00:00:00");
      insert.setObject(4, java.time.LocalDateTime.now(ZoneOffset.UTC).plusMinutes(10));
      assertEquals(1, insert.executeUpdate());
    }
    String admin = api.staffToken("admin", "admin-demo-pass");
    Answer swept = api.post("/api/v1/ops/reports/sweep?at=" + at, "", Api.bearer(admin));
    assertEquals(200, swept.status(), swept.body());
    Mails.until(() -> mails(email, "2026-11-17"), m -> m.size() == 1, "the retried daily report");
    Thread.sleep(1000);
    assertEquals(1, mails(email, "").size(), "the weekly run belongs to the other instance");
    try (Connection db = TestServers.database();
        PreparedStatement q =
            db.prepareStatement(
                "SELECT r.kind, r.status, r.attempts FROM report_run r JOIN staff_user u"
                    + " ON u.id = r.staff_id WHERE u.username = ? ORDER BY r.kind")) {
      q.setString(1, lastManager);
      try (ResultSet rs = q.executeQuery()) {
        assertTrue(rs.next());
        assertEquals("DAILY", rs.getString(1));
        assertEquals("SENT", rs.getString(2));
        assertEquals(2, rs.getInt(3));
        assertTrue(rs.next());
        assertEquals("WEEKLY", rs.getString(1));
        assertEquals("CLAIMED", rs.getString(2));
        assertEquals(1, rs.getInt(3));
      }
    }
  }

  @Test
  void aManagerWhoseAddressAnAdminSetReceivesTheScheduledReports() throws Exception {
    TestServers.startMail();
    String admin = api.staffToken("admin", "admin-demo-pass");
    String username = Api.unique("mgr-api").toLowerCase();
    Answer created =
        api.post(
            "/api/v1/ops/staff-users",
            "{\"username\":\""
                + username
                + "\",\"displayName\":\"API manager\",\"role\":\"SUPPLIER_MANAGER\",\"supplier\":\""
                + supplier
                + "\",\"language\":\"en\",\"password\":\"long-enough-password\"}",
            Api.bearer(admin));
    assertEquals(201, created.status(), created.body());
    // Wednesday 2026-11-11 07:00Z: daily 11-10 and weekly 11-02..11-08 are due.
    String sweep = "/api/v1/ops/reports/sweep?at=2026-11-11T07:00:00Z";
    assertEquals(200, api.post(sweep, "", Api.bearer(admin)).status());
    assertEquals(0, runs(username), "a manager without an address is not a recipient");

    String email = username + "@example.com";
    Answer changed =
        api.put(
            "/api/v1/ops/staff-users/" + username,
            "{\"email\":\"" + email.toUpperCase() + "\"}",
            Api.bearer(admin));
    assertEquals(200, changed.status(), changed.body());
    assertEquals(200, api.post(sweep, "", Api.bearer(admin)).status());
    Mails.until(() -> mails(email, ""), m -> m.size() >= 2, "the daily and the weekly report");
    assertEquals(1, mails(email, "2026-11-10").size(), "one daily report");
    assertEquals(2, runs(username));
  }

  /** How many scheduled report runs exist for a manager. */
  private static int runs(String username) throws java.sql.SQLException {
    try (Connection db = TestServers.database();
        PreparedStatement q =
            db.prepareStatement(
                "SELECT COUNT(*) FROM report_run r JOIN staff_user u ON u.id = r.staff_id"
                    + " WHERE u.username = ?")) {
      q.setString(1, username);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private List<MimeMessage> mails(String to, String containing) {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage m : TestServers.mail().getReceivedMessages()) {
      try {
        boolean match =
            Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                .anyMatch(a -> a.toString().equals(to));
        if (match && m.getSubject().contains(containing)) {
          found.add(m);
        }
      } catch (jakarta.mail.MessagingException e) {
        throw new AssertionError(e);
      }
    }
    return found;
  }

  private static String pdfText(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  private static JsonObject line(JsonObject report, String list, String sku, String batch) {
    return report.getJsonArray(list).stream()
        .map(v -> v.asJsonObject())
        .filter(
            l ->
                sku.equals(l.getString("sku"))
                    && (batch == null || batch.equals(l.getString("batch", null))))
        .findFirst()
        .orElseThrow(() -> new AssertionError(sku + "/" + batch + " not in " + report));
  }

  private String path(String resource, String extra) {
    return "/api/v1/supplier/" + resource + "?from=" + from + "&to=" + to + extra;
  }

  /** The JSON report of this test's period, with more query parameters. */
  private Answer report(String token, String query) {
    return api.get(path("reports", query.isEmpty() ? "" : "&" + query), Api.bearer(token));
  }

  /** A supplier manager of this test's supplier, signed in; returns the token. */
  private String manager(String language, String email) {
    String username = Api.unique("mgr").toLowerCase();
    try (Connection db = TestServers.database();
        PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO staff_user (username, display_name, password_hash, role, supplier_id,"
                    + " language, active, created_at, email)"
                    + " SELECT ?, ?, d.password_hash, 'SUPPLIER_MANAGER', s.id, ?, TRUE,"
                    + " UTC_TIMESTAMP(3), ? FROM staff_user d JOIN supplier s ON s.code = ?"
                    + " WHERE d.username = ?")) {
      insert.setString(1, username);
      insert.setString(2, "Manager " + username);
      insert.setString(3, language);
      insert.setString(4, email);
      insert.setString(5, supplier);
      insert.setString(6, DEMO_HASH_OF);
      assertEquals(1, insert.executeUpdate());
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
    lastManager = username;
    return api.staffToken(username, "supplier-demo-pass");
  }

  private String file(int order, String category, String description) {
    String buyer = api.buyerToken(orderNos.get(order), contacts.get(order));
    Answer filed =
        api.post(
            "/api/v1/tickets",
            "{\"orderNo\":\""
                + orderNos.get(order)
                + "\",\"category\":\""
                + category
                + "\",\"description\":\""
                + description
                + "\"}",
            Api.bearer(buyer));
    assertEquals(201, filed.status(), filed.body());
    return filed.json().getString("ticketNo");
  }

  private void act(String agent, String ticketNo, String json) {
    Answer a = api.post("/api/v1/ops/tickets/" + ticketNo + "/actions", json, Api.bearer(agent));
    assertEquals(200, a.status(), a.body());
  }

  private String order(String orderNo, String email, String sku, String batch) {
    String paidAt = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS).toString();
    return "{\"orderNo\":\""
        + orderNo
        + "\",\"buyer\":{\"email\":\""
        + email
        + "\"},\"product\":{\"sku\":\""
        + sku
        + "\",\"name\":\"Report product "
        + sku
        + "\",\"supplier\":{\"code\":\""
        + supplier
        + "\",\"name\":\"Report supplier "
        + supplier
        + "\"}},\"quantity\":1,\"amount\":\"10.00\",\"currency\":\"CNY\",\"paidAt\":\""
        + paidAt
        + "\",\"keys\":[{\"index\":0,\"code\":\"K-"
        + orderNo
        + "\",\"batch\":\""
        + batch
        + "\"}]}";
  }
}
