package io.keydesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The guided filing flow as a buyer on a phone uses it (issue 4, item 2–4 and 9): each category to
 * its outcome — solved automatically, refused or queued with its deadline —, a help answer that
 * ends the case, evidence accepted and refused, expert mode remembered, a language switch in the
 * middle of a case and "talk to a human". Real headless Chromium against the deployed WAR with the
 * simulated supplier; screenshots in {@code target/screenshots}.
 */
class FilingFlowIT extends BrowserIT {
  Claims claims;

  @BeforeEach
  void claims() {
    claims = new Claims(api);
  }

  @Test
  void eachCaseEndsInItsOutcomeOnTheSamePage() throws SQLException {
    String email = Api.unique("flow").toLowerCase() + "@example.com";
    String sku = Api.unique("FLOW-SKU");
    String delivered = order(email, sku, "DELIVERED-" + Api.unique("K"));
    String mistaken = order(email, sku, "UNREVEALED-" + Api.unique("K"));
    String charged = order(email, sku, "PAID-" + Api.unique("K"));
    Browser buyer = signIn("novice", email, delivered);

    // Not received, key delivered: the delivery goes out again at once.
    start(buyer, delivered);
    assertTrue(buyer.text(By.id("progress")).contains("2 of 5"), "the order came with the link");
    buyer.assertAccessibleForm();
    buyer.assertFitsTheScreen();
    String flowId = buyer.driver.findElement(By.id("flow")).getDomAttribute("data-session");
    chooseCategory(buyer, "NOT_RECEIVED");
    skipAnswers(buyer);
    buyer.waitFor(textToBePresentInElementLocated(By.id("form"), "Your delivery"));
    buyer.shoot("30-flow-not-received-details");
    buyer.submit("form:next");
    buyer.submit("form:submit");
    outcome(buyer, "Solved automatically");
    buyer.shoot("31-flow-not-received-outcome");
    assertTrue(buyer.text(By.id("outcome")).contains("Show my key"), "the key is one tap away");
    assertEquals(
        1,
        Claims.count(
            "SELECT COUNT(*) FROM outbox_event WHERE aggregate_id = ? AND payload LIKE ?",
            flowId,
            "%\"SUBMITTED\"%"),
        "the funnel heard the submission");
    assertTrue(
        Claims.count(
                "SELECT COUNT(*) FROM outbox_event WHERE aggregate_id = ? AND payload LIKE ?",
                flowId,
                "%\"VIEWED\"%")
            >= 4,
        "every step reported that it was shown");

    // Bought by mistake, never revealed: refunded; the form asks only what they meant to buy.
    start(buyer, mistaken);
    chooseCategory(buyer, "WRONG_PURCHASE");
    skipAnswers(buyer);
    buyer.submit("form:next");
    buyer.waitFor(textToBePresentInElementLocated(By.id("form"), "Tell us what you meant to buy"));
    buyer.type("form:intendedProduct", "Steam Wallet 50 CNY");
    buyer.submit("form:next");
    buyer.submit("form:submit");
    outcome(buyer, "Solved automatically");
    assertTrue(buyer.text(By.id("outcome")).contains("Refunded"), buyer.text(By.id("outcome")));
    buyer.shoot("32-flow-refund-outcome");

    // A payment problem goes to an agent, with the deadline it will be handled by.
    start(buyer, charged);
    chooseCategory(buyer, "PAYMENT_ISSUE");
    skipAnswers(buyer);
    buyer.submit("form:next");
    buyer.waitFor(
        textToBePresentInElementLocated(
            By.id("form"), "Please describe the problem in a few words"));
    buyer.type("form:description", "The receipt of order " + charged + " shows 300 instead of 30");
    buyer.submit("form:next");
    buyer.submit("form:submit");
    outcome(buyer, "An agent will handle your case");
    assertTrue(buyer.text(By.id("deadline")).contains("It will be resolved by"));
    assertFalse(
        buyer
            .driver
            .findElement(By.cssSelector("#deadline time"))
            .getDomAttribute("datetime")
            .isBlank());
    buyer.shoot("33-flow-queued-outcome");
    buyer.click(By.id("form:caseLink"));
    buyer.waitFor(urlContains("/ticket.xhtml"));
    buyer.waitFor(textToBePresentInElementLocated(By.id("description"), "300 instead of 30"));
  }

  @Test
  void evidenceAnswersAndAHumanInExpertModeAndChinese() throws IOException, SQLException {
    String email = Api.unique("flow").toLowerCase() + "@example.com";
    String sku = Api.unique("FLOW-SKU");
    String defective = order(email, sku, "DEFECT-" + Api.unique("K"));
    claims.stock(sku, "FRESH-" + sku, "FRESH-" + Api.unique("K"));
    String question = order(email, sku, "HELP-" + Api.unique("K"));
    String other = order(email, sku, "OTHER-" + Api.unique("K"));
    Browser buyer = signIn("expert", email, defective);

    // The buyer types; the classifier picks "key does not work" as they type.
    start(buyer, defective);
    buyer.driver.findElement(By.id("form:description")).sendKeys("code says already redeemed");
    buyer.waitFor(textToBePresentInElementLocated(By.id("form:suggestion"), "Key does not work"));
    buyer.waitFor(
        d -> d.findElement(By.cssSelector("input[type=radio][value=INVALID_KEY]")).isSelected());
    buyer.shoot("34-flow-classified");
    buyer.submit("form:next");
    skipAnswers(buyer);
    buyer.type("form:errorText", "Steam: this code has already been redeemed");
    buyer.submit("form:next");

    // Evidence: a real PNG is kept with its SHA-256, HTML named .png is refused by its content.
    Path dir = Files.createTempDirectory("flow-evidence");
    Path screenshot = dir.resolve("screenshot.png");
    Files.write(screenshot, Images.png());
    Path fake = dir.resolve("not-an-image.png");
    Files.writeString(fake, "<html><script>alert(1)</script></html>", StandardCharsets.UTF_8);
    buyer
        .driver
        .findElement(By.id("form:newFiles"))
        .sendKeys(screenshot.toAbsolutePath() + "\n" + fake.toAbsolutePath());
    buyer.submit("form:addFiles");
    assertTrue(
        buyer
            .text(By.id("rejected"))
            .contains("not-an-image.png: this type of file is not accepted"),
        buyer.text(By.id("rejected")));
    assertTrue(buyer.text(By.id("files")).contains("screenshot.png"));
    assertTrue(buyer.text(By.id("files")).matches("(?s).*SHA-256 [0-9a-f]{64}.*"));
    buyer.shoot("35-flow-evidence");
    buyer.submit("form:back");
    assertEquals(
        "Steam: this code has already been redeemed",
        buyer.driver.findElement(By.id("form:errorText")).getDomProperty("value"),
        "a refused file loses nothing the buyer typed");
    buyer.submit("form:next");
    buyer.submit("form:submit");
    outcome(buyer, "Solved automatically");
    assertTrue(buyer.text(By.id("outcome")).contains("Key replaced"), buyer.text(By.id("outcome")));
    buyer.shoot("36-flow-replaced-outcome");
    String token = api.buyerToken(defective, email);
    JsonObject ticket =
        api.get("/api/v1/buyer/tickets", Api.bearer(token)).array().getJsonObject(0);
    assertEquals(
        1,
        api.get(
                "/api/v1/tickets/" + ticket.getString("ticketNo") + "/attachments",
                Api.bearer(token))
            .array()
            .size(),
        "the accepted file is on the case");

    // A help answer solves the question: no case, a deflection.
    start(buyer, question);
    chooseCategory(buyer, "USAGE_HELP");
    buyer.waitFor(presenceOfElementLocated(By.id("answersTitle")));
    buyer.shoot("37-flow-answers");
    long before = Claims.count("SELECT COUNT(*) FROM kb_deflection");
    buyer.submit(
        buyer
            .driver
            .findElement(By.cssSelector(".answer input[type=submit]"))
            .getDomAttribute("id"));
    outcome(buyer, "Glad it is solved");
    assertEquals(before + 1, Claims.count("SELECT COUNT(*) FROM kb_deflection"));
    assertEquals(
        0,
        Claims.count(
            "SELECT COUNT(*) FROM ticket t JOIN shop_order o ON o.id = t.order_id WHERE o.order_no = ?",
            question),
        "no case was opened");

    // Expert mode: the whole case on one page, remembered; then Chinese, then a human.
    start(buyer, other);
    buyer.submit("form:mode");
    assertTrue(buyer.all(By.id("form:next")).isEmpty(), "no steps in expert mode");
    assertFalse(buyer.all(By.id("form:newFiles")).isEmpty(), "files on the same page");
    assertFalse(buyer.all(By.id("form:submit")).isEmpty());
    buyer.type("form:description", "我想找人工客服，问题比较复杂");
    // What was typed reaches the page's state with the classification, 0.5 s after the last key;
    // switching within that half second loses it (a known gap: docs/architecture.md, filing flow).
    buyer.waitFor(d -> !d.findElement(By.id("form:suggestion")).getText().isBlank());
    buyer.submit("lang:switch");
    assertEquals("zh-CN", buyer.htmlLang());
    assertEquals(
        "我想找人工客服，问题比较复杂",
        buyer.driver.findElement(By.id("form:description")).getDomProperty("value"),
        "switching the language keeps what was typed");
    buyer.shoot("38-flow-expert-zh");
    buyer.assertAccessibleForm();
    buyer.submit("form:handoff");
    outcome(buyer, "客服将处理您的申请");
    buyer.shoot("39-flow-handoff-outcome");
    assertEquals(
        1,
        Claims.count(
            "SELECT COUNT(*) FROM ticket t JOIN shop_order o ON o.id = t.order_id"
                + " WHERE o.order_no = ? AND t.status = 'IN_REVIEW' AND t.auto_action IS NULL",
            other),
        "the case waits for an agent");
    buyer.get("/new-ticket.xhtml?order=" + other);
    buyer.waitFor(presenceOfElementLocated(By.id("form:submit")));
    assertTrue(buyer.all(By.id("form:next")).isEmpty(), "expert mode is remembered");
  }

  @Test
  void aKeyTheSupplierSaysIsValidGetsGuidanceAndTheBuyerClosesTheCaseWhenItWorks() {
    String email = Api.unique("flow").toLowerCase() + "@example.com";
    String sku = Api.unique("FLOW-SKU");
    String valid = order(email, sku, "WORKS-" + Api.unique("K"));
    Browser buyer = signIn("valid", email, valid);

    start(buyer, valid);
    buyer.click(By.cssSelector("input[type=radio][value=INVALID_KEY]"));
    buyer.waitFor(
        d -> d.findElement(By.cssSelector("input[type=radio][value=INVALID_KEY]")).isSelected());
    if (!buyer.all(By.id("form:description")).isEmpty()) {
      buyer.type("form:description", "Steam says the code is invalid");
    }
    buyer.submit("form:next");
    skipAnswers(buyer);
    if (!buyer.all(By.id("form:description")).isEmpty()) {
      buyer.type("form:description", "Steam says the code is invalid");
      buyer.submit("form:next");
    }
    buyer.type("form:errorText", "Steam: invalid product code");
    buyer.submit("form:next");
    buyer.submit("form:submit");
    outcome(buyer, "An agent will handle your case");
    assertTrue(
        buyer.text(By.id("reviewReason")).contains("valid and unused"),
        buyer.text(By.id("reviewReason")));
    assertTrue(
        buyer.text(By.id("reviewReason")).contains("product's redemption guide"),
        "the apostrophe survives: " + buyer.text(By.id("reviewReason")));
    buyer.shoot("40-flow-valid-key-guidance");
    buyer.assertFitsTheScreen();

    buyer.submit("form:markSolved");
    outcome(buyer, "Glad it works");
    assertTrue(buyer.all(By.id("form:markSolved")).isEmpty());
    buyer.shoot("41-flow-valid-key-solved");
    String token = api.buyerToken(valid, email);
    JsonObject ticket =
        api.get("/api/v1/buyer/tickets", Api.bearer(token)).array().getJsonObject(0);
    assertEquals("RESOLVED", ticket.getString("status"), ticket.toString());
  }

  @Test
  void aPurchasePaidTwiceIsRefundedAtOnceWhenTheBuyerTicksTheBox() throws SQLException {
    String email = Api.unique("twice").toLowerCase() + "@example.com";
    String sku = Api.unique("FLOW-SKU");
    String first = order(email, sku, "FIRST-" + Api.unique("K"));
    String paidAgain = order(email, sku, "AGAIN-" + Api.unique("K"));
    Browser buyer = signIn("twice", email, first);

    // Paid twice for the same purchase (the same product and amount, minutes apart): the buyer
    // says so with the tick box and the repeat order, its key never shown, is refunded at once.
    start(buyer, paidAgain);
    chooseCategory(buyer, "PAYMENT_ISSUE");
    skipAnswers(buyer);
    buyer.waitFor(presenceOfElementLocated(By.id("form:chargedTwice")));
    buyer.assertAccessibleForm();
    buyer.click(By.id("form:chargedTwice"));
    WebElement tick = buyer.driver.findElement(By.id("form:chargedTwice"));
    buyer.type("form:description", "Paid twice, the page froze");
    // Typing is read by the classifier half a second later, which draws this step again: the
    // tick must survive that.
    buyer.waitFor(d -> Browser.isGone(tick));
    assertTrue(buyer.driver.findElement(By.id("form:chargedTwice")).isSelected());
    buyer.shoot("36-flow-charged-twice");
    buyer.submit("form:next");
    buyer.submit("form:submit");
    outcome(buyer, "Solved automatically");
    assertTrue(buyer.text(By.id("outcome")).contains("paid twice"), buyer.text(By.id("outcome")));
    assertEquals(
        1,
        Claims.count(
            "SELECT COUNT(*) FROM ticket t JOIN shop_order o ON o.id = t.order_id"
                + " WHERE o.order_no = ? AND t.auto_action = 'REFUNDED_DUPLICATE'",
            paidAgain));
    buyer.shoot("37-flow-charged-twice-outcome");
  }

  private String order(String email, String sku, String code) {
    String orderNo = Api.unique("FLOW");
    claims.order(orderNo, email, sku, "SUP-FLOW", 1, "30.00", code);
    return orderNo;
  }

  private Browser signIn(String name, String email, String orderNo) {
    Browser buyer = open(name, Device.PHONE, "en-US,en");
    buyer.get("/");
    buyer.type("find:orderNo", orderNo);
    buyer.type("find:contact", email);
    buyer.submit("find:submit");
    buyer.waitFor(urlContains("/orders.xhtml"));
    return buyer;
  }

  private static void start(Browser buyer, String orderNo) {
    buyer.get("/new-ticket.xhtml?order=" + orderNo);
    buyer.waitFor(presenceOfElementLocated(By.id("flow")));
  }

  private static void chooseCategory(Browser buyer, String code) {
    buyer.click(By.cssSelector("input[type=radio][value=" + code + "]"));
    buyer.submit("form:next");
  }

  /** Help answers come first when there are any; the buyer goes on. */
  private static void skipAnswers(Browser buyer) {
    if (!buyer.all(By.id("answersTitle")).isEmpty()) {
      buyer.submit("form:next");
    }
  }

  private static void outcome(Browser buyer, String heading) {
    buyer.waitFor(textToBePresentInElementLocated(By.id("outcome"), heading));
  }
}
