package io.keydesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.it.Api.Answer;
import io.keydesk.it.Claims.Buyer;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The hash-chained audit log: written with every change, append-only, and checked end to end. */
class AuditIT extends ApiIT {
  private static final String[] TRIGGERS = {
    "CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry FOR EACH ROW"
        + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_entry is append-only'",
    "CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry FOR EACH ROW"
        + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_entry is append-only'"
  };

  private JsonObject verify(String token) {
    Answer a = api.get("/api/v1/ops/audit/verify", Api.bearer(token));
    assertEquals(200, a.status(), a.body());
    return a.json();
  }

  @Test
  void theApplicationsUserCannotRewriteTheLog() throws SQLException {
    new Claims(api).file(new Claims(api).buyer(Api.unique("AUD"), "IT-SUP", "CODE-A"), "OTHER");
    try (Connection app = TestServers.database();
        Statement s = app.createStatement()) {
      assertThrows(
          SQLException.class, () -> s.executeUpdate("UPDATE audit_entry SET actor_name = 'x'"));
      assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM audit_entry"));
      assertThrows(SQLException.class, () -> s.executeUpdate("DROP TRIGGER audit_entry_no_update"));
      assertThrows(SQLException.class, () -> s.executeUpdate("TRUNCATE TABLE audit_entry"));
    }
  }

  @Test
  void aRowEditedInTheDatabaseIsNamedByTheCheck() throws SQLException {
    Claims claims = new Claims(api);
    Buyer buyer = claims.buyer(Api.unique("AUD"), "IT-SUP", "CODE-B");
    String ticketNo = claims.file(buyer, "PAYMENT_ISSUE").json().getString("ticketNo");
    String supervisor = api.staffToken("supervisor", "supervisor-demo-pass");
    JsonObject before = verify(supervisor);
    assertTrue(before.getBoolean("intact"), before.toString());
    assertTrue(before.getJsonNumber("entries").longValue() >= 3);

    long seq;
    String original;
    try (Connection owner = TestServers.databaseAsOwner()) {
      try (PreparedStatement q =
          owner.prepareStatement(
              "SELECT seq, details FROM audit_entry WHERE subject_id = ? AND action = 'risk.decision'")) {
        q.setString(1, ticketNo);
        try (ResultSet r = q.executeQuery()) {
          assertTrue(r.next());
          seq = r.getLong(1);
          original = r.getString(2);
        }
      }
      edit(owner, seq, original.replace("AUTO", "BLOCK").replace("}", ",\"x\":\"1\"}"));
    }
    try {
      JsonObject after = verify(supervisor);

      assertFalse(after.getBoolean("intact"));
      assertEquals(seq, after.getJsonNumber("firstBrokenSeq").longValue());
      assertTrue(after.getString("problem").contains("content"), after.toString());
      String agent = api.staffToken("agent", "agent-demo-pass");
      assertEquals(403, api.get("/api/v1/ops/audit/verify", Api.bearer(agent)).status());
    } finally {
      try (Connection owner = TestServers.databaseAsOwner()) {
        edit(owner, seq, original);
      }
    }
    assertTrue(verify(supervisor).getBoolean("intact"));
  }

  /** What an attacker with the DBA's rights would do: lift the triggers, edit, put them back. */
  private static void edit(Connection owner, long seq, String details) throws SQLException {
    try (Statement s = owner.createStatement()) {
      s.executeUpdate("DROP TRIGGER audit_entry_no_update");
      s.executeUpdate("DROP TRIGGER audit_entry_no_delete");
      try (PreparedStatement u =
          owner.prepareStatement("UPDATE audit_entry SET details = ? WHERE seq = ?")) {
        u.setString(1, details);
        u.setLong(2, seq);
        assertEquals(1, u.executeUpdate());
      } finally {
        for (String t : TRIGGERS) {
          s.executeUpdate(t);
        }
      }
    }
  }
}
