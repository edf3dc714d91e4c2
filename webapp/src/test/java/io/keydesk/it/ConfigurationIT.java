package io.keydesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.it.Api.Answer;
import io.keydesk.it.Claims.Buyer;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The configuration API and pages: category targets and staff users, each change audited in the
 * hash-chained log, refused to agents and supplier managers through the API and the pages.
 */
class ConfigurationIT extends ApiIT {
  private static final String SUPPLIER = "IT-CFG-SUP";

  private String admin() {
    return api.staffToken("admin", "admin-demo-pass");
  }

  private static String body(Map<String, ?> fields) {
    jakarta.json.JsonObjectBuilder b = jakarta.json.Json.createObjectBuilder();
    fields.forEach(
        (k, v) -> {
          if (v instanceof Integer i) {
            b.add(k, i);
          } else if (v instanceof Boolean f) {
            b.add(k, f);
          } else {
            b.add(k, v.toString());
          }
        });
    return b.build().toString();
  }

  private static void assertProblem(Answer a, int status, String field) {
    assertEquals(status, a.status(), a.body());
    assertTrue(a.contentType().startsWith("application/problem+json"), a.contentType());
    if (field != null) {
      assertTrue(
          a.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
              .anyMatch(e -> field.equals(e.getString("field"))),
          a.body());
    }
  }

  /** The newest audit entry about one subject. */
  private JsonObject lastAudit(String token, String subjectType, String subjectId) {
    Answer a =
        api.get(
            "/api/v1/ops/audit/entries?subjectType=" + subjectType + "&size=200",
            Api.bearer(token));
    assertEquals(200, a.status(), a.body());
    return a.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .filter(e -> subjectId.equals(e.getString("subjectId")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no audit entry for " + subjectId));
  }

  private void assertChainIntact(String token) {
    Answer v = api.get("/api/v1/ops/audit/verify", Api.bearer(token));
    assertEquals(200, v.status(), v.body());
    assertTrue(v.json().getBoolean("intact"), v.body());
  }

  private JsonObject staffTicket(String token, String ticketNo) {
    Answer a = api.get("/api/v1/ops/tickets/" + ticketNo, Api.bearer(token));
    assertEquals(200, a.status(), a.body());
    return a.json();
  }

  private static long minutesBetween(JsonObject ticket, String due) {
    return Duration.between(
            Instant.parse(ticket.getString("createdAt")), Instant.parse(ticket.getString(due)))
        .toMinutes();
  }

  @Test
  void newTargetsSetTheDeadlinesOfNewTicketsOnlyAndAreAudited() {
    String admin = admin();
    Answer before = api.get("/api/v1/ops/categories/OTHER", Api.bearer(admin));
    assertEquals(200, before.status(), before.body());
    int response = before.json().getInt("responseMinutes");
    int resolution = before.json().getInt("resolutionMinutes");
    Claims claims = new Claims(api);
    String oldTicket =
        claims
            .file(claims.buyer(Api.unique("CFG"), SUPPLIER, "CODE-1"), "OTHER")
            .json()
            .getString("ticketNo");
    try {
      Answer changed =
          api.put(
              "/api/v1/ops/categories/OTHER",
              body(Map.of("responseMinutes", 473, "resolutionMinutes", 950)),
              Api.bearer(admin));
      assertEquals(200, changed.status(), changed.body());
      assertEquals(473, changed.json().getInt("responseMinutes"));
      assertEquals(950, changed.json().getInt("resolutionMinutes"));

      Buyer buyer = claims.buyer(Api.unique("CFG"), SUPPLIER, "CODE-2");
      String newTicket = claims.file(buyer, "OTHER").json().getString("ticketNo");
      JsonObject fresh = staffTicket(admin, newTicket);
      assertEquals(473, minutesBetween(fresh, "responseDueAt"));
      assertEquals(950, minutesBetween(fresh, "resolutionDueAt"));
      JsonObject old = staffTicket(admin, oldTicket);
      assertEquals(response, minutesBetween(old, "responseDueAt"));
      assertEquals(resolution, minutesBetween(old, "resolutionDueAt"));

      Answer rules = api.get("/rules.xhtml", Map.of("Accept-Language", "en"));
      String row = rules.body().substring(rules.body().indexOf("id=\"rule-OTHER\""));
      row = row.substring(0, row.indexOf("</tr>"));
      assertTrue(
          row.contains("473") && row.contains("950"), "the rules page shows the new targets");

      JsonObject entry = lastAudit(admin, "category", "OTHER");
      assertEquals("category.targets-changed", entry.getString("action"));
      assertEquals("admin", entry.getString("actorName"));
      JsonObject details =
          jakarta.json.Json.createReader(new java.io.StringReader(entry.getString("details")))
              .readObject();
      assertEquals(Integer.toString(resolution), details.getString("resolutionFrom"));
      assertEquals("950", details.getString("resolutionTo"));
      assertChainIntact(admin);
    } finally {
      Answer restored =
          api.put(
              "/api/v1/ops/categories/OTHER",
              body(Map.of("responseMinutes", response, "resolutionMinutes", resolution)),
              Api.bearer(admin));
      assertEquals(200, restored.status(), restored.body());
    }
  }

  @Test
  void badTargetsAreRefusedNamingTheTarget() {
    String admin = admin();
    assertProblem(
        api.put(
            "/api/v1/ops/categories/OTHER",
            body(Map.of("responseMinutes", 600, "resolutionMinutes", 300)),
            Api.bearer(admin)),
        400,
        "resolutionMinutes");
    assertProblem(
        api.put(
            "/api/v1/ops/categories/OTHER",
            body(Map.of("responseMinutes", 0, "resolutionMinutes", 300)),
            Api.bearer(admin)),
        400,
        "responseMinutes");
    assertProblem(
        api.put(
            "/api/v1/ops/categories/OTHER",
            body(Map.of("responseMinutes", 60, "resolutionMinutes", 50_000)),
            Api.bearer(admin)),
        400,
        "resolutionMinutes");
    assertProblem(
        api.put(
            "/api/v1/ops/categories/OTHER", body(Map.of("responseMinutes", 60)), Api.bearer(admin)),
        400,
        "resolutionMinutes");
    assertProblem(
        api.put(
            "/api/v1/ops/categories/NO_SUCH",
            body(Map.of("responseMinutes", 60, "resolutionMinutes", 120)),
            Api.bearer(admin)),
        404,
        null);
  }

  @Test
  void anAdminManagesStaffUsersAndEveryChangeIsAudited() {
    String admin = admin();
    String username = Api.unique("it").toLowerCase();
    String first = "first-pass-" + username;

    Answer created =
        api.post(
            "/api/v1/ops/staff-users",
            body(
                Map.of(
                    "username", username,
                    "displayName", "IT Agent",
                    "role", "AGENT",
                    "language", "en",
                    "password", first)),
            Api.bearer(admin));
    assertEquals(201, created.status(), created.body());
    assertEquals("AGENT", created.json().getString("role"));
    assertTrue(created.json().getBoolean("active"));
    assertFalse(created.body().contains(first));
    assertFalse(created.body().toLowerCase().contains("hash"), created.body());
    String token = api.staffToken(username, first);
    assertEquals(200, api.get("/api/v1/ops/tickets", Api.bearer(token)).status());
    ConsoleSession console = ConsoleSession.signIn(api, username, first);
    assertEquals(403, console.get("/console/admin/categories.xhtml").statusCode());

    Answer promoted =
        api.put(
            "/api/v1/ops/staff-users/" + username,
            body(Map.of("role", "SUPERVISOR", "language", "zh-CN")),
            Api.bearer(admin));
    assertEquals(200, promoted.status(), promoted.body());
    assertEquals("SUPERVISOR", promoted.json().getString("role"));
    assertEquals(200, api.get("/api/v1/ops/audit/verify", Api.bearer(token)).status());
    assertEquals(
        200,
        console.get("/console/admin/categories.xhtml").statusCode(),
        "the new role holds in the open console session");

    Answer deactivated =
        api.put(
            "/api/v1/ops/staff-users/" + username,
            body(Map.of("active", false)),
            Api.bearer(admin));
    assertEquals(200, deactivated.status(), deactivated.body());
    assertFalse(deactivated.json().getBoolean("active"));
    assertEquals(401, api.get("/api/v1/ops/tickets", Api.bearer(token)).status());
    HttpResponse<String> signedOut = console.get("/console/index.xhtml");
    assertTrue(
        signedOut.uri().getPath().endsWith("/console/login.xhtml"),
        "a deactivated user's console session ends: " + signedOut.uri());
    Answer refused =
        api.post(
            "/api/v1/ops/tokens",
            body(Map.of("username", username, "password", first)),
            Map.of("X-Forwarded-For", Api.uniqueIp()));
    assertEquals(401, refused.status());

    assertEquals(
        200,
        api.put(
                "/api/v1/ops/staff-users/" + username,
                body(Map.of("active", true)),
                Api.bearer(admin))
            .status());
    String second = "second-pass-" + username;
    Answer reset =
        api.post(
            "/api/v1/ops/staff-users/" + username + "/password",
            body(Map.of("password", second)),
            Api.bearer(admin));
    assertEquals(200, reset.status(), reset.body());
    assertEquals(
        401,
        api.post(
                "/api/v1/ops/tokens",
                body(Map.of("username", username, "password", first)),
                Map.of("X-Forwarded-For", Api.uniqueIp()))
            .status());
    api.staffToken(username, second);

    Answer audit =
        api.get(
            "/api/v1/ops/audit/entries?subjectType=staff-user&action=staff.&size=200",
            Api.bearer(admin));
    assertEquals(200, audit.status(), audit.body());
    List<String> actions =
        audit.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
            .filter(e -> username.equals(e.getString("subjectId")))
            .map(e -> e.getString("action"))
            .toList();
    assertEquals(
        List.of(
            "staff.password-reset",
            "staff.reactivated",
            "staff.deactivated",
            "staff.changed",
            "staff.created"),
        actions);
    assertFalse(audit.body().contains(first) || audit.body().contains(second));
    assertFalse(audit.body().contains("PBKDF2"), "no password hash in the audit log");
    assertChainIntact(admin);
  }

  @Test
  void staffUserInputIsValidatedField() {
    String admin = admin();
    String username = Api.unique("it").toLowerCase();
    Map<String, Object> manager =
        Map.of(
            "username", username,
            "displayName", "IT Manager",
            "role", "SUPPLIER_MANAGER",
            "language", "en",
            "password", "long-enough-password");
    assertProblem(
        api.post("/api/v1/ops/staff-users", body(manager), Api.bearer(admin)), 400, "supplier");
    Map<String, Object> withSupplier = new java.util.HashMap<>(manager);
    withSupplier.put("supplier", "NO-SUCH-SUPPLIER");
    assertProblem(
        api.post("/api/v1/ops/staff-users", body(withSupplier), Api.bearer(admin)),
        400,
        "supplier");
    withSupplier.put("supplier", "VALVE-CN");
    Answer created = api.post("/api/v1/ops/staff-users", body(withSupplier), Api.bearer(admin));
    assertEquals(201, created.status(), created.body());
    assertEquals("VALVE-CN", created.json().getString("supplier"));

    assertProblem(
        api.post("/api/v1/ops/staff-users", body(withSupplier), Api.bearer(admin)),
        400,
        "username");
    Map<String, Object> shortPassword = new java.util.HashMap<>(withSupplier);
    shortPassword.put("username", Api.unique("it").toLowerCase());
    shortPassword.put("password", "short");
    assertProblem(
        api.post("/api/v1/ops/staff-users", body(shortPassword), Api.bearer(admin)),
        400,
        "password");
    Map<String, Object> badName = new java.util.HashMap<>(withSupplier);
    badName.put("username", "Not A Name");
    assertProblem(
        api.post("/api/v1/ops/staff-users", body(badName), Api.bearer(admin)), 400, "username");
    Map<String, Object> badRole = new java.util.HashMap<>(withSupplier);
    badRole.put("username", Api.unique("it").toLowerCase());
    badRole.put("role", "ROOT");
    assertProblem(
        api.post("/api/v1/ops/staff-users", body(badRole), Api.bearer(admin)), 400, "role");

    assertProblem(
        api.put(
            "/api/v1/ops/staff-users/" + username,
            body(Map.of("role", "AGENT", "supplier", "VALVE-CN")),
            Api.bearer(admin)),
        400,
        "supplier");
    Answer demoted =
        api.put(
            "/api/v1/ops/staff-users/" + username,
            body(Map.of("role", "AGENT")),
            Api.bearer(admin));
    assertEquals(200, demoted.status(), demoted.body());
    assertFalse(demoted.json().containsKey("supplier") && !demoted.json().isNull("supplier"));

    assertProblem(
        api.put("/api/v1/ops/staff-users/admin", body(Map.of("active", false)), Api.bearer(admin)),
        400,
        "active");
    assertProblem(
        api.put("/api/v1/ops/staff-users/admin", body(Map.of("role", "AGENT")), Api.bearer(admin)),
        400,
        "role");
    assertEquals(
        404,
        api.put(
                "/api/v1/ops/staff-users/nobody-" + username,
                body(Map.of("active", false)),
                Api.bearer(admin))
            .status());
  }

  @Test
  void aStaffUsersEmailIsSetChangedRemovedAndAuditedMasked() {
    String admin = admin();
    String username = Api.unique("it").toLowerCase();
    String first = username + "@Example.COM";
    Map<String, Object> manager = new java.util.HashMap<>();
    manager.put("username", username);
    manager.put("displayName", "IT Mail Manager");
    manager.put("role", "SUPPLIER_MANAGER");
    manager.put("supplier", "VALVE-CN");
    manager.put("language", "en");
    manager.put("password", "long-enough-password");
    manager.put("email", "  " + first + " ");
    Answer created = api.post("/api/v1/ops/staff-users", body(manager), Api.bearer(admin));
    assertEquals(201, created.status(), created.body());
    assertEquals(username + "@example.com", created.json().getString("email"), "normalised");
    JsonObject createdAudit = details(lastAudit(admin, "staff-user", username));
    assertEquals(username.charAt(0) + "***@example.com", createdAudit.getString("email"));

    String second = "reports." + username + "@supplier.example.org";
    Answer changed =
        api.put(
            "/api/v1/ops/staff-users/" + username,
            body(Map.of("email", second)),
            Api.bearer(admin));
    assertEquals(200, changed.status(), changed.body());
    assertEquals(second, changed.json().getString("email"));
    Answer shown = api.get("/api/v1/ops/staff-users/" + username, Api.bearer(admin));
    assertEquals(200, shown.status(), shown.body());
    assertEquals(second, shown.json().getString("email"));
    Answer listed = api.get("/api/v1/ops/staff-users", Api.bearer(admin));
    assertEquals(200, listed.status(), listed.body());
    assertTrue(
        listed.array().getValuesAs(JsonObject.class).stream()
            .anyMatch(
                u ->
                    username.equals(u.getString("username"))
                        && second.equals(u.getString("email"))),
        listed.body());
    JsonObject entry = lastAudit(admin, "staff-user", username);
    assertEquals("staff.changed", entry.getString("action"));
    JsonObject changeAudit = details(entry);
    assertEquals(username.charAt(0) + "***@example.com", changeAudit.getString("emailFrom"));
    assertEquals("r***@supplier.example.org", changeAudit.getString("emailTo"));
    assertFalse(entry.toString().contains(second), "the audit log holds the address masked");

    for (String bad :
        List.of(
            "not-an-address",
            "two@@example.com",
            "no-dot@example",
            "13800138000",
            "a@" + "b".repeat(250) + ".com")) {
      assertProblem(
          api.put(
              "/api/v1/ops/staff-users/" + username, body(Map.of("email", bad)), Api.bearer(admin)),
          400,
          "email");
    }
    Map<String, Object> badNew = new java.util.HashMap<>(manager);
    badNew.put("username", Api.unique("it").toLowerCase());
    badNew.put("email", "nobody at example.com");
    assertProblem(
        api.post("/api/v1/ops/staff-users", body(badNew), Api.bearer(admin)), 400, "email");
    assertEquals(
        404,
        api.get("/api/v1/ops/staff-users/" + badNew.get("username"), Api.bearer(admin)).status(),
        "nothing created");
    assertEquals(
        second,
        api.get("/api/v1/ops/staff-users/" + username, Api.bearer(admin)).json().getString("email"),
        "a refused address changes nothing");

    Answer untouched =
        api.put(
            "/api/v1/ops/staff-users/" + username,
            body(Map.of("language", "zh-CN")),
            Api.bearer(admin));
    assertEquals(second, untouched.json().getString("email"), "absent keeps the address");
    Answer removed =
        api.put(
            "/api/v1/ops/staff-users/" + username, body(Map.of("email", " ")), Api.bearer(admin));
    assertEquals(200, removed.status(), removed.body());
    assertTrue(
        !removed.json().containsKey("email") || removed.json().isNull("email"), removed.body());
    assertChainIntact(admin);
  }

  private static JsonObject details(JsonObject auditEntry) {
    return jakarta.json.Json.createReader(new java.io.StringReader(auditEntry.getString("details")))
        .readObject();
  }

  @Test
  void agentsAndSupplierManagersGet403OnEveryConfigurationEndpoint() {
    String agent = api.staffToken("agent", "agent-demo-pass");
    String supplier = api.staffToken("supplier", "supplier-demo-pass");
    String supervisor = api.staffToken("supervisor", "supervisor-demo-pass");
    String targets = body(Map.of("responseMinutes", 60, "resolutionMinutes", 120));
    String user =
        body(
            Map.of(
                "username", "never-" + Api.unique("x").toLowerCase(),
                "displayName", "Never",
                "role", "ADMIN",
                "language", "en",
                "password", "long-enough-password"));
    for (String token : List.of(agent, supplier)) {
      Map<String, String> h = Api.bearer(token);
      assertProblem(api.get("/api/v1/ops/categories", h), 403, null);
      assertProblem(api.get("/api/v1/ops/categories/OTHER", h), 403, null);
      assertProblem(api.put("/api/v1/ops/categories/OTHER", targets, h), 403, null);
      assertProblem(api.get("/api/v1/ops/staff-users", h), 403, null);
      assertProblem(api.get("/api/v1/ops/staff-users/agent", h), 403, null);
      assertProblem(api.post("/api/v1/ops/staff-users", user, h), 403, null);
      assertProblem(
          api.put("/api/v1/ops/staff-users/agent", body(Map.of("active", false)), h), 403, null);
      assertProblem(
          api.post(
              "/api/v1/ops/staff-users/agent/password",
              body(Map.of("password", "long-enough-password")),
              h),
          403,
          null);
      assertProblem(api.get("/api/v1/ops/audit/entries", h), 403, null);
      assertProblem(api.get("/api/v1/ops/audit/verify", h), 403, null);
      assertProblem(api.get("/api/v1/ops/risk/settings", h), 403, null);
      assertProblem(
          api.put("/api/v1/ops/risk/settings/claims.ip.day", body(Map.of("value", 9)), h),
          403,
          null);
      assertProblem(api.get("/api/v1/ops/risk/blocks", h), 403, null);
      assertProblem(
          api.post(
              "/api/v1/ops/kb/articles",
              body(
                  Map.of(
                      "category",
                      "OTHER",
                      "titleZh",
                      "x",
                      "bodyZh",
                      "x",
                      "titleEn",
                      "x",
                      "bodyEn",
                      "x")),
              h),
          403,
          null);
    }
    Map<String, String> s = Api.bearer(supervisor);
    assertEquals(200, api.get("/api/v1/ops/categories", s).status());
    assertEquals(200, api.get("/api/v1/ops/audit/entries", s).status());
    assertProblem(api.put("/api/v1/ops/categories/OTHER", targets, s), 403, null);
    assertProblem(api.get("/api/v1/ops/staff-users", s), 403, null);
    assertEquals(401, api.get("/api/v1/ops/staff-users", Map.of()).status());
  }

  @Test
  void thePagesRefuseTheRolesThatMayNotConfigure() {
    ConsoleSession agent = ConsoleSession.signIn(api, "agent", "agent-demo-pass");
    ConsoleSession supplier = ConsoleSession.signIn(api, "supplier", "supplier-demo-pass");
    ConsoleSession supervisor = ConsoleSession.signIn(api, "supervisor", "supervisor-demo-pass");
    ConsoleSession admin = ConsoleSession.signIn(api, "admin", "admin-demo-pass");
    List<String> pages =
        List.of("categories", "risk", "staff", "audit", "knowledge").stream()
            .map(p -> "/console/admin/" + p + ".xhtml")
            .toList();
    for (String page : pages) {
      HttpResponse<String> a = agent.get(page);
      assertEquals(403, a.statusCode(), page);
      assertFalse(a.body().contains("admin-tabs"), page);
      assertEquals(403, supplier.get(page).statusCode(), page);
    }
    assertFalse(agent.get("/console/index.xhtml").body().contains("menuConfig"));

    HttpResponse<String> categories = supervisor.get("/console/admin/categories.xhtml");
    assertEquals(200, categories.statusCode());
    assertTrue(categories.body().contains("INVALID_KEY"));
    assertFalse(categories.body().contains(":edit\""), "a supervisor gets no edit buttons");
    assertEquals(200, supervisor.get("/console/admin/risk.xhtml").statusCode());
    assertEquals(200, supervisor.get("/console/admin/audit.xhtml").statusCode());
    assertEquals(403, supervisor.get("/console/admin/staff.xhtml").statusCode());
    assertEquals(403, supervisor.get("/console/admin/knowledge.xhtml").statusCode());

    HttpResponse<String> staff = admin.get("/console/admin/staff.xhtml");
    assertEquals(200, staff.statusCode());
    assertTrue(staff.body().contains("supervisor"), "lists the users");
    assertFalse(staff.body().contains("PBKDF2"), "never a password hash");
    assertTrue(admin.get("/console/index.xhtml").body().contains("menuConfig"));
    assertEquals(200, admin.get("/console/admin/knowledge.xhtml").statusCode());
  }
}
