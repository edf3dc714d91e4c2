package io.keydesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.it.Api.Answer;
import io.keydesk.it.Claims.Buyer;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The supervisors' dashboard and staffing forecast through the API and the pages: the
 * self-resolution rate and the deadline breaches against tickets filed here, the forecast's shape
 * and its agents on shift against the shift table, and who may see any of it.
 */
class DashboardIT extends ApiIT {
  /** keydesk.display-zone of the test deployment (the default). */
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private Claims claims;
  private String supervisor;

  @BeforeEach
  void setUp() {
    claims = new Claims(api);
    supervisor = api.staffToken("supervisor", "supervisor-demo-pass");
  }

  private JsonObject dashboard() {
    Answer a = api.get("/api/v1/ops/dashboard", Api.bearer(supervisor));
    assertEquals(200, a.status(), a.body());
    return a.json();
  }

  @Test
  void selfResolutionCountsTicketsClosedWithoutAHumanAmongAllCases() {
    JsonObject before = dashboard().getJsonObject("selfResolutionToday");

    String sku = Api.unique("DSR");
    Buyer refunded = claims.buyer(sku, "IT-SUP", "CODE-" + sku + "-1");
    JsonObject auto = claims.file(refunded, "WRONG_PURCHASE").json();
    assertEquals("RESOLVED", auto.getString("status"), auto.toString());
    Buyer reviewed = claims.buyer(sku, "IT-SUP", "CODE-" + sku + "-2");
    JsonObject review = claims.file(reviewed, "PAYMENT_ISSUE").json();
    assertEquals("IN_REVIEW", review.getString("status"), review.toString());

    JsonObject after = dashboard().getJsonObject("selfResolutionToday");
    assertEquals(before.getInt("tickets") + 2, after.getInt("tickets"));
    assertEquals(
        before.getInt("selfResolvedTickets") + 1,
        after.getInt("selfResolvedTickets"),
        "the automatic refund counts, the case in review does not");
    assertEquals(after.getInt("tickets") + after.getInt("deflections"), after.getInt("cases"));
    assertEquals(
        (double) (after.getInt("selfResolvedTickets") + after.getInt("deflections"))
            / after.getInt("cases"),
        after.getJsonNumber("rate").doubleValue(),
        1e-9);
    JsonObject week = dashboard().getJsonObject("selfResolution7d");
    assertTrue(week.getInt("cases") >= after.getInt("cases"), "7 days include today");

    // The agent answers: the case was handled by a human, it stays out of the self-resolved.
    agent(review.getString("ticketNo"), "{\"type\":\"REPLY\",\"text\":\"We are checking.\"}");
    agent(
        review.getString("ticketNo"),
        "{\"type\":\"RESOLVE\",\"resolution\":\"ANSWERED\",\"text\":\"Payment found.\"}");
    assertEquals(
        after.getInt("selfResolvedTickets"),
        dashboard().getJsonObject("selfResolutionToday").getInt("selfResolvedTickets"));
  }

  @Test
  void openTicketsPastTheirDueTimesAreBreachesUntilAnsweredAndResolved() throws Exception {
    String sku = Api.unique("DBR");
    Buyer buyer = claims.buyer(sku, "IT-SUP", "CODE-" + sku);
    String ticketNo = claims.file(buyer, "PAYMENT_ISSUE").json().getString("ticketNo");
    assertTrue(breach(ticketNo).isEmpty(), "not due yet");
    long responseBefore = dashboard().getJsonObject("breachCounts").getInt("response");

    update(
        "UPDATE ticket SET response_due_at = '2001-01-01 00:00:00' WHERE ticket_no = ?", ticketNo);

    JsonObject missed = breach(ticketNo).orElseThrow();
    assertEquals("RESPONSE", missed.getString("kind"));
    assertEquals("PAYMENT_ISSUE", missed.getString("category"));
    assertEquals("2001-01-01T00:00:00Z", missed.getString("dueAt"));
    JsonObject counts = dashboard().getJsonObject("breachCounts");
    assertTrue(counts.getInt("response") >= responseBefore + 1, counts.toString());
    assertTrue(counts.getInt("tickets") >= counts.getInt("response"), counts.toString());

    // Answered late: no longer a first-response breach; past its resolution target it is one.
    agent(ticketNo, "{\"type\":\"REPLY\",\"text\":\"Sorry for the wait.\"}");
    assertTrue(breach(ticketNo).isEmpty(), "answered, resolution not due yet");
    update(
        "UPDATE ticket SET resolution_due_at = '2001-01-02 00:00:00' WHERE ticket_no = ?",
        ticketNo);
    JsonObject late = breach(ticketNo).orElseThrow();
    assertEquals("RESOLUTION", late.getString("kind"));
    assertEquals("2001-01-02T00:00:00Z", late.getString("dueAt"));

    agent(
        ticketNo,
        "{\"type\":\"RESOLVE\",\"resolution\":\"ANSWERED\",\"text\":\"The payment is fine.\"}");
    assertTrue(breach(ticketNo).isEmpty(), "a resolved ticket is no breach");
  }

  @Test
  void theForecastCoversTheNextWeekAgainstTheShiftTable() {
    String agentToken = api.staffToken("agent", "agent-demo-pass");
    Answer original = api.get("/api/v1/ops/shifts", Api.bearer(supervisor));
    assertEquals(200, original.status(), original.body());
    String agentWeek =
        "{\"shifts\":"
            + original.json().getOrDefault("agent", jakarta.json.JsonValue.EMPTY_JSON_ARRAY)
            + "}";
    try {
      StringBuilder allDay = new StringBuilder("{\"shifts\":[");
      for (String day :
          List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
        allDay
            .append(allDay.length() > 12 ? "," : "")
            .append("{\"day\":\"")
            .append(day)
            .append("\",\"from\":0,\"to\":24}");
      }
      allDay.append("]}");
      Answer put = api.put("/api/v1/ops/shifts/agent", allDay.toString(), Api.bearer(supervisor));
      assertEquals(200, put.status(), put.body());
      assertEquals(7, put.json().getJsonArray("shifts").size());
      List<Integer> allWeek = agentsOnShift();

      Answer off =
          api.put(
              "/api/v1/ops/shifts/agent",
              "{\"shifts\":[{\"day\":\"monday\",\"from\":9,\"to\":12}]}",
              Api.bearer(supervisor));
      assertEquals(200, off.status(), off.body());
      JsonObject forecast = forecast();
      List<Integer> mondayMorning =
          forecast.getJsonArray("agentsOnShift").getValuesAs(jakarta.json.JsonNumber.class).stream()
              .map(jakarta.json.JsonNumber::intValue)
              .toList();
      Instant from = Instant.parse(forecast.getString("from"));
      for (int h = 0; h < 168; h++) {
        ZonedDateTime at = from.plus(Duration.ofHours(h)).atZone(ZONE);
        boolean on =
            at.getDayOfWeek() == java.time.DayOfWeek.MONDAY
                && at.getHour() >= 9
                && at.getHour() < 12;
        assertEquals(
            allWeek.get(h) - (on ? 0 : 1), mondayMorning.get(h), "hour " + h + " (" + at + ")");
      }

      // The shape: 7 days of hours per category, the total their sum, a backtest per category.
      assertEquals(168, forecast.getInt("hours"));
      assertEquals(6, forecast.getJsonArray("categories").size());
      double[] sum = new double[168];
      for (JsonObject c : forecast.getJsonArray("categories").getValuesAs(JsonObject.class)) {
        var values = c.getJsonArray("values");
        assertEquals(168, values.size());
        for (int h = 0; h < 168; h++) {
          double v = values.getJsonNumber(h).doubleValue();
          assertTrue(v >= 0, "a count is never negative");
          sum[h] += v;
        }
      }
      for (int h = 0; h < 168; h++) {
        assertEquals(
            sum[h],
            forecast.getJsonArray("total").getJsonNumber(h).doubleValue(),
            0.07,
            "hour " + h);
      }
      assertEquals(7, forecast.getJsonArray("backtest").size(), "6 categories and the total");
      assertTrue(forecast.getInt("historyHours") >= 0);

      // Bad shifts are problems naming the field; only supervisors and admins change shifts.
      Answer bad =
          api.put(
              "/api/v1/ops/shifts/agent",
              "{\"shifts\":[{\"day\":\"FUNDAY\",\"from\":9,\"to\":8},{\"day\":\"MONDAY\",\"from\":-1,\"to\":25}]}",
              Api.bearer(supervisor));
      assertEquals(400, bad.status(), bad.body());
      assertTrue(bad.contentType().startsWith("application/problem+json"), bad.contentType());
      for (String field :
          List.of("shifts[0].day", "shifts[0].to", "shifts[1].from", "shifts[1].to")) {
        assertTrue(bad.body().contains("\"" + field + "\""), bad.body());
      }
      Answer overlap =
          api.put(
              "/api/v1/ops/shifts/agent",
              "{\"shifts\":[{\"day\":\"MONDAY\",\"from\":9,\"to\":13},{\"day\":\"MONDAY\",\"from\":12,\"to\":18}]}",
              Api.bearer(supervisor));
      assertEquals(400, overlap.status(), overlap.body());
      assertTrue(overlap.body().contains("\"shifts[1]\""), overlap.body());
      assertEquals(
          400,
          api.put("/api/v1/ops/shifts/agent", "{\"shifts\":3}", Api.bearer(supervisor)).status());
      assertEquals(
          404,
          api.put(
                  "/api/v1/ops/shifts/" + Api.unique("nobody"),
                  "{\"shifts\":[]}",
                  Api.bearer(supervisor))
              .status());
      assertEquals(
          403,
          api.put("/api/v1/ops/shifts/agent", "{\"shifts\":[]}", Api.bearer(agentToken)).status());
    } finally {
      assertEquals(
          200, api.put("/api/v1/ops/shifts/agent", agentWeek, Api.bearer(supervisor)).status());
    }
  }

  @Test
  void onlySupervisorsAndAdminsSeeTheDashboardAndTheForecastPagesOrApi() {
    String agent = api.staffToken("agent", "agent-demo-pass");
    String supplier = api.staffToken("supplier", "supplier-demo-pass");
    String admin = api.staffToken("admin", "admin-demo-pass");
    for (String path :
        List.of("/api/v1/ops/dashboard", "/api/v1/ops/forecast", "/api/v1/ops/shifts")) {
      assertEquals(401, api.get(path, Map.of()).status(), path);
      assertEquals(403, api.get(path, Api.bearer(agent)).status(), path);
      Answer s = api.get(path, Api.bearer(supplier));
      assertEquals(403, s.status(), path);
      assertTrue(s.contentType().startsWith("application/problem+json"), path);
      assertEquals(200, api.get(path, Api.bearer(admin)).status(), path);
    }
    for (String page : List.of("/console/dashboard.xhtml", "/console/forecast.xhtml")) {
      assertEquals(403, api.get(page, Api.bearer(agent)).status(), page);
      assertEquals(403, api.get(page, Api.bearer(supplier)).status(), page);
      Answer ok = api.get(page, Api.bearer(supervisor));
      assertEquals(200, ok.status(), page);
      assertTrue(ok.body().contains("<canvas") || ok.body().contains("ui-chart"), page);
    }
    // In the supervisor's browser language: zh-CN.
    java.util.Map<String, String> zh = new java.util.HashMap<>(Api.bearer(supervisor));
    zh.put("Accept-Language", "zh-CN,zh;q=0.9");
    String dashboardZh = api.get("/console/dashboard.xhtml", zh).body();
    assertTrue(dashboardZh.contains("实时看板") && dashboardZh.contains("自助解决率"), dashboardZh);
    assertTrue(api.get("/console/forecast.xhtml", zh).body().contains("排班预测"));
    // The menu shows the pages to supervisors only.
    assertTrue(
        api.get("/console/index.xhtml", Api.bearer(supervisor)).body().contains("menuDashboard"));
    assertFalse(
        api.get("/console/index.xhtml", Api.bearer(agent)).body().contains("menuDashboard"));
  }

  private List<Integer> agentsOnShift() {
    return forecast()
        .getJsonArray("agentsOnShift")
        .getValuesAs(jakarta.json.JsonNumber.class)
        .stream()
        .map(jakarta.json.JsonNumber::intValue)
        .toList();
  }

  private JsonObject forecast() {
    Answer a = api.get("/api/v1/ops/forecast", Api.bearer(supervisor));
    assertEquals(200, a.status(), a.body());
    return a.json();
  }

  private Optional<JsonObject> breach(String ticketNo) {
    return dashboard().getJsonArray("breaches").getValuesAs(JsonObject.class).stream()
        .filter(b -> b.getString("ticketNo").equals(ticketNo))
        .findFirst();
  }

  private void agent(String ticketNo, String action) {
    String agent = api.staffToken("agent", "agent-demo-pass");
    Answer a = api.post("/api/v1/ops/tickets/" + ticketNo + "/actions", action, Api.bearer(agent));
    assertEquals(200, a.status(), a.body());
  }

  private static void update(String sql, Object... params) throws SQLException {
    try (Connection c = TestServers.database();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      assertEquals(1, s.executeUpdate(), sql);
    }
  }
}
