package io.keydesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.it.Api.Answer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a buyer does with a filed case: talk to a human (转人工), reopen within seven days of the
 * resolution, rate it once. Each change is on the timeline, in the outbox and in the audit chain;
 * someone else's case is a 404.
 */
class CaseActionsIT extends ApiIT {
  private record Case(String ticketNo, String buyer) {}

  /** A case of a category the risk engine always sends to review. */
  private Case file(String category) {
    String orderNo = Api.unique("CASE");
    String contact = orderNo.toLowerCase() + "@example.com";
    assertEquals(200, api.importOrder(orderNo, contact, "CASE-SKU", "K-" + orderNo).status());
    String buyer = api.buyerToken(orderNo, contact);
    Answer filed =
        api.post(
            "/api/v1/tickets",
            "{\"orderNo\":\""
                + orderNo
                + "\",\"category\":\""
                + category
                + "\",\"description\":\"The payment went through twice\"}",
            Api.bearer(buyer));
    assertEquals(201, filed.status(), filed.body());
    return new Case(filed.json().getString("ticketNo"), buyer);
  }

  private Answer post(Case c, String action, String body) {
    return api.post("/api/v1/tickets/" + c.ticketNo() + "/" + action, body, Api.bearer(c.buyer()));
  }

  private JsonObject staffAct(String ticketNo, String body) {
    String agent = api.staffToken("agent", "agent-demo-pass");
    Answer a = api.post("/api/v1/ops/tickets/" + ticketNo + "/actions", body, Api.bearer(agent));
    assertEquals(200, a.status(), a.body());
    return a.json();
  }

  private void resolve(Case c) {
    staffAct(c.ticketNo(), "{\"type\":\"RESOLVE\",\"resolution\":\"ANSWERED\",\"text\":\"Done\"}");
  }

  @Test
  void askingForAHumanOnAResolvedCaseReopensItForReviewAndAskingTwiceIsHarmless() throws Exception {
    Case c = file("PAYMENT_ISSUE");
    resolve(c);

    Answer first = post(c, "handoff", "{\"reason\":\"The refund never arrived\"}");
    assertEquals(200, first.status(), first.body());
    JsonObject ticket = first.json();
    assertEquals("IN_REVIEW", ticket.getString("status"));
    JsonArray timeline = ticket.getJsonArray("timeline");
    List<String> moves = new ArrayList<>();
    for (JsonObject e : timeline.getValuesAs(JsonObject.class)) {
      if ("TRANSITION".equals(e.getString("kind"))) {
        moves.add(e.getString("toStatus"));
      }
    }
    assertEquals(List.of("REOPENED", "IN_REVIEW"), moves.subList(moves.size() - 2, moves.size()));
    JsonObject last = timeline.getJsonObject(timeline.size() - 1);
    assertEquals("BUYER", last.getString("actorType"));
    assertTrue(last.getString("body").contains("买家要求转人工"), last.toString());
    assertTrue(last.getString("body").contains("The refund never arrived"), last.toString());

    Answer again = post(c, "handoff", "");
    assertEquals(200, again.status(), again.body());
    assertEquals("IN_REVIEW", again.json().getString("status"));
    assertEquals(timeline.size(), again.json().getJsonArray("timeline").size(), "nothing added");

    assertEquals(1, count("outbox_event", c.ticketNo(), "TicketTransitioned", "REOPENED"));
    assertEquals(1, audited(c.ticketNo(), "buyer.handoff"));
  }

  @Test
  void anOpenCaseGoesToAHumanAndAClosedOneCannot() {
    Case c = file("OTHER");
    staffAct(
        c.ticketNo(), "{\"type\":\"ASK_BUYER\",\"text\":\"Which payment method did you use?\"}");
    Answer handed = post(c, "handoff", "{}");
    assertEquals(200, handed.status(), handed.body());
    assertEquals("IN_REVIEW", handed.json().getString("status"));

    resolve(c);
    staffAct(c.ticketNo(), "{\"type\":\"CLOSE\"}");
    Answer closed = post(c, "handoff", "{}");
    assertEquals(409, closed.status(), closed.body());
    assertTrue(closed.contentType().startsWith("application/problem+json"));
    assertEquals("urn:keydesk:problem:illegal-transition", closed.json().getString("type"));

    Answer blank = post(c, "handoff", "{\"reason\":\"  \"}");
    assertEquals(400, blank.status(), blank.body());
    assertEquals("reason", blank.json().getJsonArray("errors").getJsonObject(0).getString("field"));
  }

  @Test
  void aResolvedCaseIsReopenedIntoTheQueueWithinSevenDaysAndNotAfter() throws Exception {
    Case c = file("PAYMENT_ISSUE");
    Answer early = post(c, "reopen", "{\"reason\":\"not yet\"}");
    assertEquals(409, early.status(), early.body());
    assertEquals("urn:keydesk:problem:illegal-transition", early.json().getString("type"));

    resolve(c);
    JsonObject resolved = api.get("/api/v1/tickets/" + c.ticketNo(), Api.bearer(c.buyer())).json();
    assertFalse(resolved.isNull("reopenUntil"), resolved.toString());

    Answer noReason = post(c, "reopen", "{}");
    assertEquals(400, noReason.status(), noReason.body());
    assertEquals(
        "reason", noReason.json().getJsonArray("errors").getJsonObject(0).getString("field"));

    Answer reopened = post(c, "reopen", "{\"reason\":\"The key still does not work\"}");
    assertEquals(200, reopened.status(), reopened.body());
    assertEquals("REOPENED", reopened.json().getString("status"));
    assertFalse(reopened.json().containsKey("resolution"), "no resolution any more");
    String agent = api.staffToken("agent", "agent-demo-pass");
    Answer queue = api.get("/api/v1/ops/tickets?status=REOPENED&size=100", Api.bearer(agent));
    assertEquals(200, queue.status(), queue.body());
    assertTrue(queue.body().contains(c.ticketNo()), "back in the agents' queue");
    assertEquals(1, audited(c.ticketNo(), "buyer.reopen"));

    // Resolved again, eight days ago: too late.
    resolve(c);
    try (Connection db = TestServers.database();
        PreparedStatement s =
            db.prepareStatement(
                "UPDATE ticket SET resolved_at = resolved_at - INTERVAL 8 DAY WHERE ticket_no = ?")) {
      s.setString(1, c.ticketNo());
      assertEquals(1, s.executeUpdate());
    }
    Answer late = post(c, "reopen", "{\"reason\":\"still broken\"}");
    assertEquals(409, late.status(), late.body());
    assertTrue(late.contentType().startsWith("application/problem+json"));
    assertEquals("urn:keydesk:problem:reopen-window-passed", late.json().getString("type"));
    Answer lateHuman = post(c, "handoff", "{}");
    assertEquals(409, lateHuman.status(), lateHuman.body());
    assertEquals("urn:keydesk:problem:reopen-window-passed", lateHuman.json().getString("type"));
  }

  @Test
  void aResolvedCaseIsRatedOnceAndStaffSeeTheRating() throws Exception {
    Case c = file("PAYMENT_ISSUE");
    Answer tooEarly = post(c, "rating", "{\"score\":5}");
    assertEquals(409, tooEarly.status(), tooEarly.body());
    assertEquals("urn:keydesk:problem:not-resolved", tooEarly.json().getString("type"));

    resolve(c);
    for (String bad : List.of("{\"score\":0}", "{\"score\":6}", "{\"comment\":\"no score\"}")) {
      Answer a = post(c, "rating", bad);
      assertEquals(400, a.status(), bad + " " + a.body());
      assertTrue(a.contentType().startsWith("application/problem+json"));
      assertEquals("score", a.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }
    Answer longComment =
        post(c, "rating", "{\"score\":3,\"comment\":\"" + "x".repeat(1001) + "\"}");
    assertEquals(400, longComment.status(), longComment.body());
    assertEquals(
        "comment", longComment.json().getJsonArray("errors").getJsonObject(0).getString("field"));

    Answer rated = post(c, "rating", "{\"score\":4,\"comment\":\"Quick and polite\"}");
    assertEquals(200, rated.status(), rated.body());
    JsonObject rating = rated.json().getJsonObject("rating");
    assertEquals(4, rating.getInt("score"));
    assertEquals("Quick and polite", rating.getString("comment"));

    Answer twice = post(c, "rating", "{\"score\":1}");
    assertEquals(409, twice.status(), twice.body());
    assertEquals("urn:keydesk:problem:already-rated", twice.json().getString("type"));

    String agent = api.staffToken("agent", "agent-demo-pass");
    JsonObject staff = api.get("/api/v1/ops/tickets/" + c.ticketNo(), Api.bearer(agent)).json();
    assertEquals(4, staff.getJsonObject("rating").getInt("score"));
    assertEquals(1, count("outbox_event", c.ticketNo(), "TicketRated", "RESOLVED"));
    assertEquals(1, audited(c.ticketNo(), "buyer.rating"));
    try (Connection db = TestServers.database();
        PreparedStatement s =
            db.prepareStatement("SELECT rating_score FROM ticket WHERE ticket_no = ?")) {
      s.setString(1, c.ticketNo());
      try (ResultSet r = s.executeQuery()) {
        assertTrue(r.next());
        assertEquals(4, r.getInt(1), "stored on the ticket");
      }
    }
  }

  @Test
  void theBuyerSaysTheProblemIsSolvedAndTheCaseLeavesTheQueueWithoutAnAgent() throws Exception {
    Case c = file("OTHER");
    Answer tooLong = post(c, "solved", "{\"comment\":\"" + "x".repeat(1001) + "\"}");
    assertEquals(400, tooLong.status(), tooLong.body());
    assertEquals(
        "comment", tooLong.json().getJsonArray("errors").getJsonObject(0).getString("field"));

    Answer solved = post(c, "solved", "{\"comment\":\"The mail was in my spam folder\"}");
    assertEquals(200, solved.status(), solved.body());
    JsonObject ticket = solved.json();
    assertEquals("RESOLVED", ticket.getString("status"));
    assertEquals("ANSWERED", ticket.getString("resolution"));
    assertTrue(
        ticket.getString("resolutionNote").contains("The mail was in my spam folder"),
        ticket.toString());
    JsonArray timeline = ticket.getJsonArray("timeline");
    JsonObject last = timeline.getJsonObject(timeline.size() - 1);
    assertEquals("BUYER", last.getString("actorType"));
    assertEquals("RESOLVED", last.getString("toStatus"));
    String agent = api.staffToken("agent", "agent-demo-pass");
    Answer queue = api.get("/api/v1/ops/tickets?status=IN_REVIEW&size=100", Api.bearer(agent));
    assertFalse(queue.body().contains(c.ticketNo()), "no longer waiting for an agent");
    assertEquals(1, count("outbox_event", c.ticketNo(), "TicketTransitioned", "RESOLVED"));
    assertEquals(1, audited(c.ticketNo(), "buyer.solved"));

    Answer twice = post(c, "solved", "");
    assertEquals(409, twice.status(), twice.body());
    assertEquals("urn:keydesk:problem:illegal-transition", twice.json().getString("type"));
    Answer reopened = post(c, "reopen", "{\"reason\":\"It stopped working again\"}");
    assertEquals(200, reopened.status(), reopened.body());
    Answer again = post(c, "solved", "");
    assertEquals(200, again.status(), again.body());
    assertEquals("RESOLVED", again.json().getString("status"));
  }

  @Test
  void anotherBuyersCaseIsNotFound() {
    Case mine = file("PAYMENT_ISSUE");
    Case theirs = file("PAYMENT_ISSUE");
    for (String action : List.of("handoff", "reopen", "rating", "solved")) {
      Answer a =
          api.post(
              "/api/v1/tickets/" + theirs.ticketNo() + "/" + action,
              "{\"reason\":\"x\",\"score\":5}",
              Api.bearer(mine.buyer()));
      assertEquals(404, a.status(), action + " " + a.body());
      assertTrue(a.contentType().startsWith("application/problem+json"));
    }
    Answer noToken =
        api.post("/api/v1/tickets/" + theirs.ticketNo() + "/handoff", "{}", java.util.Map.of());
    assertEquals(401, noToken.status());
  }

  private static long count(String table, String ticketNo, String type, String status)
      throws SQLException {
    try (Connection db = TestServers.database();
        PreparedStatement s =
            db.prepareStatement(
                "SELECT COUNT(*) FROM "
                    + table
                    + " WHERE aggregate_id = ? AND event_type = ? AND payload LIKE ?")) {
      s.setString(1, ticketNo);
      s.setString(2, type);
      s.setString(3, "%\"status\":\"" + status + "\"%");
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private static long audited(String ticketNo, String action) throws SQLException {
    try (Connection db = TestServers.database();
        PreparedStatement s =
            db.prepareStatement(
                "SELECT COUNT(*) FROM audit_entry WHERE subject_type = 'ticket' AND subject_id = ?"
                    + " AND action = ?")) {
      s.setString(1, ticketNo);
      s.setString(2, action);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }
}
