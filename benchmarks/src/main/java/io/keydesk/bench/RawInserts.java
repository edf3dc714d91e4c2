package io.keydesk.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The machine's raw ceiling: single-row INSERTs, each its own durable transaction (autocommit), one
 * JDBC connection per client, into the same MariaDB the app uses.
 */
final class RawInserts {
  static final String TABLE = "bench_raw_insert";

  private final String url;
  private final String user;
  private final String password;

  RawInserts(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  void createTable() throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS "
              + TABLE
              + " (id BIGINT AUTO_INCREMENT PRIMARY KEY, client INT NOT NULL,"
              + " seq BIGINT NOT NULL, note VARCHAR(64) NOT NULL, created_at DATETIME(3) NOT NULL)"
              + " ENGINE=InnoDB");
    }
  }

  /** A client with its own connection; each call inserts one row and commits it. */
  ClosedLoop.Client client(int number) {
    try {
      Connection connection = DriverManager.getConnection(url, user, password);
      connection.setAutoCommit(true);
      PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO "
                  + TABLE
                  + " (client, seq, note, created_at) VALUES (?, ?, 'bench', NOW(3))");
      return new ClosedLoop.Client() {
        private long seq;

        @Override
        public void call() throws SQLException {
          insert.setInt(1, number);
          insert.setLong(2, seq++);
          insert.executeUpdate();
        }

        @Override
        public void close() {
          try {
            connection.close();
          } catch (SQLException e) {
            // The phase is over; a connection that fails to close changes nothing measured.
          }
        }
      };
    } catch (SQLException e) {
      throw new IllegalStateException("Could not connect to " + url, e);
    }
  }
}
