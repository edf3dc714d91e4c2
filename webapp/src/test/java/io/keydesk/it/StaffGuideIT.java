package io.keydesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import io.keydesk.it.Api.Answer;
import io.keydesk.it.Claims.Buyer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The pictures of docs/staff-guide.md: every console screen on a laptop, signed in as each role
 * (agent, supervisor, supplier manager, admin), in English, and the queue and ticket view in
 * Chinese. Each screen is checked for what the guide says it shows before it is photographed
 * ({@code target/screenshots/staff-*.png}, copied by docs/images/update-staff-guide.sh).
 */
class StaffGuideIT extends BrowserIT {
  private static final String PRODUCT = "Steam Wallet 100 CNY";

  @Test
  void everyConsoleScreenForTheStaffGuide() {
    // A few cases for the queue, on a product of the demo supplier manager's supplier (VALVE-CN).
    String sku = Api.unique("GUIDE");
    Claims claims = new Claims(api);
    // The same key sold twice: the first buyer's wrong purchase is refunded automatically, so the
    // second buyer's claim on it goes to an agent with a reason (a duplicate fingerprint).
    String code = "CODE-" + sku + "-A";
    Buyer first = order(sku, code);
    Answer refunded = claims.file(first, "WRONG_PURCHASE");
    assertEquals(201, refunded.status(), refunded.body());
    Buyer buyer = order(sku, code);
    Answer filed =
        claims.file(
            buyer,
            "INVALID_KEY",
            Api.uniqueIp(),
            Map.of(
                "keyIndex", 0,
                "language", "en",
                "errorText", "Steam: this code has already been redeemed (E-102)"));
    assertEquals(201, filed.status(), filed.body());
    JsonObject ticket = filed.json();
    assertEquals("IN_REVIEW", ticket.getString("status"), filed.body());
    String ticketNo = ticket.getString("ticketNo");
    assertEquals("REVIEW", Claims.decision(ticket));
    assertTrue(Claims.reasonCodes(ticket).contains("DUPLICATE_FINGERPRINT"), filed.body());
    Answer evidence =
        api.multipart(
            "/api/v1/tickets/" + ticketNo + "/attachments",
            List.of(
                Api.FilePart.file(
                    "steam-error.txt",
                    "text/plain",
                    "Steam says: this code has already been redeemed (E-102)"
                        .getBytes(StandardCharsets.UTF_8))),
            Api.bearer(buyer.token()));
    assertEquals(201, evidence.status(), evidence.body());
    for (String category : List.of("WRONG_PURCHASE", "OTHER")) {
      Buyer other = order(sku, "CODE-" + sku + "-" + category);
      Answer more =
          claims.file(
              other, category, Api.uniqueIp(), Map.of("handoff", true, "language", "zh-CN"));
      assertEquals(201, more.status(), more.body());
    }

    // Agent: sign in, the queue from the menu, the case, the audited reveal, a canned reply.
    Browser agent = open("agent", Device.LAPTOP, "en-US,en");
    agent.get("/console/index.xhtml");
    agent.waitFor(presenceOfElementLocated(By.id("login:username")));
    assertEquals("Staff sign in", agent.text(By.tagName("h1")));
    agent.shoot("staff-01-sign-in");
    signIn(agent, "agent", "agent-demo-pass");
    agent.waitFor(urlContains("/console/index.xhtml"));
    agent.click(By.id("nav:menuQueue"));
    agent.waitFor(presenceOfElementLocated(By.id("tickets")));
    assertEquals("Ticket queue", agent.text(By.tagName("h1")));
    WebElement link = agent.findInQueue(ticketNo);
    WebElement row = link.findElement(By.xpath("ancestor::tr"));
    assertTrue(row.getText().contains(PRODUCT), row.getText());
    agent.shoot("staff-02-queue");

    agent.click(agent.findInQueue(ticketNo));
    agent.waitFor(presenceOfElementLocated(By.id("work:text")));
    assertEquals("Case " + ticketNo, agent.text(By.tagName("h1")));
    assertEquals("With an agent", agent.text(By.id("status")));
    assertEquals(buyer.email(), agent.text(By.id("contact")));
    assertTrue(agent.text(By.id("keys")).contains("****-"), "the key is masked");
    String evidenceText = agent.text(By.id("evidence"));
    assertTrue(evidenceText.contains("already been redeemed (E-102)"), evidenceText);
    assertTrue(evidenceText.contains("steam-error.txt"), evidenceText);
    String risk = agent.text(By.id("risk"));
    assertTrue(risk.contains("REVIEW") && risk.contains("DUPLICATE_FINGERPRINT"), risk);
    assertFalse(agent.source().contains("CODE-" + sku), "no key in clear on the page");
    agent.assertFitsTheScreen();
    agent.shoot("staff-03-ticket");

    agent.click(By.cssSelector("#keys button[id$=':reveal']"));
    agent.waitFor(visibilityOfElementLocated(By.id("work:confirmYes")));
    assertTrue(
        agent.text(By.cssSelector(".ui-confirm-dialog")).contains("recorded in the audit log"),
        "the confirmation says the reveal is audited");
    agent.shoot("staff-04-reveal-confirm");
    agent.click(By.id("work:confirmYes"));
    agent.waitFor(textToBePresentInElementLocated(By.id("work:revealBox"), code));
    agent.get("/console/ticket.xhtml?no=" + ticketNo);
    agent.waitFor(presenceOfElementLocated(By.id("work:text")));
    assertFalse(agent.source().contains("CODE-" + sku), "a new page forgets the key");

    agent.pick("work:canned", "key-replaced (en)");
    agent.waitFor(
        d -> d.findElement(By.id("work:text")).getDomProperty("value").contains(buyer.orderNo()));
    String reply = agent.driver.findElement(By.id("work:text")).getDomProperty("value");
    agent.click(By.id("work:reply"));
    agent.click(By.id("work:confirmYes"));
    agent.waitFor(textToBePresentInElementLocated(By.id("timeline"), reply));
    agent.waitFor(textToBePresentInElementLocated(By.id("messages"), "Done."));
    agent.shoot("staff-05-ticket-replied");

    // The same queue and case in Chinese.
    Browser zh = open("agent-zh", Device.LAPTOP, "zh-CN,zh");
    zh.get("/console/index.xhtml");
    signIn(zh, "agent", "agent-demo-pass");
    zh.waitFor(urlContains("/console/index.xhtml"));
    zh.click(By.id("nav:menuQueue"));
    zh.waitFor(presenceOfElementLocated(By.id("tickets")));
    assertEquals("工单队列", zh.text(By.tagName("h1")));
    WebElement zhRow = zh.findInQueue(ticketNo).findElement(By.xpath("ancestor::tr"));
    assertTrue(zhRow.getText().contains("卡密无效"), zhRow.getText());
    zh.shoot("staff-zh-02-queue");
    zh.click(zh.findInQueue(ticketNo));
    zh.waitFor(presenceOfElementLocated(By.id("work:text")));
    assertEquals("工单 " + ticketNo, zh.text(By.tagName("h1")));
    assertEquals("客服处理中", zh.text(By.id("status")));
    assertTrue(zh.text(By.id("evidence")).contains("证据"));
    zh.assertFitsTheScreen();
    zh.shoot("staff-zh-03-ticket");

    // Supervisor: canned replies, the live dashboard, the forecast.
    Browser supervisor = open("supervisor", Device.LAPTOP, "en-US,en");
    supervisor.get("/console/index.xhtml");
    signIn(supervisor, "supervisor", "supervisor-demo-pass");
    supervisor.waitFor(urlContains("/console/index.xhtml"));
    supervisor.click(By.id("nav:menuCanned"));
    supervisor.waitFor(urlContains("/console/canned-replies.xhtml"));
    assertEquals("Canned replies", supervisor.text(By.tagName("h1")));
    String replies = supervisor.text(By.id("canned:replies"));
    assertTrue(replies.contains("key-replaced") && replies.contains("need-screenshot"), replies);
    supervisor.shoot("staff-06-canned-replies");

    supervisor.click(By.id("nav:menuDashboard"));
    supervisor.waitFor(urlContains("/console/dashboard.xhtml"));
    supervisor.waitFor(
        d -> "open".equals(d.findElement(By.tagName("html")).getDomAttribute("data-live")));
    assertEquals("Live dashboard", supervisor.text(By.tagName("h1")));
    assertTrue(supervisor.text(By.id("main")).contains("Deadline breaches"));
    supervisor.waitFor(
        presenceOfElementLocated(By.cssSelector("[id$='productTrend'] canvas, #funnel canvas")));
    supervisor.assertFitsTheScreen();
    settle();
    supervisor.shoot("staff-07-dashboard");

    supervisor.click(By.id("nav:menuForecast"));
    supervisor.waitFor(urlContains("/console/forecast.xhtml"));
    assertEquals("Staffing forecast", supervisor.text(By.tagName("h1")));
    assertTrue(supervisor.text(By.id("backtest")).contains("All categories"));
    assertTrue(supervisor.text(By.id("backtest")).contains("Mean absolute error"));
    supervisor.waitFor(presenceOfElementLocated(By.cssSelector("[id$='forecastChart'] canvas")));
    supervisor.assertFitsTheScreen();
    settle();
    supervisor.shoot("staff-08-forecast");

    // Supplier manager: their own supplier's report, with the product filed about above.
    Browser manager = open("supplier-manager", Device.LAPTOP, "en-US,en");
    manager.get("/console/reports.xhtml");
    signIn(manager, "supplier", "supplier-demo-pass");
    manager.waitFor(urlContains("/console/reports.xhtml"));
    manager.waitFor(presenceOfElementLocated(By.id("totalOrders")));
    manager.waitFor(presenceOfElementLocated(By.cssSelector("#report\\:dailyChart canvas")));
    assertEquals("Supplier reports", manager.text(By.tagName("h1")));
    String report = manager.text(By.id("main"));
    assertTrue(report.contains(sku + " · " + PRODUCT), "the product is in the report");
    assertTrue(report.contains("B-" + sku), "and its key batch");
    assertFalse(manager.source().contains(buyer.email()), "never a buyer's contact");
    assertFalse(manager.source().contains(buyer.orderNo()), "never an order number");
    manager.assertFitsTheScreen();
    settle();
    manager.shoot("staff-09-supplier-report");

    // Admin: each configuration page, and the audit chain checked (the reveal is in it).
    Browser admin = open("admin", Device.LAPTOP, "en-US,en");
    admin.get("/console/index.xhtml");
    signIn(admin, "admin", "admin-demo-pass");
    admin.waitFor(urlContains("/console/index.xhtml"));
    admin.click(By.id("nav:menuConfig"));
    admin.waitFor(urlContains("/console/admin/categories.xhtml"));
    assertEquals("Categories and targets", admin.text(By.tagName("h1")));
    assertTrue(admin.text(By.id("categoryTable")).contains("INVALID_KEY"));
    admin.shoot("staff-10-categories");

    admin.click(By.id("tabRisk"));
    admin.waitFor(urlContains("/console/admin/risk.xhtml"));
    assertEquals("Risk rules", admin.text(By.tagName("h1")));
    admin.waitFor(presenceOfElementLocated(By.id("settingTable")));
    admin.shoot("staff-11-risk");

    admin.click(By.id("tabKnowledge"));
    admin.waitFor(urlContains("/console/admin/knowledge.xhtml"));
    assertEquals("Knowledge base", admin.text(By.tagName("h1")));
    admin.waitFor(presenceOfElementLocated(By.id("articleTable")));
    admin.shoot("staff-12-knowledge");

    admin.click(By.id("tabStaff"));
    admin.waitFor(urlContains("/console/admin/staff.xhtml"));
    assertEquals("Staff users", admin.text(By.tagName("h1")));
    String users = admin.text(By.id("userTable"));
    for (String user : List.of("agent", "supervisor", "supplier", "admin")) {
      assertTrue(users.contains(user), users);
    }
    admin.shoot("staff-13-staff-users");

    admin.click(By.id("tabAudit"));
    admin.waitFor(urlContains("/console/admin/audit.xhtml"));
    assertEquals("Audit log", admin.text(By.tagName("h1")));
    WebElement all = admin.waitFor(presenceOfElementLocated(By.id("auditTable")));
    admin.type("entries:action", "staff.");
    admin.click(By.id("entries:filter"));
    admin.waitFor(d -> Browser.isGone(all));
    admin.waitFor(textToBePresentInElementLocated(By.id("auditTable"), "staff.key.revealed"));
    for (WebElement action : admin.all(By.cssSelector("#auditTable tbody td:nth-child(4)"))) {
      assertTrue(action.getText().startsWith("staff."), action.getText());
    }
    admin.click(By.id("verify:run"));
    admin.waitFor(presenceOfElementLocated(By.id("verify:result")));
    String result = admin.text(By.id("verify:result"));
    assertTrue(result.contains("The chain is intact up to entry"), result);
    admin.assertFitsTheScreen();
    admin.shoot("staff-14-audit");
  }

  /** Lets the charts finish their drawing animation, for the picture only. */
  private static void settle() {
    try {
      Thread.sleep(1500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void signIn(Browser browser, String username, String password) {
    browser.waitFor(presenceOfElementLocated(By.id("login:username")));
    browser.type("login:username", username);
    browser.type("login:password", password);
    browser.submit("login:submit");
  }

  /** A paid order of one key from the demo supplier VALVE-CN, and its buyer's session. */
  private Buyer order(String sku, String code) {
    String orderNo = Api.unique("GD");
    String email = orderNo.toLowerCase() + "@example.com";
    String body =
        Json.createObjectBuilder()
            .add("orderNo", orderNo)
            .add("buyer", Json.createObjectBuilder().add("email", email))
            .add(
                "product",
                Json.createObjectBuilder()
                    .add("sku", sku)
                    .add("name", PRODUCT)
                    .add(
                        "supplier",
                        Json.createObjectBuilder()
                            .add("code", "VALVE-CN")
                            .add("name", "Valve CN distributor")))
            .add("quantity", 1)
            .add("amount", "100.00")
            .add("currency", "CNY")
            .add("paidAt", Instant.now().minus(1, ChronoUnit.HOURS).toString())
            .add(
                "keys",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("index", 0)
                            .add("code", code)
                            .add("batch", "B-" + sku)))
            .build()
            .toString();
    Answer a = api.signed("/api/v1/orders", body);
    assertEquals(200, a.status(), a.body());
    return new Buyer(orderNo, email, api.buyerToken(orderNo, email));
  }
}
