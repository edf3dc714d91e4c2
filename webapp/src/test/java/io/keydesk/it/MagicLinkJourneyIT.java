package io.keydesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

import io.keydesk.it.Api.Answer;
import io.keydesk.it.Mails.Mail;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A buyer on a phone opens the magic link of the delivery e-mail (received over real SMTP), lands
 * on their orders, shows a key with the one-time code from the next e-mail, switches to Chinese and
 * finds the unread message in the inbox. The same WAR and browser set-up as {@link
 * PortalJourneyIT}; screenshots go to {@code target/screenshots}.
 */
class MagicLinkJourneyIT extends BrowserIT {
  private static final Pattern CODE = Pattern.compile("is ([0-9]{6})\\.");

  private Browser open(String name, String languages) {
    return open(name, Device.PHONE, languages);
  }

  @Test
  void fromTheDeliveryMailToAShownKeyAndTheInbox() {
    String orderNo = Api.unique("MLJ");
    String contact = orderNo.toLowerCase() + "@example.com";
    String key = "KEY-" + orderNo + "-CLEAR";
    assertEquals(200, api.importOrder(orderNo, contact, "MLJ-SKU", key).status());
    String token = api.buyerToken(orderNo, contact);
    Answer resend =
        api.post(
            "/api/v1/buyer/orders/" + orderNo + "/delivery",
            "{\"language\":\"en\"}",
            Api.bearer(token));
    assertEquals(202, resend.status(), resend.body());
    Mail delivery = Mails.await(contact, m -> m.subject().startsWith("Your keys"));
    String link = delivery.magicToken();

    // A mail scanner fetches the link first, as some mail services do: loading the page does
    // not use the link up.
    Browser scanner = open("magic-scanner", "en-US,en");
    scanner.get("/m/" + link);
    scanner.waitFor(presenceOfElementLocated(By.id("magicForm:open")));

    // The buyer follows the link from the mail: one press, and onto the orders page, the key
    // masked.
    Browser buyer = open("magic", "en-US,en");
    buyer.get("/m/" + link);
    buyer.waitFor(textToBePresentInElementLocated(By.id("magicCard"), "Open your orders"));
    buyer.shoot("29-magic-open");
    buyer.submit("magicForm:open");
    buyer.waitFor(urlContains("/orders.xhtml"));
    WebElement order =
        buyer.waitFor(
            presenceOfElementLocated(By.xpath("//article[contains(., '" + orderNo + "')]")));
    assertFalse(buyer.source().contains(key), "the key is masked until it is asked for");
    assertTrue(order.findElement(By.cssSelector("code.masked")).getText().startsWith("****"));
    buyer.shoot("30-magic-orders");
    buyer.assertAccessibleForm();
    buyer.assertFitsTheScreen();

    // Show key: a code goes to the contact; a wrong one is refused with the attempts left.
    buyer.click(order.findElement(By.xpath(".//button[normalize-space()='Show key']")));
    buyer.waitFor(presenceOfElementLocated(By.cssSelector("input.otc")));
    buyer.waitFor(textToBePresentInElementLocated(By.cssSelector(".feedback"), "6-digit code"));
    Mail codeMail = Mails.await(contact, m -> m.subject().contains("verification code"));
    Matcher m = CODE.matcher(codeMail.text());
    assertTrue(m.find(), codeMail.text());
    String code = m.group(1);
    String wrong = (code.charAt(0) == '9' ? "0" : "9") + code.substring(1);
    buyer.assertAccessibleForm();
    buyer.type(buyer.driver.findElement(By.cssSelector("input.otc")).getDomAttribute("id"), wrong);
    buyer.click(By.xpath("//button[normalize-space()='Show my key']"));
    buyer.waitFor(
        textToBePresentInElementLocated(By.cssSelector(".feedback.error"), "Attempts left: 4"));
    buyer.shoot("31-magic-wrong-code");
    buyer.type(buyer.driver.findElement(By.cssSelector("input.otc")).getDomAttribute("id"), code);
    buyer.click(By.xpath("//button[normalize-space()='Show my key']"));
    buyer.waitFor(textToBePresentInElementLocated(By.cssSelector("code.secret-code"), key));
    assertFalse(buyer.all(By.xpath("//button[normalize-space()='Copy']")).isEmpty());
    buyer.shoot("32-magic-key-shown");
    buyer.assertFitsTheScreen();

    // Re-send the delivery: once more is allowed (the API call above was the first this hour),
    // then the limit is said plainly.
    buyer.click(By.xpath("//button[normalize-space()='Re-send delivery e-mail']"));
    buyer.waitFor(
        textToBePresentInElementLocated(By.cssSelector(".feedback.resend"), "sent the delivery"));
    Mails.until(() -> Mails.to(contact).size(), n -> n >= 3, "the second delivery mail");
    buyer.click(By.xpath("//button[normalize-space()='Re-send delivery e-mail']"));
    buyer.waitFor(
        textToBePresentInElementLocated(
            By.cssSelector(".feedback.resend.error"), "at most twice an hour"));
    buyer.shoot("32b-magic-resend-limited");

    // Chinese, and the inbox with its unread notes about the re-sent deliveries.
    Mails.until(
        () -> api.get("/api/v1/buyer/inbox", Api.bearer(token)).json().getInt("unread"),
        n -> n == 2,
        "two inbox notes");
    buyer.submit("lang:switch");
    buyer.waitFor(textToBePresentInElementLocated(By.tagName("h1"), "订单"));
    assertEquals("zh-CN", buyer.htmlLang());
    WebElement badge =
        buyer.waitFor(presenceOfElementLocated(By.cssSelector(".inbox-link .badge")));
    assertEquals("2", badge.getText(), "two unread notes: one per re-sent delivery");
    buyer.shoot("33-magic-orders-zh");
    buyer.click(By.cssSelector(".inbox-link"));
    buyer.waitFor(urlContains("/inbox.xhtml"));
    buyer.waitFor(textToBePresentInElementLocated(By.cssSelector("li.message.unread"), orderNo));
    assertFalse(buyer.source().contains(key), "the inbox never shows keys");
    buyer.shoot("34-inbox-zh");
    buyer.assertFitsTheScreen();
    buyer.click(By.xpath("//button[normalize-space()='全部标为已读']"));
    buyer.waitFor(d -> d.findElements(By.cssSelector("li.message.unread")).isEmpty());
    buyer.waitFor(d -> d.findElements(By.cssSelector(".inbox-link .badge")).isEmpty());
    buyer.shoot("35-inbox-read");

    // The same link again, in another browser: used, so the form with one clear message.
    Browser other = open("magic-used", "en-US,en");
    other.get("/m/" + link);
    other.submit("magicForm:open");
    other.waitFor(textToBePresentInElementLocated(By.id("messages"), "not valid any more"));
    assertTrue(other.path().endsWith("/index.xhtml"), other.path());
    other.waitFor(presenceOfElementLocated(By.id("find:orderNo")));
    other.shoot("36-magic-used");
  }
}
