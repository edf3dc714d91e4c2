package io.keydesk.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One {@code INSERT ... VALUES (...), (...)} for several rows, sent straight through the
 * transaction's JDBC connection: one round trip however many rows, and none of EclipseLink's work
 * for a native query (parsing the statement, binding every argument by name into a record, a flush
 * of the unit of work before it). For append-only rows the application never reads back in the same
 * transaction (audit entries, fraud signals, notifications); no entity is involved.
 */
public final class MultiRowInsert {
  private final String table;
  private final String head;
  private final int columns;
  private final String row;
  private final List<Object[]> rows = new ArrayList<>();

  /**
   * @param table the table
   * @param columns its columns, in the order of each row's values
   * @param fixedColumns columns whose value is the same SQL in every row, after the bound ones
   * @param fixed that SQL, e.g. {@code 'PENDING', 0}; empty for none
   */
  public MultiRowInsert(
      String table, List<String> columns, List<String> fixedColumns, String fixed) {
    this.table = table;
    List<String> all = new ArrayList<>(columns);
    all.addAll(fixedColumns);
    this.head = "INSERT INTO " + table + " (" + String.join(", ", all) + ") VALUES ";
    this.columns = columns.size();
    this.row =
        "("
            + String.join(", ", Collections.nCopies(columns.size(), "?"))
            + (fixed.isEmpty() ? "" : ", " + fixed)
            + ")";
  }

  public MultiRowInsert(String table, List<String> columns) {
    this(table, columns, List.of(), "");
  }

  /** Adds a row: one value per column, in order (null for SQL NULL). */
  public MultiRowInsert add(Object... values) {
    if (values.length != columns) {
      throw new IllegalArgumentException("a row has " + columns + " values, not " + values.length);
    }
    rows.add(values);
    return this;
  }

  public int size() {
    return rows.size();
  }

  /** Writes the rows in the caller's transaction; nothing happens without rows. */
  public void execute(EntityManager em) {
    if (rows.isEmpty()) {
      return;
    }
    StringBuilder sql = new StringBuilder(head);
    for (int i = 0; i < rows.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(row);
    }
    Connection connection = em.unwrap(Connection.class);
    try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
      int n = 1;
      for (Object[] values : rows) {
        for (Object value : values) {
          insert.setObject(n++, value);
        }
      }
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new PersistenceException("could not insert into " + table, e);
    }
  }
}
