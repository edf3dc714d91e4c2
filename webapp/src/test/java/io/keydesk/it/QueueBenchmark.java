package io.keydesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keydesk.it.Api.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Server time of the staff queue with thousands of open tickets
 * (docs/benchmarks.md#staff-queue-issue-6). Not part of the suite (no {@code IT} suffix): run it
 * alone with
 *
 * <pre>./mvnw -B -pl webapp -am verify -Dit.test=QueueBenchmark -Dtest=NoSuchTest \
 *   -Dsurefire.failIfNoSpecifiedTests=false [-Dqueue.bench.tickets=10000]</pre>
 *
 * It seeds open tickets straight into the test database (deadlines spread so that some are missed,
 * some at risk, most on time; their deadline flags pre-set so the sweep leaves them alone), then
 * times {@code GET /api/v1/ops/tickets} under typical filters from the same machine: the time
 * measured is the server's plus a loopback round trip. The report goes to stdout and {@code
 * target/queue-benchmark.md}.
 */
class QueueBenchmark extends ApiIT {
  private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  @Test
  void queueServerTime() throws Exception {
    int tickets = Integer.getInteger("queue.bench.tickets", 5000);
    int rounds = Integer.getInteger("queue.bench.rounds", 100);
    String orderNo = Api.unique("BENCH");
    Answer imported = api.importOrder(orderNo, "bench@example.com", "BENCH-SKU", "K1");
    assertEquals(2, imported.status() / 100, imported.body());
    seed(orderNo, tickets);
    String token = api.staffToken("supervisor", "supervisor-demo-pass");
    String[] queries = {
      "size=25",
      "size=25&page=40",
      "size=25&deadline=breached",
      "size=25&deadline=at_risk",
      "size=25&assignee=unassigned",
      "size=25&category=INVALID_KEY&risk=REVIEW",
      "size=25&product=BENCH-SKU&status=IN_REVIEW",
      "size=25&escalated=true"
    };
    StringBuilder report = new StringBuilder();
    report
        .append("Open tickets in the database: ")
        .append(openTickets())
        .append(" (")
        .append(tickets)
        .append(" seeded); ")
        .append(rounds)
        .append(" sequential requests per query after 20 warm-up requests.\n\n")
        .append("| query | total | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|\n");
    for (String q : queries) {
      for (int i = 0; i < 20; i++) {
        api.get("/api/v1/ops/tickets?" + q, Api.bearer(token));
      }
      long[] ms = new long[rounds];
      long total = 0;
      for (int i = 0; i < rounds; i++) {
        long start = System.nanoTime();
        Answer a = api.get("/api/v1/ops/tickets?" + q, Api.bearer(token));
        ms[i] = (System.nanoTime() - start) / 1_000;
        assertEquals(200, a.status(), a.body());
        total = a.json().getJsonNumber("total").longValue();
      }
      Arrays.sort(ms);
      report
          .append("| `")
          .append(q)
          .append("` | ")
          .append(total)
          .append(" | ")
          .append(String.format("%.1f", ms[rounds / 2] / 1000.0))
          .append(" | ")
          .append(String.format("%.1f", ms[(int) Math.ceil(rounds * 0.95) - 1] / 1000.0))
          .append(" | ")
          .append(String.format("%.1f", ms[rounds - 1] / 1000.0))
          .append(" |\n");
    }
    System.out.println("\n" + report);
    Files.writeString(Path.of("target", "queue-benchmark.md"), report.toString());
  }

  private static long openTickets() throws Exception {
    return Claims.count(
        "SELECT COUNT(*) FROM ticket WHERE status IN"
            + " ('SUBMITTED','AUTO_RESOLVING','IN_REVIEW','AWAITING_BUYER','REOPENED')");
  }

  private static void seed(String orderNo, int count) throws Exception {
    Random random = new Random(42);
    String[] categories = {
      "NOT_RECEIVED", "INVALID_KEY", "WRONG_PURCHASE", "PAYMENT_ISSUE", "USAGE_HELP", "OTHER"
    };
    String[] decisions = {"REVIEW", "REVIEW", "REVIEW", "AUTO", "BLOCK"};
    Instant now = Instant.now();
    try (Connection c = TestServers.database()) {
      long orderId;
      long agentId;
      try (PreparedStatement s =
          c.prepareStatement("SELECT id FROM shop_order WHERE order_no = ?")) {
        s.setString(1, orderNo);
        try (ResultSet r = s.executeQuery()) {
          r.next();
          orderId = r.getLong(1);
        }
      }
      try (PreparedStatement s =
              c.prepareStatement("SELECT id FROM staff_user WHERE username = 'agent'");
          ResultSet r = s.executeQuery()) {
        r.next();
        agentId = r.getLong(1);
      }
      c.setAutoCommit(false);
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO ticket (ticket_no, order_id, category_code, status, description,"
                  + " language, channel, buyer_contact, assignee_id, response_due_at,"
                  + " resolution_due_at, first_response_at, created_at, updated_at, risk_decision,"
                  + " rank_at, response_at_risk_at, resolution_at_risk_at, response_breached_at,"
                  + " resolution_breached_at) VALUES (?, ?, ?, ?, 'benchmark ticket', ?, 'web',"
                  + " 'bench@example.com', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          StringBuilder no = new StringBuilder("KD-261125-");
          for (int k = 0; k < 8; k++) {
            no.append(CROCKFORD.charAt(random.nextInt(32)));
          }
          numbers.add(no.toString());
          // created within the last 30 hours; response target 30 min to 4 h, resolution 24 h
          Instant created = now.minus(Duration.ofMinutes(random.nextInt(30 * 60)));
          Instant responseDue = created.plus(Duration.ofMinutes(30 + random.nextInt(210)));
          Instant resolutionDue = created.plus(Duration.ofHours(24));
          boolean answered = random.nextInt(10) < 4;
          int roll = random.nextInt(100);
          String status = roll < 70 ? "IN_REVIEW" : roll < 85 ? "AWAITING_BUYER" : "SUBMITTED";
          s.setString(1, no.toString());
          s.setLong(2, orderId);
          s.setString(3, categories[random.nextInt(categories.length)]);
          s.setString(4, status);
          s.setString(5, random.nextBoolean() ? "en" : "zh-CN");
          if (status.equals("IN_REVIEW")) {
            s.setLong(6, agentId);
          } else {
            s.setNull(6, java.sql.Types.BIGINT);
          }
          s.setTimestamp(7, utc(responseDue));
          s.setTimestamp(8, utc(resolutionDue));
          s.setTimestamp(9, answered ? utc(created.plusSeconds(600)) : null);
          s.setTimestamp(10, utc(created));
          s.setTimestamp(11, utc(created));
          s.setString(12, decisions[random.nextInt(decisions.length)]);
          s.setTimestamp(13, utc(responseDue.minusSeconds(random.nextInt(3600))));
          for (int f = 14; f <= 17; f++) {
            s.setTimestamp(f, utc(created));
          }
          s.addBatch();
          if (i % 500 == 499) {
            s.executeBatch();
          }
        }
        s.executeBatch();
      }
      c.commit();
    }
  }

  private static Timestamp utc(Instant instant) {
    return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
  }
}
