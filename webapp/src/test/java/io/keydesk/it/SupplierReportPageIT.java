package io.keydesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

import io.keydesk.it.Api.Answer;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A supplier manager reads their report in Chinese in headless Chromium: signs in, sees the same
 * numbers as the API, switches to the last 30 days with the keyboard, and the page has its charts,
 * fits a laptop screen and passes the axe-core checks.
 */
class SupplierReportPageIT extends BrowserIT {
  @Test
  void aSupplierManagerReadsTheReport() {
    String token = api.staffToken("supplier", "supplier-demo-pass");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Answer api30 =
        api.get(
            "/api/v1/supplier/reports?from=" + today.minusDays(29) + "&to=" + today,
            Api.bearer(token));
    assertEquals(200, api30.status(), api30.body());
    JsonObject total = api30.json().getJsonObject("total");

    Browser manager = open("supplier-manager", Device.DESKTOP, "zh-CN,zh");
    manager.get("/console/reports.xhtml");
    manager.waitFor(presenceOfElementLocated(By.id("login:username")));
    manager.type("login:username", "supplier");
    manager.type("login:password", "supplier-demo-pass");
    manager.submit("login:submit");
    manager.waitFor(urlContains("/console/reports.xhtml"));
    manager.waitFor(presenceOfElementLocated(By.id("totalOrders")));
    assertTrue(manager.source().contains("供应商报告"), "the page speaks Chinese");
    assertFalse(manager.source().contains("report:supplier"), "a manager cannot pick a supplier");
    manager.waitFor(presenceOfElementLocated(By.cssSelector("#report\\:dailyChart canvas")));
    manager.shoot("reports-01-last-7-days");

    // The last 30 days, by keyboard: the radio group, arrow to "30", then the show button.
    WebElement radio = manager.driver.findElement(By.cssSelector("input[value='30']"));
    radio.sendKeys(Keys.SPACE);
    WebElement old = manager.driver.findElement(By.id("totalOrders"));
    manager.driver.findElement(By.id("report:show")).sendKeys(Keys.ENTER);
    manager.waitFor(d -> Browser.isGone(old));
    manager.waitFor(presenceOfElementLocated(By.id("totalOrders")));
    assertEquals(Integer.toString(total.getInt("orders")), manager.text(By.id("totalOrders")));
    assertEquals(
        Integer.toString(total.getInt("complaints")), manager.text(By.id("totalComplaints")));
    manager.assertAccessibleForm();
    manager.assertFitsTheScreen();
    manager.shoot("reports-02-last-30-days");
  }
}
