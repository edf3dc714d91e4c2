package io.keydesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.it.Api.Answer;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The queue, automatic assignment, bulk reassignment, deadlines and escalation, black-box over HTTP
 * against the real database (docs/console.md#queue-assignment-and-deadlines).
 */
class QueueAssignmentIT extends ApiIT {
  /** Agents this test set away so that only its own agents receive tickets; restored after. */
  private final List<String> setAway = new ArrayList<>();

  private final List<String> created = new ArrayList<>();

  @AfterEach
  void restoreTheTeam() throws SQLException {
    try (Connection c = TestServers.database()) {
      for (String u : setAway) {
        update(c, "UPDATE staff_user SET away = FALSE WHERE username = ?", u);
      }
      for (String u : created) {
        update(c, "UPDATE staff_user SET away = TRUE, active = FALSE WHERE username = ?", u);
      }
    }
  }

  private static void update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      s.executeUpdate();
    }
  }

  /** An agent made directly in the database (the staff-users screen is another part). */
  private String agent(int capacity, String language, String... categories) throws SQLException {
    String username = ("it-" + Api.unique("a")).toLowerCase(Locale.ROOT);
    try (Connection c = TestServers.database()) {
      update(
          c,
          "INSERT INTO staff_user (username, display_name, password_hash, role, language, active,"
              + " created_at, capacity, away) VALUES (?, ?, 'not-a-login', 'AGENT', 'en', TRUE,"
              + " UTC_TIMESTAMP(3), ?, FALSE)",
          username,
          username,
          capacity);
      for (String category : categories) {
        update(
            c,
            "INSERT INTO staff_skill_category (staff_id, category_code)"
                + " SELECT id, ? FROM staff_user WHERE username = ?",
            category,
            username);
      }
      update(
          c,
          "INSERT INTO staff_skill_language (staff_id, language)"
              + " SELECT id, ? FROM staff_user WHERE username = ?",
          language,
          username);
    }
    created.add(username);
    return username;
  }

  /** Every other agent steps away for the test, so the choice is among this test's agents. */
  private void onlyTheseAgents() throws SQLException {
    try (Connection c = TestServers.database();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT username FROM staff_user WHERE role = 'AGENT' AND away = FALSE");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        String u = r.getString(1);
        if (!created.contains(u)) {
          setAway.add(u);
        }
      }
      for (String u : setAway) {
        update(c, "UPDATE staff_user SET away = TRUE WHERE username = ?", u);
      }
    }
  }

  private String file(String category, String language) {
    String orderNo = Api.unique("QA");
    String contact = orderNo.toLowerCase(Locale.ROOT) + "@example.com";
    api.importOrder(orderNo, contact, "QA-SKU", "K-" + orderNo);
    String buyer = api.buyerToken(orderNo, contact);
    Answer filed =
        api.post(
            "/api/v1/tickets",
            "{\"orderNo\":\""
                + orderNo
                + "\",\"category\":\""
                + category
                + "\",\"language\":\""
                + language
                + "\",\"description\":\"I was charged twice for this order\"}",
            Map.of("Authorization", "Bearer " + buyer, "X-Forwarded-For", Api.uniqueIp()));
    assertEquals(201, filed.status(), filed.body());
    return filed.json().getString("ticketNo");
  }

  private JsonObject ticket(String token, String ticketNo) {
    Answer a = api.get("/api/v1/ops/tickets/" + ticketNo, Api.bearer(token));
    assertEquals(200, a.status(), a.body());
    return a.json();
  }

  /** The assignee of a ticket view or queue item; null when nobody holds it. */
  private static String assignee(JsonObject ticket) {
    return ticket.containsKey("assignee") && !ticket.isNull("assignee")
        ? ticket.getString("assignee")
        : null;
  }

  private static long count(String sql, Object... params) throws SQLException {
    return Claims.count(sql, params);
  }

  @Test
  void reviewTicketsGoRoundRobinToFreeSkilledAgentsAndWaitWhenNoneIsFree() throws Exception {
    String first = agent(1, "en", "PAYMENT_ISSUE");
    String second = agent(1, "en", "PAYMENT_ISSUE", "OTHER");
    onlyTheseAgents();
    String supervisor = api.staffToken("supervisor", "supervisor-demo-pass");

    String t1 = file("PAYMENT_ISSUE", "en");
    String t2 = file("PAYMENT_ISSUE", "en");
    String t3 = file("PAYMENT_ISSUE", "en");
    String chinese = file("PAYMENT_ISSUE", "zh-CN");

    JsonObject one = ticket(supervisor, t1);
    assertEquals("IN_REVIEW", one.getString("status"));
    assertEquals(first, assignee(one), "never assigned, first by order");
    assertEquals(second, assignee(ticket(supervisor, t2)), "round robin");
    assertNull(assignee(ticket(supervisor, t3)), "both agents are at capacity");
    assertNull(assignee(ticket(supervisor, chinese)), "nobody handles zh-CN");

    assertTrue(
        one.getJsonArray("timeline").toString().contains("Assigned to " + first),
        one.getJsonArray("timeline").toString());
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM audit_entry WHERE subject_id = ? AND action = 'ticket.assigned'"
                + " AND details LIKE ?",
            t1,
            "%" + first + "%"));
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM outbox_event WHERE aggregate_id = ? AND event_type = ?",
            t1,
            "TicketAssigned"));

    // the first agent's ticket is resolved: they are free again and the sweep gives them t3
    Answer resolved =
        api.post(
            "/api/v1/ops/tickets/" + t1 + "/actions",
            "{\"type\":\"RESOLVE\",\"resolution\":\"REFUNDED\"}",
            Api.bearer(supervisor));
    assertEquals(200, resolved.status(), resolved.body());
    Answer sweep =
        api.post(
            "/api/v1/ops/staff/deadline-sweep",
            "",
            Api.bearer(api.staffToken("admin", "admin-demo-pass")));
    assertEquals(200, sweep.status(), sweep.body());
    // t3, or a more urgent waiting ticket of another test that this agent handles: the agent is
    // at capacity again
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM ticket t JOIN staff_user u ON u.id = t.assignee_id"
                + " WHERE u.username = ? AND t.status = 'IN_REVIEW' AND t.category_code ="
                + " 'PAYMENT_ISSUE' AND t.language = 'en'",
            first));
    String t3Holder = assignee(ticket(supervisor, t3));
    assertTrue(t3Holder == null || t3Holder.equals(first), "t3 went to nobody else: " + t3Holder);
    assertNull(assignee(ticket(supervisor, chinese)));

    // the queue's assignee filter
    Answer mine =
        api.get("/api/v1/ops/tickets?assignee=" + second + "&size=200", Api.bearer(supervisor));
    assertEquals(200, mine.status(), mine.body());
    List<String> numbers =
        mine.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
            .map(i -> i.getString("ticketNo"))
            .toList();
    assertEquals(List.of(t2), numbers);
    Answer unassigned =
        api.get("/api/v1/ops/tickets?assignee=unassigned&size=200", Api.bearer(supervisor));
    unassigned.json().getJsonArray("items").forEach(i -> assertNull(assignee(i.asJsonObject())));
  }

  @Test
  void supervisorsReassignInBulkAndAgentsMayNotNorEditSkills() throws Exception {
    String supervisor = api.staffToken("supervisor", "supervisor-demo-pass");
    String agent = api.staffToken("agent", "agent-demo-pass");
    // capacity 0: this agent gets tickets only by hand
    String holder = agent(0, "en", "OTHER");
    String a = file("OTHER", "en");
    String b = file("PAYMENT_ISSUE", "zh-CN");
    String body = "{\"ticketNos\":[\"" + a + "\",\"" + b + "\"],\"assignee\":\"" + holder + "\"}";

    Answer denied = api.post("/api/v1/ops/tickets/assign", body, Api.bearer(agent));
    assertEquals(403, denied.status());
    assertTrue(denied.contentType().startsWith("application/problem+json"));

    Answer done = api.post("/api/v1/ops/tickets/assign", body, Api.bearer(supervisor));
    assertEquals(200, done.status(), done.body());
    assertEquals(2, done.json().getJsonArray("reassigned").size(), done.body());
    assertEquals(holder, assignee(ticket(supervisor, a)));
    assertEquals(holder, assignee(ticket(supervisor, b)));
    assertTrue(
        ticket(supervisor, b)
            .getJsonArray("timeline")
            .toString()
            .contains("Assigned to " + holder));
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM audit_entry WHERE subject_id = ? AND action = 'ticket.assigned'"
                + " AND actor_name = 'supervisor'",
            a));

    Answer again = api.post("/api/v1/ops/tickets/assign", body, Api.bearer(supervisor));
    assertEquals(0, again.json().getJsonArray("reassigned").size(), "nothing changed");

    Answer toAgent =
        api.post(
            "/api/v1/ops/tickets/assign",
            "{\"ticketNos\":[\"" + a + "\"],\"assignee\":\"agent\"}",
            Api.bearer(supervisor));
    assertEquals(200, toAgent.status(), toAgent.body());
    Answer me = api.get("/api/v1/ops/tickets?assignee=me&size=200", Api.bearer(agent));
    assertEquals(200, me.status(), me.body());
    assertTrue(me.body().contains(a), "the agent's own queue has the ticket");
    me.json()
        .getJsonArray("items")
        .forEach(i -> assertEquals("agent", i.asJsonObject().getString("assignee")));

    Answer unknown =
        api.post(
            "/api/v1/ops/tickets/assign",
            "{\"ticketNos\":[\"KD-000000-NOPE0000\"],\"assignee\":\"agent\"}",
            Api.bearer(supervisor));
    assertEquals(400, unknown.status());
    assertEquals(
        "ticketNos", unknown.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    Answer nobody =
        api.post(
            "/api/v1/ops/tickets/assign",
            "{\"ticketNos\":[\"" + a + "\"],\"assignee\":\"supplier\"}",
            Api.bearer(supervisor));
    assertEquals(400, nobody.status());
    assertEquals(
        "assignee", nobody.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    Answer empty =
        api.post(
            "/api/v1/ops/tickets/assign",
            "{\"ticketNos\":[],\"assignee\":\"agent\"}",
            Api.bearer(supervisor));
    assertEquals(400, empty.status());

    // skills: supervisors edit them, agents read only their own and may only step away themselves
    String skills =
        "{\"categories\":[\"OTHER\",\"INVALID_KEY\"],\"languages\":[\"en\"],\"capacity\":4}";
    String target = agent(2, "en", "OTHER");
    assertEquals(
        403,
        api.put("/api/v1/ops/staff/" + target + "/skills", skills, Api.bearer(agent)).status());
    assertEquals(403, api.get("/api/v1/ops/staff", Api.bearer(agent)).status());
    assertEquals(
        403, api.get("/api/v1/ops/staff/" + target + "/skills", Api.bearer(agent)).status());
    assertEquals(200, api.get("/api/v1/ops/staff/agent/skills", Api.bearer(agent)).status());
    assertEquals(
        403,
        api.put("/api/v1/ops/staff/" + target + "/away", "{\"away\":true}", Api.bearer(agent))
            .status());
    Answer away = api.put("/api/v1/ops/staff/agent/away", "{\"away\":true}", Api.bearer(agent));
    assertEquals(200, away.status(), away.body());
    assertTrue(away.json().getBoolean("away"));
    Answer back = api.put("/api/v1/ops/staff/agent/away", "{\"away\":false}", Api.bearer(agent));
    assertFalse(back.json().getBoolean("away"));

    Answer changed =
        api.put("/api/v1/ops/staff/" + target + "/skills", skills, Api.bearer(supervisor));
    assertEquals(200, changed.status(), changed.body());
    assertEquals(4, changed.json().getInt("capacity"));
    assertEquals(
        List.of("INVALID_KEY", "OTHER"),
        changed
            .json()
            .getJsonArray("categories")
            .getValuesAs(jakarta.json.JsonString.class)
            .stream()
            .map(jakarta.json.JsonString::getString)
            .toList());
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM audit_entry WHERE subject_id = ? AND action = 'staff.skills'",
            target));
    Answer bad =
        api.put(
            "/api/v1/ops/staff/" + target + "/skills",
            "{\"categories\":[\"NOPE\"],\"languages\":[\"fr\"],\"capacity\":-1}",
            Api.bearer(supervisor));
    assertEquals(400, bad.status());
    String fields = bad.json().getJsonArray("errors").toString();
    assertTrue(
        fields.contains("categories")
            && fields.contains("languages")
            && fields.contains("capacity"),
        fields);
    assertEquals(
        404,
        api.put("/api/v1/ops/staff/nobody-here/skills", skills, Api.bearer(supervisor)).status());
  }

  @Test
  void aMissedTargetIsEscalatedExactlyOnceWhileSweepsRunConcurrently() throws Exception {
    String late = file("PAYMENT_ISSUE", "en");
    String soon = file("PAYMENT_ISSUE", "en");
    try (Connection c = TestServers.database()) {
      update(
          c,
          "UPDATE ticket SET created_at = UTC_TIMESTAMP(3) - INTERVAL 3 HOUR,"
              + " response_due_at = UTC_TIMESTAMP(3) - INTERVAL 1 HOUR,"
              + " resolution_due_at = UTC_TIMESTAMP(3) + INTERVAL 20 HOUR WHERE ticket_no = ?",
          late);
      update(
          c,
          "UPDATE ticket SET created_at = UTC_TIMESTAMP(3) - INTERVAL 90 MINUTE,"
              + " response_due_at = UTC_TIMESTAMP(3) + INTERVAL 10 MINUTE,"
              + " resolution_due_at = UTC_TIMESTAMP(3) + INTERVAL 20 HOUR WHERE ticket_no = ?",
          soon);
    }
    String admin = api.staffToken("admin", "admin-demo-pass");
    int sweeps = 6;
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Answer>> running = new ArrayList<>();
    for (int i = 0; i < sweeps; i++) {
      running.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return api.post("/api/v1/ops/staff/deadline-sweep", "", Api.bearer(admin));
              }));
    }
    start.countDown();
    for (CompletableFuture<Answer> f : running) {
      Answer a = f.join();
      assertEquals(200, a.status(), a.body());
    }

    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM audit_entry WHERE subject_id = ? AND action = 'ticket.escalated'",
            late));
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM outbox_event WHERE aggregate_id = ? AND event_type = ?",
            late,
            "TicketEscalated"));
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM ticket_entry e JOIN ticket t ON t.id = e.ticket_id"
                + " WHERE t.ticket_no = ? AND e.body LIKE 'Escalated to supervisor%'",
            late));
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM outbox_event WHERE aggregate_id = ? AND event_type = ?",
            soon,
            "TicketDeadlineAtRisk"));
    assertEquals(
        0,
        count(
            "SELECT COUNT(*) FROM outbox_event WHERE aggregate_id = ? AND event_type = ?",
            soon,
            "TicketEscalated"));

    String supervisor = api.staffToken("supervisor", "supervisor-demo-pass");
    JsonObject lateView =
        ticket(supervisor, late).getJsonObject("staff").getJsonObject("deadlines");
    assertEquals("BREACHED", lateView.getString("flag"), lateView.toString());
    assertEquals("SUPERVISOR", lateView.getString("escalationTarget"));
    JsonObject soonView =
        ticket(supervisor, soon).getJsonObject("staff").getJsonObject("deadlines");
    assertEquals("AT_RISK", soonView.getString("flag"), soonView.toString());
    JsonObject breached = item(supervisor, "deadline=breached&escalated=true", late);
    assertEquals("BREACHED", breached.getString("deadlineState"));
    assertTrue(breached.getJsonNumber("secondsLeft").longValue() < -3000, breached.toString());
    assertEquals("SUPERVISOR", breached.getString("escalationTarget"));
    JsonObject atRisk = item(supervisor, "deadline=at_risk", soon);
    assertEquals("AT_RISK", atRisk.getString("deadlineState"));
    long left = atRisk.getJsonNumber("secondsLeft").longValue();
    assertTrue(left > 0 && left <= 600, "ten minutes left: " + left);
    assertTrue(
        ticket(supervisor, soon).getJsonArray("timeline").toString().contains("at risk"),
        "flagged on the timeline");

    // the queue puts missed targets before the ones at risk, before the rest
    Answer queue = api.get("/api/v1/ops/tickets?size=200", Api.bearer(supervisor));
    List<String> states =
        queue.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
            .map(i -> i.getString("deadlineState"))
            .toList();
    List<String> sorted = new ArrayList<>(states);
    sorted.sort(
        java.util.Comparator.comparingInt(
            s -> List.of("BREACHED", "AT_RISK", "OK", "NONE").indexOf(s)));
    assertEquals(sorted, states);

    Answer badFilter =
        api.get(
            "/api/v1/ops/tickets?deadline=late&risk=MAYBE&escalated=yes", Api.bearer(supervisor));
    assertEquals(400, badFilter.status());
    assertEquals(3, badFilter.json().getJsonArray("errors").size(), badFilter.body());
  }

  @Test
  void agentsEscalateToTheSupplierOrASupervisorWithAReason() throws Exception {
    String ticketNo = file("PAYMENT_ISSUE", "en");
    String agent = api.staffToken("agent", "agent-demo-pass");
    String actions = "/api/v1/ops/tickets/" + ticketNo + "/actions";
    Answer noTarget =
        api.post(actions, "{\"type\":\"ESCALATE\",\"text\":\"batch fails\"}", Api.bearer(agent));
    assertEquals(400, noTarget.status());
    assertEquals(
        "target", noTarget.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    Answer noReason =
        api.post(actions, "{\"type\":\"ESCALATE\",\"target\":\"SUPPLIER\"}", Api.bearer(agent));
    assertEquals(400, noReason.status());
    Answer tooLong =
        api.post(
            actions,
            "{\"type\":\"ESCALATE\",\"target\":\"SUPPLIER\",\"text\":\"" + "x".repeat(501) + "\"}",
            Api.bearer(agent));
    assertEquals(400, tooLong.status());
    assertEquals("text", tooLong.json().getJsonArray("errors").getJsonObject(0).getString("field"));

    Answer done =
        api.post(
            actions,
            "{\"type\":\"ESCALATE\",\"target\":\"SUPPLIER\",\"text\":\"the whole batch fails\"}",
            Api.bearer(agent));
    assertEquals(200, done.status(), done.body());
    assertTrue(done.body().contains("Escalated to supplier"), done.body());
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM audit_entry WHERE subject_id = ? AND action = 'staff.escalate'",
            ticketNo));
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM outbox_event WHERE aggregate_id = ? AND event_type = ?",
            ticketNo,
            "TicketEscalated"));
    String supervisor = api.staffToken("supervisor", "supervisor-demo-pass");
    JsonObject item = item(supervisor, "escalated=true", ticketNo);
    assertEquals("SUPPLIER", item.getString("escalationTarget"));
    // the buyer does not see internal escalations
    Answer buyerView = api.get("/api/v1/ops/tickets/" + ticketNo, Map.of());
    assertEquals(401, buyerView.status());
  }

  /** The queue item of one ticket under a filter; fails when the filter leaves it out. */
  private JsonObject item(String token, String query, String ticketNo) {
    for (int page = 0; page < 50; page++) {
      Answer a =
          api.get("/api/v1/ops/tickets?" + query + "&size=200&page=" + page, Api.bearer(token));
      assertEquals(200, a.status(), a.body());
      List<JsonObject> items = a.json().getJsonArray("items").getValuesAs(JsonObject.class);
      for (JsonObject i : items) {
        if (i.getString("ticketNo").equals(ticketNo)) {
          return i;
        }
      }
      if (items.size() < 200) {
        break;
      }
    }
    throw new AssertionError(ticketNo + " is not in the queue filtered by " + query);
  }
}
