package io.keydesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

import io.keydesk.it.Api.Answer;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A supervisor filters the queue, reassigns a ticket with a confirmation and opens the Team page;
 * an agent sees neither the reassignment nor the Team page (docs/console.md).
 */
class QueueJourneyIT extends BrowserIT {
  private Browser signIn(String name, String username, String password) {
    Browser b = open(name, Device.DESKTOP, "en-US,en");
    b.get("/console/index.xhtml");
    b.waitFor(presenceOfElementLocated(By.id("login:username")));
    b.type("login:username", username);
    b.type("login:password", password);
    b.submit("login:submit");
    b.waitFor(urlContains("/console/index.xhtml"));
    b.waitFor(presenceOfElementLocated(By.id("tickets")));
    return b;
  }

  @Test
  void aSupervisorReassignsFromTheQueueAndAnAgentCannot() {
    String sku = Api.unique("QJ");
    String orderNo = Api.unique("QJ");
    String contact = orderNo.toLowerCase(Locale.ROOT) + "@example.com";
    api.importOrder(orderNo, contact, sku, "K-" + orderNo);
    String buyer = api.buyerToken(orderNo, contact);
    Answer filed =
        api.post(
            "/api/v1/tickets",
            "{\"orderNo\":\""
                + orderNo
                + "\",\"category\":\"PAYMENT_ISSUE\",\"language\":\"en\","
                + "\"description\":\"I was charged twice\"}",
            Map.of("Authorization", "Bearer " + buyer, "X-Forwarded-For", Api.uniqueIp()));
    assertEquals(201, filed.status(), filed.body());
    String ticketNo = filed.json().getString("ticketNo");

    Browser sup = signIn("supervisor", "supervisor", "supervisor-demo-pass");
    WebElement before = sup.driver.findElement(By.id("tickets"));
    sup.type("queue:product", sku);
    sup.keys(Keys.TAB);
    sup.waitFor(d -> Browser.isGone(before));
    sup.waitFor(presenceOfElementLocated(By.linkText(ticketNo)));
    assertEquals(1, sup.all(By.cssSelector("#tickets tbody tr")).size(), "only that product");
    assertTrue(sup.text(By.id("tickets")).contains("left"), "the time left is shown");
    sup.click(By.cssSelector("#tickets tbody tr .ui-chkbox-box"));
    sup.pick("queue:reassignTo", "supervisor");
    sup.click(By.id("queue:reassign"));
    sup.waitFor(presenceOfElementLocated(By.cssSelector(".ui-confirmdialog-yes")));
    sup.waitFor(d -> d.findElement(By.cssSelector(".ui-confirmdialog-yes")).isDisplayed());
    sup.assertFitsTheScreen();
    sup.click(By.cssSelector(".ui-confirmdialog-yes"));
    sup.waitFor(textToBePresentInElementLocated(By.id("messages"), "reassigned to supervisor"));
    sup.shoot("60-console-queue-reassigned");
    String supervisorToken = api.staffToken("supervisor", "supervisor-demo-pass");
    Answer ticket = api.get("/api/v1/ops/tickets/" + ticketNo, Api.bearer(supervisorToken));
    assertEquals("supervisor", ticket.json().getString("assignee"));

    sup.click(By.id("nav:menuTeam"));
    sup.waitFor(urlContains("/console/team.xhtml"));
    sup.waitFor(presenceOfElementLocated(By.id("team")));
    sup.assertFitsTheScreen();
    sup.shoot("61-console-team");

    Browser agent = signIn("agent", "agent", "agent-demo-pass");
    assertTrue(agent.all(By.id("queue:reassign")).isEmpty(), "no reassignment for agents");
    assertTrue(agent.all(By.cssSelector("#tickets .ui-chkbox-box")).isEmpty(), "no row selection");
    assertTrue(agent.all(By.id("nav:menuTeam")).isEmpty(), "no Team entry in the menu");
    agent.get("/console/team.xhtml");
    assertFalse(agent.source().contains("team:"), "the Team page refuses agents");
    agent.capture("62-console-team-refused");
  }
}
