package io.keydesk.bench;

import static java.lang.System.Logger.Level.INFO;

import io.keydesk.bench.KeydeskApi.PreparedOrder;
import io.keydesk.bench.PortalBuyer.Page;
import io.keydesk.bench.PortalBuyer.Visit;
import io.keydesk.deploy.PayaraMicro;
import io.keydesk.embedded.ChildProcess;
import io.keydesk.embedded.EmbeddedMariaDb;
import io.keydesk.embedded.KafkaBroker;
import io.keydesk.embedded.Ports;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Server time of the buyer portal's pages under concurrent buyers, and Lighthouse's mobile scores
 * of the landing, filing and ticket pages ({@code benchmarks/portal}, docs/benchmarks.md):
 *
 * <ol>
 *   <li>starts MariaDB, Kafka and Payara Micro with the WAR (demo data on), each on a free port;
 *   <li>imports orders with signed shop calls and files one case on each through the buyer API;
 *   <li>N simulated buyers ({@link PortalBuyer}), closed loop: a warm-up, then the measured phase;
 *   <li>one buyer alone goes through the pages again, counting MariaDB statements per page;
 *   <li>with {@code --lighthouse}, runs Lighthouse on three pages;
 *   <li>prints a markdown block on stdout (also {@code benchmarks/target/portal-report.md}).
 * </ol>
 */
public final class PortalBenchmark {
  private static final System.Logger LOG = System.getLogger(PortalBenchmark.class.getName());
  private static final int PREPARE_THREADS = 8;
  private static final String APP = "app (Payara)";

  private final PortalOptions options;
  private final Path root;
  private final Path target;

  private PortalBenchmark(PortalOptions options, Path root) {
    this.options = options;
    this.root = root;
    this.target = root.resolve("benchmarks/target");
  }

  public static void main(String[] args) {
    BenchmarkMain.main(
        args,
        PortalOptions.USAGE,
        PortalOptions::parse,
        "benchmarks/portal",
        "The portal benchmark",
        (options, root, command) -> new PortalBenchmark(options, root).run(command));
  }

  private String run(String command) throws Exception {
    Path payaraJar = Servers.require(target.resolve("payara-micro.jar"));
    Path war = Servers.require(target.resolve("keydesk.war"));
    Optional<Lighthouse> lighthouse =
        options.lighthouse()
            ? Optional.of(new Lighthouse(root, target.resolve("lighthouse")))
            : Optional.empty();
    MachineFacts machine = MachineFacts.collect(root);
    Path work = Files.createTempDirectory(target, "portal-");
    LOG.log(INFO, "Data folder: {0}", work);
    try {
      String report = run(command, machine, work, payaraJar, war, lighthouse);
      Files.writeString(target.resolve("portal-report.md"), report);
      return report;
    } finally {
      if (options.keepData()) {
        LOG.log(INFO, "Kept the data folder {0}", work);
      } else {
        Servers.deleteRecursively(work);
      }
    }
  }

  private String run(
      String command,
      MachineFacts machine,
      Path work,
      Path payaraJar,
      Path war,
      Optional<Lighthouse> lighthouse)
      throws Exception {
    try (EmbeddedMariaDb db = Servers.startDatabase(work);
        DbCounters counters = new DbCounters(db.jdbcUrl(), db.user(), db.password());
        KafkaBroker kafka = Servers.startKafka(work)) {
      Servers.Secrets secrets = Servers.Secrets.generate();
      Path payaraHome = Files.createDirectories(work.resolve("payara"));
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
              .systemProperty("keydesk.http.trust-forwarded-for", "true")
              .systemProperty("keydesk.buyer.limit-per-ip", "100000000")
              .systemProperty("keydesk.buyer.limit-per-order", "100000000")
              .start()) {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put(APP, ProcessStats.pidFromFile(payaraHome.resolve(PayaraMicro.PID_FILE)));
        pids.put(
            "MariaDB",
            ProcessStats.pidFromFile(work.resolve("mariadb").resolve(EmbeddedMariaDb.PID_FILE)));
        pids.put(
            "Kafka", ProcessStats.pidFromFile(work.resolve("kafka").resolve(KafkaBroker.PID_FILE)));
        URI base = payara.baseUri();
        HttpClient http =
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        List<Visit> visits = prepare(new KeydeskApi(base, secrets.shopSecret(), http));

        PortalReport.Load load = null;
        Map<Page, PortalReport.Alone> alone = Map.of();
        if (!options.lighthouseOnly()) {
          LOG.log(
              INFO, "Warm-up: {0} buyers for {1} s", options.buyers(), seconds(options.warmup()));
          phase(base, visits, options.warmup());
          LOG.log(
              INFO,
              "Measuring: {0} buyers for {1} s",
              options.buyers(),
              seconds(options.measure()));
          Optional<Path> jfr = startRecording(pids.get(APP));
          Map<String, Long> before = counters.snapshot();
          ProcessStats.CpuSnapshot cpu = ProcessStats.CpuSnapshot.take(pids);
          Measured measured = phase(base, visits, options.measure());
          ProcessStats.CpuUsage usage = cpu.since();
          Map<String, Long> after = counters.snapshot();
          jfr.ifPresent(file -> stopRecording(pids.get(APP), file));
          double statementsPerJourney =
              DbCounters.perOperation(before, after, measured.result().succeeded())
                  .getOrDefault(DbCounters.STATEMENTS, Double.NaN);
          load =
              new PortalReport.Load(
                  measured.result(), measured.pages(), usage, statementsPerJourney);
          alone = alone(base, visits, counters);
        }
        List<Lighthouse.Result> scores = new ArrayList<>();
        if (lighthouse.isPresent()) {
          scores = lighthouse(lighthouse.get(), base, visits.get(0));
        }
        return PortalReport.markdown(machine, command, options, visits.size(), load, alone, scores);
      }
    }
  }

  private static long seconds(Duration duration) {
    return duration.toSeconds();
  }

  /** Imports the orders and files one case on each (through the API), several at a time. */
  private List<Visit> prepare(KeydeskApi api) throws Exception {
    LOG.log(INFO, "Importing {0} orders and filing a case on each", options.orders());
    Instant begin = Instant.now();
    ExecutorService pool = Executors.newFixedThreadPool(PREPARE_THREADS);
    try {
      List<Future<Visit>> futures = new ArrayList<>();
      for (int i = 0; i < options.orders(); i++) {
        String orderNo = String.format("PORTAL-%06d", i);
        String email = "buyer" + i + "@portal.example";
        futures.add(
            pool.submit(
                () -> {
                  api.importOrder(orderNo, email);
                  PreparedOrder order = new PreparedOrder(orderNo, api.openSession(orderNo, email));
                  return new Visit(orderNo, email, api.fileTicketNo(order, "prepare-" + orderNo));
                }));
      }
      List<Visit> visits = new ArrayList<>();
      for (Future<Visit> future : futures) {
        visits.add(future.get(5, TimeUnit.MINUTES));
      }
      LOG.log(INFO, "Prepared in {0} ms", Duration.between(begin, Instant.now()).toMillis());
      return List.copyOf(visits);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } finally {
      pool.shutdownNow();
    }
  }

  /** The closed loop of a phase and every page's latencies. */
  private record Measured(ClosedLoop.Result result, Map<Page, Latencies> pages) {}

  private Measured phase(URI base, List<Visit> visits, Duration duration)
      throws InterruptedException {
    List<PortalBuyer> buyers = new ArrayList<>();
    ClosedLoop.Result result =
        ClosedLoop.run(
            options.buyers(),
            duration,
            i -> {
              PortalBuyer buyer = new PortalBuyer(base, visits, i, options.think());
              buyers.add(buyer);
              return buyer;
            });
    Map<Page, Latencies> pages = new EnumMap<>(Page.class);
    for (Page page : Page.values()) {
      pages.put(page, Latencies.of(buyers.stream().map(b -> b.recorder(page)).toList()));
    }
    LOG.log(
        INFO,
        String.format(
            "%d journeys, %d errors; p95 per page: %s",
            result.succeeded(),
            result.errors(),
            pages.entrySet().stream()
                .map(e -> e.getKey().label + " " + e.getValue().percentileMillis(0.95))
                .toList()));
    result.errorSamples().forEach(sample -> LOG.log(INFO, "  error: {0}", sample));
    return new Measured(result, pages);
  }

  /**
   * One buyer alone, {@code --probe-requests} journeys: each page's time without contention and the
   * MariaDB statements it caused (global counter, so the app's background work adds a little).
   */
  private Map<Page, PortalReport.Alone> alone(URI base, List<Visit> visits, DbCounters counters)
      throws Exception {
    LOG.log(INFO, "One buyer alone, {0} journeys, counting statements", options.probeRequests());
    Map<Page, long[]> statements = new EnumMap<>(Page.class);
    PortalBuyer buyer = new PortalBuyer(base, visits, 1, Duration.ZERO);
    Map<String, Long>[] before = new Map[1];
    buyer.probe(
        new PortalBuyer.Probe() {
          @Override
          public void before(Page page) {
            before[0] = snapshot(counters);
          }

          @Override
          public void after(Page page) {
            long count =
                snapshot(counters).get(DbCounters.STATEMENTS)
                    - before[0].get(DbCounters.STATEMENTS)
                    - 1; // the snapshot's own statement
            statements.computeIfAbsent(page, p -> new long[1])[0] += count;
          }
        });
    for (int i = 0; i < options.probeRequests(); i++) {
      buyer.call();
    }
    Map<Page, PortalReport.Alone> alone = new EnumMap<>(Page.class);
    for (Page page : Page.values()) {
      Latencies latencies = Latencies.of(List.of(buyer.recorder(page)));
      alone.put(
          page,
          new PortalReport.Alone(
              latencies.percentileMillis(0.5),
              statements.get(page)[0] / (double) options.probeRequests()));
    }
    return alone;
  }

  private static Map<String, Long> snapshot(DbCounters counters) {
    try {
      return counters.snapshot();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<Lighthouse.Result> lighthouse(Lighthouse lighthouse, URI base, Visit visit)
      throws Exception {
    List<Lighthouse.Result> results = new ArrayList<>();
    results.add(lighthouse.run("landing", base.resolve("/").toString(), Optional.empty()));
    PortalBuyer buyer = new PortalBuyer(base, List.of(visit), 1, Duration.ZERO);
    HttpCookie session = buyer.signIn(visit);
    String cookie = session.getName() + "=" + session.getValue();
    results.add(
        lighthouse.run(
            "filing",
            base.resolve("/new-ticket.xhtml?order=" + visit.orderNo()).toString(),
            Optional.of(cookie)));
    results.add(
        lighthouse.run(
            "ticket",
            base.resolve("/ticket.xhtml?no=" + visit.ticketNo()).toString(),
            Optional.of(cookie)));
    return results;
  }

  /** With {@code --jfr FILE}: a profiling recording of Payara during the measured phase. */
  private Optional<Path> startRecording(long pid) {
    if (options.jfr().isEmpty()) {
      return Optional.empty();
    }
    jcmd(pid, "JFR.start", "name=portal", "settings=profile");
    return options.jfr();
  }

  private void stopRecording(long pid, Path file) {
    jcmd(pid, "JFR.stop", "name=portal", "filename=" + file);
    LOG.log(INFO, "Flight recording: {0}", file);
  }

  private void jcmd(long pid, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
    command.add(Long.toString(pid));
    command.addAll(List.of(arguments));
    int exit =
        ChildProcess.builder("jcmd", command)
            .logFile(target.resolve("jcmd.log"))
            .run(Duration.ofMinutes(1));
    if (exit != 0) {
      throw new IllegalStateException("jcmd " + arguments[0] + " failed; see target/jcmd.log");
    }
  }
}
