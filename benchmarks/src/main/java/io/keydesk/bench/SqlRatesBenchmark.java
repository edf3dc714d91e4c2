package io.keydesk.bench;

import static java.lang.System.Logger.Level.INFO;

import io.keydesk.embedded.EmbeddedMariaDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Per-product complaint rates computed by SQL on MariaDB (the app's own schema, from {@code
 * sql/migrations}) at 5 million orders and 1 million tickets, beside reading the same rates from
 * the streamed read model ({@code analytics_complaint_rate}, which the webapp's consumer fills from
 * the job's result topic): time per refresh of both ways (issue 5, item 11, third figure).
 *
 * <p>Data: 5 suppliers, 50 products, orders spread evenly over the last 8 days; every fifth order
 * has a ticket (so 1 million tickets), created 10 minutes after its order. Rows are bulk-loaded
 * with {@code INSERT … SELECT} from MariaDB's sequence engine ({@code seq_1_to_N}), in chunks.
 */
final class SqlRatesBenchmark {
  private static final System.Logger LOG = System.getLogger(SqlRatesBenchmark.class.getName());
  private static final String[] WINDOWS = {"1h", "24h", "7d"};
  private static final int[] WINDOW_HOURS = {1, 24, 168};
  private static final int PRODUCTS = 50;

  private SqlRatesBenchmark() {}

  /** The SQL refresh of one window: delivered orders and complaints per product since {@code ?}. */
  static final String SQL_REFRESH =
      "SELECT p.sku, d.delivered, COALESCE(c.complaints, 0) AS complaints,"
          + " COALESCE(c.complaints, 0) / d.delivered AS rate"
          + " FROM product p"
          + " JOIN (SELECT product_id, COUNT(*) AS delivered FROM shop_order"
          + "       WHERE paid_at >= NOW(3) - INTERVAL ? HOUR GROUP BY product_id) d"
          + "   ON d.product_id = p.id"
          + " LEFT JOIN (SELECT o.product_id, COUNT(*) AS complaints FROM ticket t"
          + "       JOIN shop_order o ON o.id = t.order_id"
          + "       WHERE t.created_at >= NOW(3) - INTERVAL ? HOUR GROUP BY o.product_id) c"
          + "   ON c.product_id = p.id"
          + " ORDER BY rate DESC";

  /** Reading the streamed result: what {@code GET /api/v1/ops/metrics/products} would select. */
  static final String READ_MODEL =
      "SELECT subject_id, delivered, complaints, rate FROM analytics_complaint_rate"
          + " WHERE scope = 'product' AND window_name = ? ORDER BY rate DESC";

  static String run(Path root, MachineFacts machine, int orders, int tickets, int repeats)
      throws Exception {
    Path work = root.resolve("benchmarks/target/sql-rates-bench");
    Servers.deleteRecursively(work);
    try (EmbeddedMariaDb db = Servers.startDatabase(work)) {
      String url = db.jdbcUrl() + "?allowMultiQueries=true";
      try (Connection owner =
          DriverManager.getConnection(url, db.ownerUser(), db.ownerPassword())) {
        migrate(owner, root.resolve("sql/migrations"));
        long loadStart = System.nanoTime();
        load(owner, orders, tickets);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        LOG.log(INFO, "Loaded {0} orders and {1} tickets in {2} s", orders, tickets, loadSeconds);
        StringBuilder out = new StringBuilder();
        out.append("### SQL vs streamed complaint rates, run of ").append(machine.date());
        out.append("\n\n");
        out.append(
            String.format(
                Locale.ROOT,
                "- MariaDB %s (embedded, innodb_buffer_pool_size %s MiB); schema from"
                    + " sql/migrations; %,d orders and %,d tickets bulk-loaded in %.0f s;"
                    + " ANALYZE TABLE done%n",
                scalar(owner, "SELECT VERSION()"),
                Long.parseLong(scalar(owner, "SELECT @@innodb_buffer_pool_size")) >> 20,
                orders,
                tickets,
                loadSeconds));
        out.append(
            String.format(
                Locale.ROOT,
                "- Each query run %d times after one warm-up run; median and mean of the"
                    + " wall time per refresh (JDBC, result fully read)%n%n",
                repeats));
        out.append(
            "| window | SQL refresh median ms | SQL mean ms | read model median ms | read model"
                + " mean ms | SQL ÷ read model (median) | goal ≥ 100× |\n");
        out.append("|---|---:|---:|---:|---:|---:|---|\n");
        for (int w = 0; w < WINDOWS.length; w++) {
          double[] sql = time(owner, SQL_REFRESH, repeats, WINDOW_HOURS[w], WINDOW_HOURS[w]);
          double[] read = time(owner, READ_MODEL, repeats, WINDOWS[w]);
          double ratio = median(sql) / median(read);
          out.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %.1f | %.1f | %.2f | %.2f | **%,.0f×** | %s |%n",
                  WINDOWS[w],
                  median(sql),
                  mean(sql),
                  median(read),
                  mean(read),
                  ratio,
                  ratio >= 100 ? "met" : "not met"));
        }
        return out.toString();
      }
    } finally {
      Servers.deleteRecursively(work);
    }
  }

  private static void migrate(Connection owner, Path migrations) throws Exception {
    List<Path> files;
    try (Stream<Path> list = Files.list(migrations)) {
      files =
          new ArrayList<>(
              list.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql")).toList());
    }
    files.sort(
        (a, b) ->
            Integer.compare(
                Integer.parseInt(a.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1")),
                Integer.parseInt(b.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"))));
    for (Path file : files) {
      try (Statement statement = owner.createStatement()) {
        statement.execute(Files.readString(file, StandardCharsets.UTF_8));
        while (statement.getMoreResults() || statement.getUpdateCount() != -1) {
          // drain the results of every statement of the script
        }
      }
      LOG.log(INFO, "Applied {0}", file.getFileName());
    }
  }

  private static void load(Connection c, int orders, int tickets) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SET SESSION unique_checks = 0, foreign_key_checks = 0");
      s.execute(
          "INSERT INTO supplier (id, code, name, created_at) SELECT seq, CONCAT('SUP-', seq),"
              + " CONCAT('Supplier ', seq), NOW(3) FROM seq_1_to_5");
      s.execute(
          "INSERT INTO product (id, sku, name, supplier_id, created_at) SELECT seq,"
              + " CONCAT('SKU-', seq), CONCAT('Product ', seq), 1 + seq % 5, NOW(3) FROM seq_1_to_"
              + PRODUCTS);
      long span = 8L * 24 * 3600 * 1000; // 8 days, in ms
      int chunk = 500_000;
      for (int from = 1; from <= orders; from += chunk) {
        int to = Math.min(orders, from + chunk - 1);
        s.execute(
            "INSERT INTO shop_order (id, order_no, product_id, quantity, amount, currency,"
                + " buyer_email, paid_at, payload_hash, created_at, updated_at)"
                + " SELECT seq, CONCAT('B', seq), 1 + seq % "
                + PRODUCTS
                + ", 1, 9.90, 'CNY', CONCAT('buyer', seq % 1000000, '@example.com'),"
                + " NOW(3) - INTERVAL ("
                + span
                + " - seq * "
                + (span / orders)
                + ") * 1000 MICROSECOND, REPEAT('0', 64), NOW(3), NOW(3)"
                + " FROM seq_"
                + from
                + "_to_"
                + to);
        LOG.log(INFO, "orders up to {0}", to);
      }
      int every = Math.max(1, orders / tickets);
      for (int from = 1; from <= tickets; from += chunk) {
        int to = Math.min(tickets, from + chunk - 1);
        s.execute(
            "INSERT INTO ticket (id, ticket_no, order_id, category_code, status, description,"
                + " language, channel, buyer_contact, response_due_at, resolution_due_at,"
                + " rank_at, created_at, updated_at)"
                + " SELECT seq, CONCAT('T', seq), o.id,"
                + " ELT(1 + seq % 6, 'NOT_RECEIVED', 'INVALID_KEY', 'WRONG_PURCHASE',"
                + " 'PAYMENT_ISSUE', 'USAGE_HELP', 'OTHER'), 'IN_REVIEW', 'The key does not work',"
                + " 'en', 'web', o.buyer_email, o.paid_at + INTERVAL 2 HOUR,"
                + " o.paid_at + INTERVAL 1 DAY, o.paid_at + INTERVAL 2 HOUR,"
                + " o.paid_at + INTERVAL 10 MINUTE,"
                + " o.paid_at + INTERVAL 10 MINUTE"
                + " FROM seq_"
                + from
                + "_to_"
                + to
                + " JOIN shop_order o ON o.id = seq * "
                + every);
        LOG.log(INFO, "tickets up to {0}", to);
      }
      // The streamed read model as the webapp's consumer keeps it: one row per product and window.
      for (int w = 0; w < WINDOWS.length; w++) {
        s.execute(
            "INSERT INTO analytics_complaint_rate (rate_key, scope, subject_id, window_name,"
                + " window_start, window_end, delivered, complaints, by_category, rate, updated_at)"
                + " SELECT CONCAT('product|', p.sku, '|"
                + WINDOWS[w]
                + "'), 'product', p.sku, '"
                + WINDOWS[w]
                + "', NOW(3) - INTERVAL "
                + WINDOW_HOURS[w]
                + " HOUR, NOW(3), r.delivered, r.complaints, '{}', r.complaints / r.delivered,"
                + " NOW(3) FROM ("
                + SQL_REFRESH.replace("?", Integer.toString(WINDOW_HOURS[w]))
                + ") r JOIN product p ON p.sku = r.sku");
      }
      s.execute("ANALYZE TABLE shop_order, ticket, product, analytics_complaint_rate");
    }
  }

  private static double[] time(Connection c, String sql, int repeats, Object... parameters)
      throws SQLException {
    double[] millis = new double[repeats];
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      for (int run = -1; run < repeats; run++) {
        long start = System.nanoTime();
        int rows = 0;
        try (ResultSet result = statement.executeQuery()) {
          while (result.next()) {
            rows++;
          }
        }
        if (rows != PRODUCTS) {
          throw new IllegalStateException(sql + " gave " + rows + " rows, not " + PRODUCTS);
        }
        if (run >= 0) {
          millis[run] = (System.nanoTime() - start) / 1e6;
        }
      }
    }
    return millis;
  }

  private static String scalar(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getString(1);
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double mean(double[] values) {
    return Arrays.stream(values).average().orElse(Double.NaN);
  }
}
