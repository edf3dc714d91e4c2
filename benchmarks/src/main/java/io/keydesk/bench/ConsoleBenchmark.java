package io.keydesk.bench;

import static java.lang.System.Logger.Level.INFO;

import io.keydesk.deploy.PayaraMicro;
import io.keydesk.embedded.EmbeddedMariaDb;
import io.keydesk.embedded.KafkaBroker;
import io.keydesk.embedded.Ports;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The staff console's figures ({@code benchmarks/console}, docs/benchmarks.md, issue 6 item 12):
 *
 * <ol>
 *   <li>starts MariaDB, Kafka and Payara Micro with the WAR (demo data on, so the demo staff and
 *       the supplier {@code VALVE-CN} exist), each on a free port;
 *   <li>bulk-loads, into the app's own schema, suppliers, products, key batches, orders with one
 *       delivered key each and tickets ({@code --tickets}, of which {@code --open} open, spread
 *       over statuses, categories, products, suppliers, risk decisions, assignees and deadlines);
 *       {@code VALVE-CN} has a fifth of the orders;
 *   <li>times the queue as the console asks for it, one request at a time on a warm server: the
 *       REST queue {@code GET /api/v1/ops/tickets?size=25} with and without each filter (a filter
 *       the API answers 400 to is skipped), and the Faces page {@code /console/index.xhtml} in a
 *       session signed in through {@code /console/login.xhtml}'s form;
 *   <li>times {@code VALVE-CN}'s weekly report ({@code /api/v1/supplier/reports} and {@code .pdf})
 *       as the supervisor: the first call, then warm runs; then each of the report's SQL reads
 *       alone over JDBC, with MariaDB's EXPLAIN of the slowest;
 *   <li>prints a markdown block on stdout (also {@code benchmarks/target/console-report.md}).
 * </ol>
 */
public final class ConsoleBenchmark {
  private static final System.Logger LOG = System.getLogger(ConsoleBenchmark.class.getName());
  private static final String SUPPLIER = "VALVE-CN";
  private static final int BENCH_SUPPLIERS = 8;
  private static final int PRODUCTS = 60;
  private static final int SUPPLIER_PRODUCTS = 12; // of 60: a fifth of the orders
  private static final int BATCHES_PER_PRODUCT = 3;
  private static final long ID_BASE = 10_000_000L;
  private static final int CHUNK = 250_000;
  private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
  private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

  private final ConsoleOptions options;
  private final Path root;
  private final Path target;
  private DbCounters counters;

  private ConsoleBenchmark(ConsoleOptions options, Path root) {
    this.options = options;
    this.root = root;
    this.target = root.resolve("benchmarks/target");
  }

  public static void main(String[] args) {
    BenchmarkMain.main(
        args,
        ConsoleOptions.USAGE,
        ConsoleOptions::parse,
        "benchmarks/console",
        "The console benchmark",
        (options, root, command) -> new ConsoleBenchmark(options, root).run(command));
  }

  private String run(String command) throws Exception {
    Path payaraJar = Servers.require(target.resolve("payara-micro.jar"));
    Path war = Servers.require(target.resolve("keydesk.war"));
    MachineFacts machine = MachineFacts.collect(root);
    Path work = Files.createTempDirectory(target, "console-");
    LOG.log(INFO, "Data folder: {0}", work);
    try {
      String report = run(command, machine, work, payaraJar, war);
      Files.writeString(target.resolve("console-report.md"), report);
      return report;
    } finally {
      if (options.keepData()) {
        LOG.log(INFO, "Kept the data folder {0}", work);
      } else {
        Servers.deleteRecursively(work);
      }
    }
  }

  private String run(String command, MachineFacts machine, Path work, Path payaraJar, Path war)
      throws Exception {
    try (EmbeddedMariaDb db = Servers.startDatabase(work);
        DbCounters dbCounters = new DbCounters(db.jdbcUrl(), db.user(), db.password());
        KafkaBroker kafka = Servers.startKafka(work)) {
      counters = dbCounters;
      Servers.Secrets secrets = Servers.Secrets.generate();
      Path payaraHome = Files.createDirectories(work.resolve("payara"));
      long startBegin = System.nanoTime();
      try (PayaraMicro payara =
              Servers.payara(
                      payaraJar,
                      war,
                      payaraHome,
                      Ports.freePort(),
                      options.heap(),
                      db,
                      kafka.bootstrapServers(),
                      secrets)
                  .systemProperty("keydesk.demo.enabled", "true")
                  .start();
          Connection owner =
              DriverManager.getConnection(db.jdbcUrl(), db.ownerUser(), db.ownerPassword())) {
        double startSeconds = (System.nanoTime() - startBegin) / 1e9;
        URI base = payara.baseUri();
        StringBuilder out = new StringBuilder();
        out.append("### Staff console, run of ").append(machine.date()).append("\n\n");
        out.append(
            String.format(
                Locale.ROOT,
                "- Machine: %s CPUs (%s), %s RAM, Linux %s; load average at start %s (the machine"
                    + " is shared with other builds)%n",
                machine.nproc(),
                machine.cpuModel(),
                machine.memory(),
                machine.kernel(),
                machine.loadAverage()));
        out.append("- Java: ")
            .append(machine.java())
            .append("; commit ")
            .append(machine.commit())
            .append('\n');
        out.append("- Command: `").append(command).append("`\n");
        out.append(
            String.format(
                Locale.ROOT,
                "- Database: MariaDB %s, innodb_buffer_pool_size=%s MiB; Payara Micro (heap %s)"
                    + " with the WAR, start to ready %.1f s%n",
                scalar(owner, "SELECT VERSION()"),
                Long.parseLong(scalar(owner, "SELECT @@innodb_buffer_pool_size")) >> 20,
                options.heap(),
                startSeconds));
        long loadBegin = System.nanoTime();
        Loaded loaded = load(owner);
        double loadSeconds = (System.nanoTime() - loadBegin) / 1e9;
        out.append(
            String.format(
                Locale.ROOT,
                "- Data (bulk-loaded with `INSERT … SELECT` from MariaDB's sequence engine in"
                    + " %.0f s, then ANALYZE TABLE): %,d orders with one delivered key each over"
                    + " the last %d days, %d suppliers, %d products, %d key batches; %,d tickets,"
                    + " of which %,d open (%s); %s has %d of the %d products (a fifth of the"
                    + " orders)%n",
                loadSeconds,
                loaded.orders(),
                options.spanDays(),
                BENCH_SUPPLIERS + 1,
                PRODUCTS,
                PRODUCTS * BATCHES_PER_PRODUCT,
                loaded.tickets(),
                loaded.open(),
                loaded.openByStatus(),
                SUPPLIER,
                SUPPLIER_PRODUCTS,
                PRODUCTS));
        out.append(String.format(Locale.ROOT, "- Load average after loading: %s%n%n", loadAvg()));

        HttpClient http =
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String agent = token(http, base, "agent", "agent-demo-pass");
        String supervisor = token(http, base, "supervisor", "supervisor-demo-pass");

        out.append(queue(http, base, agent, loaded));
        out.append(queueSql(owner));
        out.append(String.format(Locale.ROOT, "%nLoad average after the queue: %s%n%n", loadAvg()));
        // the queue's figures survive a failure of the report part
        Files.writeString(target.resolve("console-report.md"), out);
        out.append(reports(http, base, supervisor, owner));
        Files.writeString(target.resolve("console-report.md"), out);
        out.append(whatIf(http, base, supervisor, owner));
        out.append(String.format(Locale.ROOT, "%nLoad average at the end: %s%n", loadAvg()));
        return out.toString();
      }
    }
  }

  // ---------------------------------------------------------------- data

  /** What was loaded, for the report. */
  record Loaded(long orders, long tickets, long open, String openByStatus, String product) {}

  private Loaded load(Connection c) throws SQLException {
    long orders = (long) options.tickets() * options.ordersPerTicket();
    long spanMs = options.spanDays() * 24L * 3600 * 1000;
    try (Statement s = c.createStatement()) {
      s.execute("SET SESSION unique_checks = 0, foreign_key_checks = 0");
      long valve =
          Long.parseLong(scalar(c, "SELECT id FROM supplier WHERE code = '" + SUPPLIER + "'"));
      long agentId =
          Long.parseLong(scalar(c, "SELECT id FROM staff_user WHERE username = 'agent'"));
      long supervisorId =
          Long.parseLong(scalar(c, "SELECT id FROM staff_user WHERE username = 'supervisor'"));
      s.execute(
          "INSERT INTO supplier (id, code, name, created_at) SELECT "
              + ID_BASE
              + " + seq, CONCAT('BENCH-SUP-', seq), CONCAT('Bench supplier ', seq),"
              + " UTC_TIMESTAMP(3) FROM seq_1_to_"
              + BENCH_SUPPLIERS);
      // products 1..12 belong to VALVE-CN, the others to the bench suppliers, 6 each
      s.execute(
          "INSERT INTO product (id, sku, name, supplier_id, created_at) SELECT "
              + ID_BASE
              + " + seq, CONCAT('BENCH-', LPAD(seq, 3, '0')), CONCAT('Bench game card ', seq),"
              + " IF(seq <= "
              + SUPPLIER_PRODUCTS
              + ", "
              + valve
              + ", "
              + ID_BASE
              + " + 1 + (seq - "
              + SUPPLIER_PRODUCTS
              + " - 1) % "
              + BENCH_SUPPLIERS
              + "), UTC_TIMESTAMP(3) FROM seq_1_to_"
              + PRODUCTS);
      s.execute(
          "INSERT INTO key_batch (id, product_id, code, created_at) SELECT "
              + ID_BASE
              + " + seq, "
              + ID_BASE
              + " + 1 + (seq - 1) DIV "
              + BATCHES_PER_PRODUCT
              + ", CONCAT('B-', 1 + (seq - 1) % "
              + BATCHES_PER_PRODUCT
              + "), UTC_TIMESTAMP(3) FROM seq_1_to_"
              + PRODUCTS * BATCHES_PER_PRODUCT);
      // order n (1..orders): product 1 + n % 60, paid evenly over the span, newest last
      for (long from = 1; from <= orders; from += CHUNK) {
        long to = Math.min(orders, from + CHUNK - 1);
        s.execute(
            "INSERT INTO shop_order (id, order_no, product_id, quantity, amount, currency,"
                + " buyer_email, paid_at, payload_hash, created_at, updated_at) SELECT "
                + ID_BASE
                + " + seq, CONCAT('BO', seq), "
                + ID_BASE
                + " + 1 + seq % "
                + PRODUCTS
                + ", 1, 9.90, 'CNY', CONCAT('buyer', seq, '@example.com'), UTC_TIMESTAMP(3) -"
                + " INTERVAL ("
                + spanMs
                + " - seq * "
                + Math.max(1, spanMs / orders)
                + " + 3600000) * 1000 MICROSECOND, REPEAT('0', 64), UTC_TIMESTAMP(3),"
                + " UTC_TIMESTAMP(3) FROM seq_"
                + from
                + "_to_"
                + to);
        s.execute(
            "INSERT INTO card_key (id, order_id, product_id, batch_id, key_index, code_sealed,"
                + " crypto_version, fingerprint, status, delivered_at) SELECT o.id, o.id,"
                + " o.product_id, "
                + ID_BASE
                + " + (o.product_id - "
                + ID_BASE
                + " - 1) * "
                + BATCHES_PER_PRODUCT
                + " + 1 + o.id % "
                + BATCHES_PER_PRODUCT
                + ", 0, UNHEX(MD5(o.id)), 1, SHA2(CONCAT('bench-key-', o.id), 256), 'DELIVERED',"
                + " o.paid_at FROM shop_order o WHERE o.id BETWEEN "
                + (ID_BASE + from)
                + " AND "
                + (ID_BASE + to));
        LOG.log(INFO, "orders and keys up to {0} of {1}", to, orders);
      }
      // ticket t (1..tickets) on order t * ordersPerTicket - t % ordersPerTicket (so every
      // product has tickets), 10 minutes after payment; the newest `open` tickets are open, the
      // others resolved or closed
      long firstOpen = options.tickets() - options.open() + 1L;
      String category =
          "ELT(1 + (t.seq DIV 7) % 6, 'NOT_RECEIVED', 'INVALID_KEY', 'WRONG_PURCHASE',"
              + " 'PAYMENT_ISSUE', 'USAGE_HELP', 'OTHER')";
      String responseMinutes = "ELT(1 + (t.seq DIV 7) % 6, 30, 120, 240, 120, 240, 480)";
      String resolutionMinutes = "ELT(1 + (t.seq DIV 7) % 6, 240, 1440, 2880, 1440, 1440, 4320)";
      String created = "o.paid_at + INTERVAL 10 MINUTE";
      for (long from = 1; from <= options.tickets(); from += CHUNK) {
        long to = Math.min(options.tickets(), from + CHUNK - 1);
        String open = "t.seq >= " + firstOpen;
        s.execute(
            "INSERT INTO ticket (id, ticket_no, order_id, card_key_id, category_code, status,"
                + " resolution, description, language, channel, buyer_contact, assignee_id,"
                + " response_due_at, resolution_due_at, first_response_at, resolved_at,"
                + " closed_at, risk_decision, rank_at, created_at, updated_at) SELECT "
                + ID_BASE
                + " + t.seq, CONCAT('KD-', DATE_FORMAT("
                + created
                + ", '%y%m%d-'), LPAD(t.seq, 8, '0')), o.id, IF(t.seq % 3 = 0,"
                + " NULL, o.id), "
                + category
                + ", IF("
                + open
                + ", ELT(1 + t.seq % 5, 'SUBMITTED', 'AWAITING_BUYER', 'IN_REVIEW', 'IN_REVIEW',"
                + " 'REOPENED'), IF(t.seq % 4 = 0, 'RESOLVED', 'CLOSED')), IF("
                + open
                + ", NULL, ELT(1 + t.seq % 5, 'REDELIVERED', 'REPLACED', 'REFUNDED', 'ANSWERED',"
                + " 'REPLACED')), CONCAT(ELT(1 + (t.seq DIV 7) % 6, 'The key never arrived for"
                + " order BO', 'Key ABCD-EFGH-', 'I bought the wrong region by mistake, order BO',"
                + " 'Charged twice for order BO', 'How do I redeem key WXYZ-', 'Please call me"
                + " about order BO'), t.seq * "
                + options.ordersPerTicket()
                + ", ELT(1 + (t.seq DIV 7) % 6, '', ' says already redeemed', '', '', '', ''),"
                + " ' (buyer', t.seq % 1000, '@example.com)'), IF(t.seq % 2 = 0, 'zh-CN', 'en'),"
                + " 'web', o.buyer_email, IF("
                + open
                + ", ELT(1 + t.seq % 4, NULL, "
                + agentId
                + ", NULL, "
                + supervisorId
                + "), "
                + agentId
                + "), "
                + created
                + " + INTERVAL "
                + responseMinutes
                + " MINUTE, "
                + created
                + " + INTERVAL "
                + resolutionMinutes
                + " MINUTE, IF("
                + open
                + " AND t.seq % 5 < 2, NULL, "
                + created
                + " + INTERVAL 5 + t.seq % 90 MINUTE), IF("
                + open
                + ", NULL, "
                + created
                + " + INTERVAL 60 + t.seq % 900 MINUTE), IF(NOT ("
                + open
                + ") AND t.seq % 4 <> 0, "
                + created
                + " + INTERVAL 2 DAY, NULL), ELT(1 + t.seq % 4, 'AUTO', 'REVIEW', 'REVIEW',"
                + " 'BLOCK'), "
                + created
                + " + INTERVAL "
                + resolutionMinutes
                + " MINUTE, "
                + created
                + ", "
                + created
                + " FROM seq_"
                + from
                + "_to_"
                + to
                + " t JOIN shop_order o ON o.id = "
                + ID_BASE
                + " + t.seq * "
                + options.ordersPerTicket()
                + " - t.seq % "
                + options.ordersPerTicket());
        LOG.log(INFO, "tickets up to {0} of {1}", to, options.tickets());
      }
      s.execute("ANALYZE TABLE shop_order, card_key, ticket, product, key_batch, supplier");
      StringBuilder byStatus = new StringBuilder();
      long open = 0;
      try (ResultSet r =
          s.executeQuery(
              "SELECT status, COUNT(*) FROM ticket WHERE status IN ('SUBMITTED',"
                  + " 'AUTO_RESOLVING', 'AWAITING_BUYER', 'IN_REVIEW', 'REOPENED') GROUP BY"
                  + " status ORDER BY status")) {
        while (r.next()) {
          byStatus.append(byStatus.isEmpty() ? "" : ", ");
          byStatus.append(r.getString(1)).append(' ').append(String.format("%,d", r.getLong(2)));
          open += r.getLong(2);
        }
      }
      long tickets = Long.parseLong(scalar(c, "SELECT COUNT(*) FROM ticket"));
      return new Loaded(orders, tickets, open, byStatus.toString(), "BENCH-001");
    }
  }

  // ---------------------------------------------------------------- queue

  private String queue(HttpClient http, URI base, String agent, Loaded loaded) throws Exception {
    Map<String, String> variants = new LinkedHashMap<>();
    variants.put("REST, no filter (all open, first page)", "size=25");
    variants.put("REST, no filter, page 100 (rows 2,501–2,525)", "size=25&page=100");
    variants.put("REST, status=IN_REVIEW", "size=25&status=IN_REVIEW");
    variants.put("REST, category=INVALID_KEY", "size=25&category=INVALID_KEY");
    variants.put("REST, product=BENCH-007", "size=25&product=BENCH-007");
    variants.put("REST, supplier=" + SUPPLIER, "size=25&supplier=" + SUPPLIER);
    variants.put("REST, risk=REVIEW", "size=25&risk=REVIEW");
    variants.put("REST, deadline=OVERDUE", "size=25&deadline=OVERDUE");
    variants.put("REST, assignee=agent", "size=25&assignee=agent");
    variants.put(
        "REST, status=IN_REVIEW&category=INVALID_KEY&product=BENCH-007",
        "size=25&status=IN_REVIEW&category=INVALID_KEY&product=BENCH-007");

    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "#### Queue with %,d open tickets (goal p95 < 100 ms)%n%n"
                + "One request at a time from this machine (server time = response time on"
                + " localhost), signed in as the demo agent; %d untimed requests per row first,"
                + " then %d timed. `total` is what the answer says matched — a filter this"
                + " version of the API does not know is ignored (same total as no filter) or"
                + " refused (400, row skipped). Statements per request: MariaDB's `Questions`"
                + " over the timed requests ÷ requests (the app's background jobs included, so"
                + " approximate).%n%n",
            loaded.open(),
            options.warmup(),
            options.requests()));
    out.append(
        "| request | total | p50 ms | p95 ms | p99 ms | max ms | MariaDB statements per request"
            + " | goal p95 < 100 ms |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
    String unfilteredTotal = null;
    for (Map.Entry<String, String> variant : variants.entrySet()) {
      URI uri = base.resolve("/api/v1/ops/tickets?" + variant.getValue());
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .header("Authorization", "Bearer " + agent)
              .header("Accept", "application/json")
              .timeout(Duration.ofSeconds(60))
              .GET()
              .build();
      HttpResponse<String> first = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (first.statusCode() == 400 && !variant.getKey().contains("no filter")) {
        LOG.log(INFO, "{0}: 400, skipped: {1}", variant.getKey(), first.body());
        out.append("| ")
            .append(variant.getKey())
            .append(" | 400: not known yet, skipped | | | | | | |\n");
        continue;
      }
      if (first.statusCode() != 200) {
        throw new IllegalStateException(
            uri + " answered " + first.statusCode() + ": " + first.body());
      }
      Matcher total = TOTAL.matcher(first.body());
      String totalText = total.find() ? total.group(1) : "?";
      if (unfilteredTotal == null) {
        unfilteredTotal = totalText;
      }
      boolean ignored =
          !variant.getKey().contains("no filter") && totalText.equals(unfilteredTotal);
      Timed latencies =
          time(
              () -> {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                  throw new IllegalStateException(uri + " answered " + r.statusCode());
                }
              });
      out.append(
          row(
              variant.getKey(),
              String.format("%,d", Long.parseLong(totalText))
                  + (ignored ? " (filter ignored)" : ""),
              latencies));
    }

    // the Faces page, in a browser-like session signed in through the login form
    HttpClient browser =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .build();
    signIn(browser, base, "agent", "agent-demo-pass");
    HttpRequest page =
        HttpRequest.newBuilder(base.resolve("/console/index.xhtml"))
            .header("Accept", "text/html")
            .header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5")
            .timeout(Duration.ofSeconds(60))
            .GET()
            .build();
    HttpResponse<String> first = browser.send(page, HttpResponse.BodyHandlers.ofString());
    if (first.statusCode() != 200 || first.body().contains("id=\"login\"")) {
      throw new IllegalStateException(
          "/console/index.xhtml answered " + first.statusCode() + " (not signed in?)");
    }
    int rows = countRows(first.body());
    Timed pageLatencies =
        time(
            () -> {
              HttpResponse<String> r = browser.send(page, HttpResponse.BodyHandlers.ofString());
              if (r.statusCode() != 200) {
                throw new IllegalStateException("/console/index.xhtml answered " + r.statusCode());
              }
            });
    out.append(
        row(
            "Faces page `/console/index.xhtml` (signed in by the login form; "
                + first.body().length() / 1024
                + " KiB, "
                + rows
                + " ticket rows in the HTML)",
            "—",
            pageLatencies));
    return out.toString();
  }

  private static int countRows(String html) {
    Matcher m = Pattern.compile("KD-\\d{6}-\\d{8}").matcher(html);
    java.util.Set<String> seen = new java.util.HashSet<>();
    while (m.find()) {
      seen.add(m.group());
    }
    return seen.size();
  }

  private void signIn(HttpClient browser, URI base, String username, String password)
      throws Exception {
    URI login = base.resolve("/console/login.xhtml");
    HttpResponse<String> form =
        browser.send(
            HttpRequest.newBuilder(login).GET().build(), HttpResponse.BodyHandlers.ofString());
    Document doc = Jsoup.parse(form.body(), login.toString());
    Map<String, String> fields = PortalBuyer.formFields(doc, "login");
    fields.put("login:username", username);
    fields.put("login:password", password);
    fields.put("login:submit", "");
    URI action = base.resolve(PortalBuyer.formAction(doc, "login"));
    HttpResponse<String> posted =
        browser.send(
            HttpRequest.newBuilder(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(PortalBuyer.urlEncoded(fields)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (posted.statusCode() / 100 != 3) {
      throw new IllegalStateException(
          "The console login answered " + posted.statusCode() + " instead of a redirect");
    }
  }

  // ---------------------------------------------------------------- reports

  private String reports(HttpClient http, URI base, String supervisor, Connection owner)
      throws Exception {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate from = today.minusDays(6);
    String query = "?supplier=" + SUPPLIER + "&from=" + from + "&to=" + today;
    long supplierId =
        Long.parseLong(scalar(owner, "SELECT id FROM supplier WHERE code = '" + SUPPLIER + "'"));
    String weekOrders =
        scalar(
            owner,
            "SELECT COUNT(*) FROM shop_order o JOIN product p ON p.id = o.product_id WHERE"
                + " p.supplier_id = "
                + supplierId
                + " AND o.paid_at >= '"
                + from
                + "'");
    String weekTickets =
        scalar(
            owner,
            "SELECT COUNT(*) FROM ticket t JOIN shop_order o ON o.id = t.order_id JOIN product p"
                + " ON p.id = o.product_id WHERE p.supplier_id = "
                + supplierId
                + " AND t.created_at >= '"
                + from
                + "'");
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "#### %s's weekly report (%s to %s: %,d orders, %,d tickets of that supplier in the"
                + " period; the report also reads the week before for the trend)%n%n"
                + "As the demo supervisor (`supplier=%s`), one request at a time. *First* is the"
                + " first call of that kind after the bulk load (JVM paths and the report's pages"
                + " in MariaDB not yet warm); *warm* are the %d calls after it.%n%n",
            SUPPLIER,
            from,
            today,
            Long.parseLong(weekOrders),
            Long.parseLong(weekTickets),
            SUPPLIER,
            options.reportRuns()));
    out.append("| request | first ms | warm runs ms | warm median ms | bytes |\n");
    out.append("|---|---:|---|---:|---:|\n");
    for (String path : List.of("/api/v1/supplier/reports", "/api/v1/supplier/reports.pdf")) {
      HttpRequest request =
          HttpRequest.newBuilder(
                  base.resolve(path + query + (path.endsWith(".pdf") ? "&lang=zh-CN" : "")))
              .header("Authorization", "Bearer " + supervisor)
              .timeout(Duration.ofMinutes(10))
              .GET()
              .build();
      double[] millis = new double[options.reportRuns() + 1];
      long bytes = 0;
      for (int run = 0; run < millis.length; run++) {
        long start = System.nanoTime();
        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        millis[run] = (System.nanoTime() - start) / 1e6;
        if (r.statusCode() != 200) {
          throw new IllegalStateException(
              path
                  + " answered "
                  + r.statusCode()
                  + ": "
                  + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        bytes = r.body().length;
        LOG.log(INFO, "{0} run {1}: {2} ms", path, run, String.format("%.0f", millis[run]));
      }
      double[] warm = java.util.Arrays.copyOfRange(millis, 1, millis.length);
      out.append(
          String.format(
              Locale.ROOT,
              "| `GET %s?supplier=…&from=…&to=…` | %.0f | %s | %.0f | %,d |%n",
              path,
              millis[0],
              String.join(
                  ", ",
                  java.util.Arrays.stream(warm)
                      .mapToObj(m -> String.format(Locale.ROOT, "%.0f", m))
                      .toList()),
              median(warm),
              bytes));
    }
    out.append(sqlReads(owner, supplierId, from, today));
    return out.toString();
  }

  /**
   * What one more index would change: creates {@code card_key (order_id, batch_id)} (not in the
   * schema; this run's database only), then times the report's reads and the JSON report again, and
   * the tickets read with the optimizer pushed to {@code ix_ticket_created}.
   */
  private String whatIf(HttpClient http, URI base, String supervisor, Connection owner)
      throws Exception {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate from = today.minusDays(6);
    long supplierId =
        Long.parseLong(scalar(owner, "SELECT id FROM supplier WHERE code = '" + SUPPLIER + "'"));
    StringBuilder out = new StringBuilder();
    long begin = System.nanoTime();
    try (Statement s = owner.createStatement()) {
      s.execute("CREATE INDEX ix_bench_key_order_batch ON card_key (order_id, batch_id)");
      s.execute("ANALYZE TABLE card_key");
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%n#### What if: one more index (created by this run after the figures above, in its"
                + " own database only)%n%n`CREATE INDEX ix_bench_key_order_batch ON card_key"
                + " (order_id, batch_id)` took %.0f s on the %,d keys.%n",
            (System.nanoTime() - begin) / 1e9,
            Long.parseLong(scalar(owner, "SELECT COUNT(*) FROM card_key"))));
    out.append(sqlReads(owner, supplierId, from, today));
    Map<String, String> forced = new LinkedHashMap<>();
    forced.put(
        "tickets, the week, FORCE INDEX (ix_ticket_created)",
        tickets(
            supplierId,
            "'" + from + " 00:00:00'",
            "'" + today.plusDays(1) + " 00:00:00'",
            " FORCE INDEX (ix_ticket_created)"));
    out.append(
        sqlTable(
            owner, forced, "\nThe tickets read with the optimizer pushed to the date index:\n\n"));
    HttpRequest request =
        HttpRequest.newBuilder(
                base.resolve(
                    "/api/v1/supplier/reports?supplier="
                        + SUPPLIER
                        + "&from="
                        + from
                        + "&to="
                        + today))
            .header("Authorization", "Bearer " + supervisor)
            .timeout(Duration.ofMinutes(10))
            .GET()
            .build();
    double[] millis = new double[options.reportRuns()];
    for (int run = 0; run < millis.length; run++) {
      long start = System.nanoTime();
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      millis[run] = (System.nanoTime() - start) / 1e6;
      if (r.statusCode() != 200) {
        throw new IllegalStateException("the report answered " + r.statusCode());
      }
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%nWith that index, `GET /api/v1/supplier/reports` (JSON): %s ms, median %.0f ms.%n",
            String.join(
                ", ",
                java.util.Arrays.stream(millis)
                    .mapToObj(m -> String.format(Locale.ROOT, "%.0f", m))
                    .toList()),
            median(millis)));
    return out.toString();
  }

  /** The report's SQL reads alone (the webapp's JpaReportRepository statements), over JDBC. */
  private String sqlReads(Connection c, long supplierId, LocalDate from, LocalDate to)
      throws SQLException {
    String week = "'" + from + " 00:00:00'";
    String end = "'" + to.plusDays(1) + " 00:00:00'";
    String before = "'" + from.minusDays(7) + " 00:00:00'";
    Map<String, String> reads = new LinkedHashMap<>();
    reads.put("orders by product, the week", ordersByProduct(supplierId, week, end));
    reads.put("orders by product, the week before", ordersByProduct(supplierId, before, week));
    reads.put(
        "orders by batch, the week",
        "SELECT p.sku, b.code, COUNT(DISTINCT o.id) FROM product p"
            + " JOIN shop_order o ON o.product_id = p.id AND o.paid_at >= "
            + week
            + " AND o.paid_at < "
            + end
            + " JOIN card_key k ON k.order_id = o.id JOIN key_batch b ON b.id = k.batch_id"
            + " WHERE p.supplier_id = "
            + supplierId
            + " GROUP BY p.sku, b.id, b.code ORDER BY p.sku, b.code");
    reads.put(
        "orders by day, the week",
        "SELECT DATE(o.paid_at), COUNT(*) FROM product p"
            + " JOIN shop_order o ON o.product_id = p.id AND o.paid_at >= "
            + week
            + " AND o.paid_at < "
            + end
            + " WHERE p.supplier_id = "
            + supplierId
            + " GROUP BY DATE(o.paid_at)");
    reads.put("tickets, the week", tickets(supplierId, week, end, ""));
    reads.put("tickets, the week before", tickets(supplierId, before, week, ""));
    return sqlTable(
        c,
        reads,
        String.format(
            Locale.ROOT,
            "%nThe report's SQL reads alone over JDBC, for the periods `SupplierReports.report`"
                + " asks (the week %s to %s; orders by product and tickets also for the week"
                + " before, for the trend), as `JpaReportRepository` writes them (median of 3"
                + " after one untimed run):%n%n",
            from,
            to));
  }

  private static String ordersByProduct(long supplierId, String from, String to) {
    return "SELECT p.sku, p.name, COUNT(o.id) FROM product p LEFT JOIN shop_order o"
        + " ON o.product_id = p.id AND o.paid_at >= "
        + from
        + " AND o.paid_at < "
        + to
        + " WHERE p.supplier_id = "
        + supplierId
        + " GROUP BY p.id, p.sku, p.name ORDER BY p.sku";
  }

  private static String tickets(long supplierId, String from, String to, String hint) {
    return "SELECT p.sku, b.code, t.category_code, t.resolution, t.description, t.created_at,"
        + " t.first_response_at, t.resolved_at FROM ticket t"
        + hint
        + " JOIN shop_order o ON o.id = t.order_id"
        + " JOIN product p ON p.id = o.product_id"
        + " LEFT JOIN card_key k ON k.id = COALESCE(t.card_key_id,"
        + "   (SELECT k2.id FROM card_key k2 WHERE k2.order_id = o.id"
        + "    ORDER BY k2.key_index LIMIT 1))"
        + " LEFT JOIN key_batch b ON b.id = k.batch_id"
        + " WHERE t.created_at >= "
        + from
        + " AND t.created_at < "
        + to
        + " AND p.supplier_id = "
        + supplierId;
  }

  /**
   * The queue's two statements as the JPA Criteria query of JpaTicketRepository.queue sends them.
   */
  private String queueSql(Connection c) throws SQLException {
    String open =
        "t.status IN ('SUBMITTED', 'AUTO_RESOLVING', 'IN_REVIEW', 'AWAITING_BUYER', 'REOPENED')";
    Map<String, String> reads = new LinkedHashMap<>();
    reads.put(
        "queue page (no filter)",
        "SELECT t.* FROM ticket t WHERE " + open + " ORDER BY t.rank_at, t.id LIMIT 25");
    reads.put("queue count (no filter)", "SELECT COUNT(t.id) FROM ticket t WHERE " + open);
    reads.put(
        "queue page (category)",
        "SELECT t.* FROM ticket t WHERE "
            + open
            + " AND t.category_code = 'INVALID_KEY' ORDER BY t.rank_at, t.id LIMIT 25");
    return sqlTable(
        c,
        reads,
        String.format(
            Locale.ROOT,
            "%nThe queue's SQL alone over JDBC (the Criteria query's statements written out;"
                + " median of 3 after one untimed run):%n%n"));
  }

  private static String sqlTable(Connection c, Map<String, String> reads, String intro)
      throws SQLException {
    StringBuilder out = new StringBuilder(intro);
    out.append("| read | rows | median ms |\n|---|---:|---:|\n");
    String slowest = null;
    double slowestMs = -1;
    for (Map.Entry<String, String> read : reads.entrySet()) {
      double[] millis = new double[3];
      long rows = 0;
      for (int run = -1; run < millis.length; run++) {
        long start = System.nanoTime();
        rows = 0;
        try (Statement s = c.createStatement();
            ResultSet r = s.executeQuery(read.getValue())) {
          while (r.next()) {
            rows++;
          }
        }
        if (run >= 0) {
          millis[run] = (System.nanoTime() - start) / 1e6;
        }
      }
      double m = median(millis);
      if (m > slowestMs) {
        slowestMs = m;
        slowest = read.getKey();
      }
      out.append(String.format(Locale.ROOT, "| %s | %,d | %.0f |%n", read.getKey(), rows, m));
    }
    for (Map.Entry<String, String> read : reads.entrySet()) {
      out.append("\nEXPLAIN of *")
          .append(read.getKey())
          .append("*")
          .append(read.getKey().equals(slowest) ? " (the slowest)" : "")
          .append(":\n\n```\n");
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("EXPLAIN " + read.getValue())) {
        out.append("id | select_type | table | type | key | key_len | ref | rows | Extra\n");
        while (r.next()) {
          out.append(
              String.join(
                  " | ",
                  r.getString("id"),
                  r.getString("select_type"),
                  r.getString("table"),
                  r.getString("type"),
                  String.valueOf(r.getString("key")),
                  String.valueOf(r.getString("key_len")),
                  String.valueOf(r.getString("ref")),
                  r.getString("rows"),
                  String.valueOf(r.getString("Extra"))));
          out.append('\n');
        }
      }
      out.append("```\n");
    }
    return out.toString();
  }

  // ---------------------------------------------------------------- helpers

  @FunctionalInterface
  private interface Call {
    void run() throws Exception;
  }

  /** The latencies of the timed calls and MariaDB statements per call (whole server, approx.). */
  private record Timed(Latencies latencies, double statements) {}

  private Timed time(Call call) throws Exception {
    for (int i = 0; i < options.warmup(); i++) {
      call.run();
    }
    Latencies.Recorder recorder = new Latencies.Recorder();
    Map<String, Long> before = counters.snapshot();
    for (int i = 0; i < options.requests(); i++) {
      long start = System.nanoTime();
      call.run();
      recorder.record(System.nanoTime() - start);
    }
    Map<String, Long> after = counters.snapshot();
    return new Timed(
        Latencies.of(List.of(recorder)),
        DbCounters.perOperation(before, after, options.requests())
            .getOrDefault(DbCounters.STATEMENTS, Double.NaN));
  }

  private static String row(String label, String total, Timed timed) {
    Latencies l = timed.latencies();
    double p95 = l.percentileMillis(0.95);
    return String.format(
        Locale.ROOT,
        "| %s | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %s |%n",
        label,
        total,
        l.percentileMillis(0.50),
        p95,
        l.percentileMillis(0.99),
        l.maxMillis(),
        timed.statements(),
        p95 < 100 ? "**met**" : "**not met**");
  }

  private static String token(HttpClient http, URI base, String username, String password)
      throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base.resolve("/api/v1/ops/tokens"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = TOKEN.matcher(r.body());
    if (r.statusCode() != 201 || !m.find()) {
      throw new IllegalStateException("Signing in as " + username + " answered " + r.statusCode());
    }
    return m.group(1);
  }

  private static String loadAvg() {
    try {
      return String.join(
          " ",
          List.of(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")).subList(0, 3));
    } catch (java.io.IOException e) {
      return "?";
    }
  }

  private static String scalar(Connection c, String sql) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql);
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getString(1);
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
