package io.keydesk.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * MariaDB's global status counters, read through one connection of their own: statements, XA
 * transactions and InnoDB fsyncs, to put the database work of each operation in the report.
 */
final class DbCounters implements AutoCloseable {
  static final String STATEMENTS = "Questions";
  static final String XA_TRANSACTIONS = "Com_xa_start";
  static final String FSYNCS = "Innodb_data_fsyncs";

  private final Connection connection;

  DbCounters(String url, String user, String password) throws SQLException {
    this.connection = DriverManager.getConnection(url, user, password);
  }

  /** The current values; a snapshot costs one statement itself. */
  Map<String, Long> snapshot() throws SQLException {
    Map<String, Long> values = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SHOW GLOBAL STATUS WHERE Variable_name IN ('"
                    + STATEMENTS
                    + "', '"
                    + XA_TRANSACTIONS
                    + "', '"
                    + FSYNCS
                    + "')")) {
      while (rows.next()) {
        values.put(rows.getString(1), rows.getLong(2));
      }
    }
    return values;
  }

  /** What happened between two snapshots, per operation. */
  static Map<String, Double> perOperation(
      Map<String, Long> before, Map<String, Long> after, long operations) {
    Map<String, Double> result = new HashMap<>();
    before.forEach(
        (name, value) ->
            result.put(
                name,
                operations == 0
                    ? Double.NaN
                    : (after.getOrDefault(name, value) - value) / (double) operations));
    return result;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
