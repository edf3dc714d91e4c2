package io.keydesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A buyer on a phone reports a key that does not work; an agent on a 1366x768 laptop handles the
 * case end to end (sign in, queue, ticket view, canned reply, replace the key) and the buyer's open
 * page shows the result live; in English and in Chinese. Real headless Chromium against the
 * deployed WAR; screenshots of every step go to {@code target/screenshots}.
 */
class PortalJourneyIT extends BrowserIT {

  @Test
  void aBuyerOnAPhoneReportsABadKeyAndFollowsTheCaseUntilAnAgentResolvesIt() {
    String orderNo = Api.unique("WEB");
    String contact = orderNo.toLowerCase() + "@example.com";
    String code = "KEY-" + orderNo + "-PLAINTEXT";
    assertEquals(200, api.importOrder(orderNo, contact, "WEB-SKU", code).status());
    Browser buyer = open("buyer", Device.PHONE, "en-US,en");

    // A wrong contact: an error, no session, nothing else.
    buyer.get("/");
    buyer.shoot("01-find");
    buyer.assertAccessibleForm();
    buyer.type("find:orderNo", orderNo);
    buyer.type("find:contact", "someone-else@example.com");
    buyer.submit("find:submit");
    buyer.waitFor(textToBePresentInElementLocated(By.id("messages"), "We found no order"));
    buyer.shoot("02-find-wrong-contact");
    assertTrue(buyer.path().endsWith("/index.xhtml") || buyer.path().endsWith("/"), buyer.path());
    assertTrue(buyer.all(By.id("tickets")).isEmpty(), "no orders are shown");
    buyer.get("/orders.xhtml");
    buyer.waitFor(presenceOfElementLocated(By.id("find:orderNo")));
    assertTrue(buyer.path().endsWith("/index.xhtml"), "no session was opened: " + buyer.path());

    // The right contact, with the keyboard only: Tab to the fields, Enter submits.
    buyer.get("/");
    buyer.tabTo("find:orderNo", 8);
    buyer.keys(orderNo, Keys.TAB);
    assertEquals("find:contact", buyer.focusedId(), "Tab moves from the order number to contact");
    buyer.keys(contact, Keys.ENTER);
    buyer.waitFor(urlContains("/orders.xhtml"));
    buyer.waitFor(presenceOfElementLocated(By.cssSelector("article.order")));
    assertTrue(
        buyer.driver.findElements(By.id("tickets")).isEmpty(), "no empty list of cases is shown");
    buyer.shoot("03-orders");
    assertFalse(buyer.source().contains(code), "the plaintext key never reaches the page");
    WebElement order =
        buyer.driver.findElement(By.xpath("//article[contains(., '" + orderNo + "')]"));
    String masked = order.findElement(By.tagName("code")).getText();
    assertTrue(masked.startsWith("****-"), "the key is shown masked: " + masked);
    buyer.assertFitsTheScreen();

    // Report a problem: the key does not work.
    buyer.click(order.findElement(By.linkText("Report a problem")));
    buyer.waitFor(presenceOfElementLocated(By.id("form:description")));
    assertTrue(buyer.path().endsWith("/new-ticket.xhtml"), buyer.path());
    buyer.shoot("04-new-ticket");
    buyer.assertAccessibleForm();
    buyer.assertFitsTheScreen();
    assertFalse(buyer.source().contains(code), "the plaintext key never reaches the form");
    buyer.click(By.cssSelector("input[type=radio][value=INVALID_KEY]"));
    buyer.waitFor(
        d -> d.findElement(By.cssSelector("input[type=radio][value=INVALID_KEY]")).isSelected());
    String description = "The shop says 'code already redeemed' for order " + orderNo;
    buyer.type("form:description", description);
    buyer.shoot("05-new-ticket-filled");
    buyer.submit("form:next");
    if (!buyer.all(By.id("answersTitle")).isEmpty()) {
      buyer.submit("form:next"); // the help answers did not solve it
    }
    buyer.type("form:errorText", "code already redeemed");
    buyer.submit("form:next");
    buyer.submit("form:submit");
    buyer.waitFor(textToBePresentInElementLocated(By.id("outcome"), "An agent will handle"));
    buyer.click(By.id("form:caseLink"));
    buyer.waitFor(urlContains("/ticket.xhtml?no="));
    String ticketNo = buyer.driver.getCurrentUrl().replaceAll(".*[?&]no=([^&]+).*", "$1");
    buyer.waitFor(textToBe(By.id("status"), "With an agent"));
    buyer.shoot("06-ticket-submitted");
    assertTrue(buyer.text(By.id("ticketTitle")).contains(ticketNo));
    String timeline = buyer.text(By.id("timeline"));
    assertTrue(
        timeline.indexOf("Status changed to Submitted")
            < timeline.indexOf("Status changed to With an agent"),
        "the history is in the order it happened: " + timeline);
    assertEquals(description, buyer.text(By.id("description")), "the buyer sees what they wrote");
    buyer.assertAccessibleForm();
    buyer.assertFitsTheScreen();

    // An agent signs in (a wrong password first), finds the case and works it.
    Browser agent = open("agent", Device.LAPTOP, "en-US,en");
    agent.get("/console/index.xhtml");
    agent.waitFor(presenceOfElementLocated(By.id("login:username")));
    assertTrue(agent.path().endsWith("/console/login.xhtml"), agent.path());
    agent.type("login:username", "agent");
    agent.type("login:password", "not-the-password");
    agent.submit("login:submit");
    agent.waitFor(textToBePresentInElementLocated(By.id("messages"), "Wrong username or password"));
    agent.shoot("07-console-wrong-password");
    agent.type("login:username", "agent");
    agent.type("login:password", "agent-demo-pass");
    agent.submit("login:submit");
    agent.waitFor(urlContains("/console/index.xhtml"));
    agent.waitFor(presenceOfElementLocated(By.id("tickets")));
    WebElement queue = agent.driver.findElement(By.id("tickets"));
    agent.pick("queue:category", "Key does not work");
    agent.waitFor(d -> Browser.isGone(queue));
    agent.shoot("08-console-queue");
    for (WebElement category : agent.all(By.cssSelector("#tickets tbody tr td:nth-child(2)"))) {
      assertEquals("Key does not work", category.getText(), "the queue shows only that category");
    }
    agent.click(agent.findInQueue(ticketNo));
    agent.waitFor(presenceOfElementLocated(By.id("work:text")));
    assertEquals("With an agent", agent.text(By.id("status")));
    assertTrue(agent.source().contains(description), "the agent sees the description");
    assertFalse(agent.source().contains(code), "the console never shows the plaintext key");
    assertEquals(contact, agent.text(By.id("contact")), "an agent sees the buyer's contact");
    agent.shoot("09-console-ticket");
    agent.assertFitsTheScreen();

    // A canned reply, filled in from the order, in the buyer's language; confirmed before sending.
    agent.pick("work:canned", "key-replaced (en)");
    agent.waitFor(d -> d.findElement(By.id("work:text")).getAttribute("value").contains(orderNo));
    String reply = agent.driver.findElement(By.id("work:text")).getAttribute("value");
    assertTrue(reply.contains(ticketNo) && reply.contains("WEB-SKU"), reply);
    agent.click(By.id("work:reply"));
    agent.click(By.id("work:confirmNo"));
    assertFalse(
        agent.text(By.id("timeline")).contains(reply), "cancelling the confirmation does nothing");
    agent.click(By.id("work:reply"));
    agent.click(By.id("work:confirmYes"));
    agent.waitFor(textToBePresentInElementLocated(By.id("timeline"), reply));
    agent.waitFor(textToBePresentInElementLocated(By.id("messages"), "Done."));
    agent.shoot("10-console-replied");

    // Replace the key from the product's stock: one click and a confirmation.
    new Claims(api).stock("WEB-SKU", "WEB-S-" + orderNo, "STOCK-" + orderNo + "-PLAINTEXT");
    agent.click(By.id("work:replace"));
    agent.click(By.id("work:confirmYes"));
    agent.waitFor(textToBe(By.id("status"), "Resolved"));
    agent.shoot("11-console-replaced");
    assertTrue(agent.all(By.id("work:replace")).isEmpty(), "a resolved case has no actions");
    assertTrue(agent.text(By.id("keys")).contains("Defective (replaced)"), "the old key is marked");
    assertFalse(agent.source().contains("STOCK-" + orderNo), "nor the new key in clear");

    // The buyer's open page shows it without a reload (pushed after the commit).
    buyer.waitFor(textToBe(By.id("status"), "Resolved"));
    buyer.shoot("12-ticket-resolved-live");

    // After a reload, too: the agent's answer and the resolution are there.
    buyer.reload();
    buyer.waitFor(textToBe(By.id("status"), "Resolved"));
    WebElement answer =
        buyer.driver.findElement(
            By.xpath(
                "//ul[@id='timeline']/li[div[@class='body'][normalize-space()=\""
                    + reply
                    + "\"]]"));
    assertEquals("Agent", answer.findElement(By.className("who")).getText(), "the agent answered");
    String resolution = buyer.text(By.id("resolution"));
    assertTrue(resolution.contains("Key replaced"), resolution);
    assertTrue(resolution.contains("We replaced the key"), resolution);
    assertTrue(buyer.all(By.id("reply:message")).isEmpty(), "a resolved case takes no messages");
    assertFalse(buyer.source().contains(code));

    // The header link switches to Chinese and stays on the case.
    buyer.submit("lang:switch");
    buyer.waitFor(textToBe(By.id("status"), "已解决"));
    buyer.shoot("13-ticket-resolved-zh");
    assertEquals("zh-CN", buyer.htmlLang());
    assertTrue(buyer.text(By.id("resolution")).contains("已更换卡密"));
    assertTrue(buyer.text(By.id("timeline")).contains("状态变为 已解决"));
    assertEquals("English", buyer.text(By.id("lang:switch")));
    buyer.assertFitsTheScreen();
  }

  @Test
  void aBrowserThatPrefersChineseGetsChineseOnTheFirstPage() {
    Browser buyer = open("buyer-zh", Device.PHONE, "zh-CN,zh");
    buyer.get("/");
    buyer.waitFor(presenceOfElementLocated(By.id("find:orderNo")));
    buyer.shoot("20-find-zh");
    assertEquals("zh-CN", buyer.htmlLang());
    assertEquals("查找订单", buyer.text(By.tagName("h1")));
    assertEquals("English", buyer.text(By.id("lang:switch")));
    assertEquals("查找订单", buyer.driver.findElement(By.id("find:submit")).getText());
    buyer.assertAccessibleForm();
    buyer.assertFitsTheScreen();

    buyer.submit("find:submit");
    buyer.waitFor(textToBePresentInElementLocated(By.tagName("main"), "此项为必填项。"));
    buyer.shoot("21-find-zh-required");

    // The published rules, linked from the start page, in the same language.
    buyer.submit("rulesLink");
    buyer.waitFor(urlContains("/rules.xhtml"));
    assertEquals("zh-CN", buyer.htmlLang());
    buyer.shoot("22-rules-zh");
    buyer.assertFitsTheScreen();
  }

  @Test
  void aBuyerWhoseProblemWentAwayClosesTheCaseThemselvesInTheirLanguage() {
    String orderNo = Api.unique("SOLVED");
    String contact = orderNo.toLowerCase() + "@example.com";
    assertEquals(200, api.importOrder(orderNo, contact, "WEB-SKU", "K-" + orderNo).status());
    String token = api.buyerToken(orderNo, contact);
    Api.Answer filed =
        api.post(
            "/api/v1/tickets",
            "{\"orderNo\":\""
                + orderNo
                + "\",\"category\":\"PAYMENT_ISSUE\",\"description\":\"我被扣了两次款\",\"language\":\"zh-CN\"}",
            Api.bearer(token));
    assertEquals(201, filed.status(), filed.body());
    String ticketNo = filed.json().getString("ticketNo");

    Browser buyer = open("buyer-solved", Device.PHONE, "zh-CN,zh");
    buyer.get("/");
    buyer.type("find:orderNo", orderNo);
    buyer.type("find:contact", contact);
    buyer.submit("find:submit");
    buyer.waitFor(urlContains("/orders.xhtml"));
    buyer.get("/ticket.xhtml?no=" + ticketNo);
    buyer.waitFor(textToBe(By.id("status"), "客服处理中"));
    assertEquals("问题已解决", buyer.driver.findElement(By.id("solved:markSolved")).getText());
    buyer.shoot("60-ticket-solved-button-zh");
    buyer.assertFitsTheScreen();

    buyer.submit("solved:markSolved");
    buyer.waitFor(textToBe(By.id("status"), "已解决"));
    buyer.waitFor(textToBePresentInElementLocated(By.id("messages"), "很高兴问题已解决"));
    assertTrue(buyer.text(By.id("resolution")).contains("您已确认问题已解决"));
    assertTrue(buyer.all(By.id("solved:markSolved")).isEmpty(), "a resolved case has no button");
    assertFalse(buyer.all(By.id("reopen:submit")).isEmpty(), "it can be reopened");
    buyer.shoot("61-ticket-solved-zh");
    assertEquals(
        "RESOLVED",
        api.get("/api/v1/tickets/" + ticketNo, Api.bearer(token)).json().getString("status"));
  }
}
