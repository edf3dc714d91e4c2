package io.keydesk.bench;

import static java.lang.System.Logger.Level.INFO;

import io.keydesk.bench.KeydeskApi.PreparedOrder;
import io.keydesk.bench.ProcessStats.CpuSnapshot;
import io.keydesk.deploy.PayaraMicro;
import io.keydesk.embedded.ChildProcess;
import io.keydesk.embedded.EmbeddedMariaDb;
import io.keydesk.embedded.KafkaBroker;
import io.keydesk.embedded.Ports;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ticket submissions through the REST API against a durable MariaDB, beside the raw durable insert
 * rate of the same MariaDB, all in one run on this machine:
 *
 * <ol>
 *   <li>starts MariaDB ({@code innodb_flush_log_at_trx_commit=1}, checked), Kafka and Payara Micro
 *       with the WAR, each on a free port, with data in a temporary folder under {@code
 *       benchmarks/target};
 *   <li>imports orders with signed shop calls and opens one buyer session per order;
 *   <li>closed-loop load of {@code POST /api/v1/tickets}: a warm-up, then each client count;
 *   <li>stops Payara and measures single-row autocommit inserts with as many JDBC clients;
 *   <li>prints a markdown block (machine, command, table) on stdout; progress goes to stderr.
 * </ol>
 *
 * Everything it started is stopped at the end, also on failure, and the data folder is deleted.
 */
public final class TicketBenchmark {
  private static final System.Logger LOG = System.getLogger(TicketBenchmark.class.getName());
  private static final Duration RAW_WARMUP = Duration.ofSeconds(5);
  private static final int PREPARE_THREADS = 8;
  private static final Duration THREAD_DUMP_EVERY = Duration.ofSeconds(5);
  private static final String APP = "app (Payara)";

  private static final String JFR_NAME = "keydesk-benchmark";

  private final Options options;
  private final Path root;
  private final Path target;

  private TicketBenchmark(Options options, Path root) {
    this.options = options;
    this.root = root;
    this.target = root.resolve("benchmarks/target");
  }

  /**
   * Runs the benchmark. The repository root is the system property {@code keydesk.root} (default:
   * the working directory); options are listed by {@code --help}.
   */
  public static void main(String[] args) {
    BenchmarkMain.main(
        args,
        Options.USAGE,
        Options::parse,
        "benchmarks/run",
        "The benchmark",
        (options, root, command) -> new TicketBenchmark(options, root).run(command));
  }

  private String run(String command) throws Exception {
    Path payaraJar = Servers.require(target.resolve("payara-micro.jar"));
    Path war = Servers.require(target.resolve("keydesk.war"));
    MachineFacts machine = MachineFacts.collect(root);
    Path work = Files.createTempDirectory(target, "run-");
    LOG.log(INFO, "Data folder: {0}", work);
    try {
      String report = run(command, machine, work, payaraJar, war);
      Files.writeString(target.resolve("benchmark-report.md"), report);
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
    List<Phase> phases = new ArrayList<>();
    Map<String, Long> pids = new LinkedHashMap<>();
    try (EmbeddedMariaDb db = Servers.startDatabase(work)) {
      String database = checkDurable(db);
      long dbPid =
          ProcessStats.pidFromFile(work.resolve("mariadb").resolve(EmbeddedMariaDb.PID_FILE));
      try (DbCounters dbCounters = new DbCounters(db.jdbcUrl(), db.user(), db.password());
          KafkaBroker kafka = Servers.startKafka(work)) {
        Probes probes = new Probes(pids, dbPid, dbCounters);
        Servers.Secrets secrets = Servers.Secrets.generate();
        Path payaraHome = Files.createDirectories(work.resolve("payara"));
        Instant begin = Instant.now();
        Duration payaraStart;
        try (PayaraMicro payara =
            startPayara(payaraJar, war, payaraHome, db, kafka.bootstrapServers(), secrets)) {
          payaraStart = Duration.between(begin, Instant.now());
          long appPid = ProcessStats.pidFromFile(payaraHome.resolve(PayaraMicro.PID_FILE));
          pids.put(APP, appPid);
          pids.put("MariaDB", dbPid);
          pids.put(
              "Kafka",
              ProcessStats.pidFromFile(work.resolve("kafka").resolve(KafkaBroker.PID_FILE)));
          HttpClient http =
              HttpClient.newBuilder()
                  .version(HttpClient.Version.HTTP_1_1)
                  .connectTimeout(Duration.ofSeconds(5))
                  .build();
          KeydeskApi api = new KeydeskApi(payara.baseUri(), secrets.shopSecret(), http);
          List<PreparedOrder> orders = prepare(api);
          int first = options.clients().get(0);
          phases.add(ticketPhase(api, http, orders, first, options.warmup(), false, probes));
          startFlightRecording(appPid);
          for (int clients : options.clients()) {
            phases.add(ticketPhase(api, http, orders, clients, options.measure(), true, probes));
          }
          stopFlightRecording(appPid);
          LOG.log(INFO, "Stopping Payara Micro before measuring the raw ceiling");
        }
        pids.remove(APP);
        RawInserts raw = new RawInserts(db.jdbcUrl(), db.ownerUser(), db.ownerPassword());
        raw.createTable();
        int first = options.clients().get(0);
        phases.add(rawPhase(raw, first, RAW_WARMUP, false, probes));
        for (int clients : options.clients()) {
          phases.add(rawPhase(raw, clients, options.rawMeasure(), true, probes));
        }
        return Report.markdown(machine, command, database, payaraStart, options.orders(), phases);
      }
    }
  }

  /** Fails unless every commit is flushed to disk; returns what the report says of the database. */
  private static String checkDurable(EmbeddedMariaDb db) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT @@version, @@innodb_flush_log_at_trx_commit, @@log_bin, @@sync_binlog,"
                    + " @@innodb_buffer_pool_size, @@innodb_flush_method")) {
      row.next();
      int flush = row.getInt(2);
      LOG.log(INFO, "MariaDB {0}: innodb_flush_log_at_trx_commit = {1}", row.getString(1), flush);
      if (flush != 1) {
        throw new IllegalStateException(
            "innodb_flush_log_at_trx_commit is "
                + flush
                + "; the benchmark needs durable commits (1)");
      }
      return String.format(
          "MariaDB %s, innodb_flush_log_at_trx_commit=%d (checked), log_bin=%s, sync_binlog=%s,"
              + " innodb_buffer_pool_size=%d MiB, innodb_flush_method=%s",
          row.getString(1),
          flush,
          row.getString(3),
          row.getString(4),
          row.getLong(5) / 1024 / 1024,
          row.getString(6));
    }
  }

  private PayaraMicro startPayara(
      Path payaraJar,
      Path war,
      Path home,
      EmbeddedMariaDb db,
      String bootstrap,
      Servers.Secrets secrets) {
    return Servers.payara(
            payaraJar, war, home, Ports.freePort(), options.heap(), db, bootstrap, secrets)
        .systemProperty("keydesk.buyer.limit-per-ip", "100000000")
        .systemProperty("keydesk.buyer.limit-per-order", "100000000")
        .start();
  }

  /** Imports the orders and opens a buyer session for each, several at a time. */
  private List<PreparedOrder> prepare(KeydeskApi api) throws Exception {
    LOG.log(INFO, "Importing {0} orders and opening a buyer session for each", options.orders());
    Instant begin = Instant.now();
    ExecutorService pool = Executors.newFixedThreadPool(PREPARE_THREADS);
    try {
      List<Future<PreparedOrder>> futures = new ArrayList<>();
      for (int i = 0; i < options.orders(); i++) {
        String orderNo = String.format("BENCH-%06d", i);
        String email = "buyer" + i + "@bench.example";
        futures.add(
            pool.submit(
                () -> {
                  api.importOrder(orderNo, email);
                  return new PreparedOrder(orderNo, api.openSession(orderNo, email));
                }));
      }
      List<PreparedOrder> orders = new ArrayList<>();
      for (Future<PreparedOrder> future : futures) {
        orders.add(future.get(5, TimeUnit.MINUTES));
      }
      LOG.log(INFO, "Prepared in {0} ms", Duration.between(begin, Instant.now()).toMillis());
      return List.copyOf(orders);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } finally {
      pool.shutdownNow();
    }
  }

  private Phase ticketPhase(
      KeydeskApi api,
      HttpClient http,
      List<PreparedOrder> orders,
      int clients,
      Duration duration,
      boolean counted,
      Probes probes)
      throws Exception {
    String name = counted ? "tickets-" + clients : "warmup-" + clients;
    LOG.log(INFO, "Phase {0}: {1} clients for {2} s", name, clients, duration.toSeconds());
    Optional<ScheduledExecutorService> dumps =
        counted ? threadDumps(probes.pids().get(APP), name) : Optional.empty();
    Map<String, Long> dbBefore = probes.db().snapshot();
    CpuSnapshot cpu = CpuSnapshot.take(probes.pids());
    ClosedLoop.Result result;
    try {
      result =
          ClosedLoop.run(
              clients,
              duration,
              client ->
                  new ClosedLoop.Client() {
                    private final String prefix = name + "-" + client + "-";
                    private long seq;

                    @Override
                    public void call() throws Exception {
                      PreparedOrder order =
                          orders.get(ThreadLocalRandom.current().nextInt(orders.size()));
                      HttpResponse<String> response =
                          http.send(
                              api.fileTicket(order, prefix + seq++),
                              HttpResponse.BodyHandlers.ofString());
                      if (response.statusCode() != 201) {
                        throw new IllegalStateException(
                            "HTTP "
                                + response.statusCode()
                                + ": "
                                + KeydeskApi.abbreviate(response.body()));
                      }
                    }
                  });
    } finally {
      dumps.ifPresent(ScheduledExecutorService::shutdownNow);
    }
    ProcessStats.CpuUsage usage = cpu.since();
    Map<String, Long> dbAfter = probes.db().snapshot();
    long appPid = probes.pids().get(APP);
    String metrics = api.metrics();
    Phase phase =
        new Phase(
            Phase.Kind.TICKETS,
            counted,
            result,
            usage,
            OptionalLong.of(ProcessStats.rssBytes(appPid)),
            usedHeap(metrics),
            KeydeskApi.metric(metrics, "keydesk_outbox_pending"),
            ProcessStats.rssBytes(probes.dbPid()),
            DbCounters.perOperation(dbBefore, dbAfter, result.succeeded()));
    log(name, result);
    return phase;
  }

  private Phase rawPhase(
      RawInserts raw, int clients, Duration duration, boolean counted, Probes probes)
      throws InterruptedException, SQLException {
    String name = counted ? "raw-" + clients : "raw-warmup-" + clients;
    LOG.log(INFO, "Phase {0}: {1} clients for {2} s", name, clients, duration.toSeconds());
    Map<String, Long> dbBefore = probes.db().snapshot();
    CpuSnapshot cpu = CpuSnapshot.take(probes.pids());
    ClosedLoop.Result result = ClosedLoop.run(clients, duration, raw::client);
    ProcessStats.CpuUsage usage = cpu.since();
    Map<String, Long> dbAfter = probes.db().snapshot();
    Phase phase =
        new Phase(
            Phase.Kind.RAW_INSERTS,
            counted,
            result,
            usage,
            OptionalLong.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            ProcessStats.rssBytes(probes.dbPid()),
            DbCounters.perOperation(dbBefore, dbAfter, result.succeeded()));
    log(name, result);
    return phase;
  }

  /** {@code memory_usedHeap_bytes} (MicroProfile Metrics 5), {@code base_…} in older versions. */
  private static OptionalDouble usedHeap(String metrics) {
    OptionalDouble heap = KeydeskApi.metric(metrics, "memory_usedHeap_bytes");
    return heap.isPresent() ? heap : KeydeskApi.metric(metrics, "base_memory_usedHeap_bytes");
  }

  private static void log(String name, ClosedLoop.Result result) {
    LOG.log(
        INFO,
        String.format(
            "Phase %s: %.0f/s, p50 %.1f ms, p99 %.1f ms, %d errors",
            name,
            result.perSecond(),
            result.latencies().percentileMillis(0.5),
            result.latencies().percentileMillis(0.99),
            result.errors()));
    result.errorSamples().forEach(sample -> LOG.log(INFO, "  error: {0}", sample));
  }

  /** With {@code --thread-dumps DIR}: a thread dump of the app every few seconds of a phase. */
  private Optional<ScheduledExecutorService> threadDumps(long pid, String phase)
      throws IOException {
    if (options.threadDumps().isEmpty()) {
      return Optional.empty();
    }
    Path dir = Files.createDirectories(options.threadDumps().get());
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    AtomicInteger count = new AtomicInteger();
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    scheduler.scheduleWithFixedDelay(
        () -> {
          Path file = dir.resolve(phase + "-" + count.incrementAndGet() + ".txt");
          try {
            ChildProcess.builder(
                    "jcmd", List.of(jcmd.toString(), Long.toString(pid), "Thread.print"))
                .logFile(file)
                .run(Duration.ofSeconds(30));
          } catch (RuntimeException e) {
            LOG.log(INFO, "Thread dump failed: {0}", e.toString());
          }
        },
        THREAD_DUMP_EVERY.toMillis(),
        THREAD_DUMP_EVERY.toMillis(),
        TimeUnit.MILLISECONDS);
    return Optional.of(scheduler);
  }

  /** With {@code --jfr FILE}: starts a flight recording in the app's JVM (profile settings). */
  private void startFlightRecording(long pid) {
    if (options.jfr().isPresent()) {
      LOG.log(INFO, "Starting a flight recording in Payara's JVM");
      jcmd(pid, "JFR.start", "name=" + JFR_NAME, "settings=profile");
    }
  }

  /** With {@code --jfr FILE}: writes the recording to FILE and stops it. */
  private void stopFlightRecording(long pid) {
    if (options.jfr().isPresent()) {
      Path file = options.jfr().get();
      jcmd(pid, "JFR.stop", "name=" + JFR_NAME, "filename=" + file);
      LOG.log(INFO, "Flight recording written to {0}", file);
    }
  }

  private static void jcmd(long pid, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
    command.add(Long.toString(pid));
    command.addAll(List.of(arguments));
    try {
      Path log = Files.createTempFile("jcmd-", ".txt");
      try {
        ChildProcess.builder("jcmd", command).logFile(log).run(Duration.ofSeconds(60));
      } finally {
        Files.deleteIfExists(log);
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(INFO, "jcmd {0} failed: {1}", arguments[0], e.toString());
    }
  }

  /** Where a phase reads its measurements: the processes by name, MariaDB's pid and counters. */
  private record Probes(Map<String, Long> pids, long dbPid, DbCounters db) {}
}
