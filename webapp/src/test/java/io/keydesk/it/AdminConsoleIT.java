package io.keydesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

import io.keydesk.it.Api.Answer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;

/**
 * An admin creates a supplier manager on the staff page (a missing supplier is named next to its
 * field first), and checks the audit chain on the audit page, in a real browser.
 */
class AdminConsoleIT extends BrowserIT {
  @Test
  void anAdminCreatesASupplierManagerAndChecksTheAuditChain() {
    Browser admin = open("admin", Device.DESKTOP, "en-US,en");
    admin.get("/console/admin/staff.xhtml");
    admin.waitFor(presenceOfElementLocated(By.id("login:username")));
    admin.type("login:username", "admin");
    admin.type("login:password", "admin-demo-pass");
    admin.submit("login:submit");
    admin.waitFor(urlContains("/console/admin/staff.xhtml"));
    admin.waitFor(presenceOfElementLocated(By.id("userTable")));
    admin.shoot("40-admin-staff");
    admin.assertAccessibleForm();

    String username = Api.unique("mgr").toLowerCase();
    admin.type("create:username", username);
    admin.type("create:displayName", "Manager " + username);
    admin.pick("create:role", "Supplier manager");
    admin.waitFor(
        d -> {
          try {
            return d.findElement(By.id("create:supplier")).isEnabled();
          } catch (WebDriverException e) {
            return false; // replaced by the ajax update while looking: look again
          }
        });
    admin.type("create:password", "initial-" + username);
    admin.click(By.id("create:submit"));
    admin.waitFor(
        textToBePresentInElementLocated(By.id("create:supplierField"), "needs a supplier"));
    admin.shoot("41-admin-staff-invalid");

    admin.pick("create:supplier", "Valve");
    admin.type("create:password", "initial-" + username);
    admin.click(By.id("create:submit"));
    admin.waitFor(textToBePresentInElementLocated(By.id("messages"), "Staff user created"));
    admin.waitFor(textToBePresentInElementLocated(By.id("userTable"), username));
    assertFalse(admin.source().contains("initial-" + username), "the password is never shown");
    admin.assertFitsTheScreen();

    Answer created =
        api.get(
            "/api/v1/ops/staff-users/" + username,
            Api.bearer(api.staffToken("admin", "admin-demo-pass")));
    assertEquals(200, created.status(), created.body());
    JsonObject user = created.json();
    assertEquals("SUPPLIER_MANAGER", user.getString("role"));
    assertEquals("VALVE-CN", user.getString("supplier"));
    api.staffToken(username, "initial-" + username);

    admin.click(By.id("tabAudit"));
    admin.waitFor(urlContains("/console/admin/audit.xhtml"));
    admin.waitFor(textToBePresentInElementLocated(By.id("auditTable"), username));
    admin.click(By.id("verify:run"));
    admin.waitFor(presenceOfElementLocated(By.id("verify:result")));
    String result = admin.text(By.id("verify:result"));
    assertTrue(result.contains("The chain is intact up to entry"), result);
    admin.shoot("42-admin-audit");
    admin.assertFitsTheScreen();
  }
}
