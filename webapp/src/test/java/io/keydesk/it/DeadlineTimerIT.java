package io.keydesk.it;

import static io.keydesk.it.Claims.count;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keydesk.it.Claims.Buyer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The deadline timer on its own: no one calls the admin sweep, and a missed target is still
 * escalated within one sweep interval (30 s by default).
 */
class DeadlineTimerIT extends ApiIT {
  @Test
  void aMissedTargetIsEscalatedByTheTimerAlone() throws Exception {
    Claims claims = new Claims(api);
    Buyer buyer = claims.buyer(Api.unique("DT"), "IT-SUP", "CODE-" + Api.unique("DT"));
    String ticketNo = claims.file(buyer, "OTHER").json().getString("ticketNo");
    try (Connection c = TestServers.database();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE ticket SET response_due_at = NOW(3) - INTERVAL 1 MINUTE"
                    + " WHERE ticket_no = ?")) {
      s.setString(1, ticketNo);
      assertEquals(1, s.executeUpdate());
    }

    Instant until = Instant.now().plus(Duration.ofSeconds(75));
    long escalated = 0;
    while (escalated == 0 && Instant.now().isBefore(until)) {
      Thread.sleep(1000);
      escalated =
          count(
              "SELECT COUNT(*) FROM ticket WHERE ticket_no = ? AND response_breached_at IS NOT NULL",
              ticketNo);
    }
    assertEquals(1, escalated, "the timer escalated the missed response target");
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM ticket WHERE ticket_no = ? AND escalated_at IS NOT NULL",
            ticketNo),
        "the case is on a supervisor's list");
  }
}
