package io.keydesk.bench.claims;

import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keydesk.bench.BenchmarkMain;
import io.keydesk.bench.MachineFacts;
import io.keydesk.bench.Servers;
import io.keydesk.bench.claims.Plan.Case;
import io.keydesk.bench.claims.Plan.Order;
import io.keydesk.bench.claims.SimulationApi.Answer;
import io.keydesk.deploy.PayaraMicro;
import io.keydesk.embedded.EmbeddedMariaDb;
import io.keydesk.embedded.KafkaBroker;
import io.keydesk.embedded.Ports;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A month of realistic after-sales traffic through the public API of a real Keydesk (MariaDB,
 * Kafka, Payara Micro with the WAR, the simulated supplier and shop, a local SMTP server), drawn
 * from a seed by {@link MixGenerator}: honest buyers and fraudsters following the known patterns.
 * Reports how many cases resolved themselves, whether any fraud got paid automatically and how many
 * honest buyers the risk engine held up ({@link SimulationReport}). Started by {@code
 * benchmarks/simulate}; the report goes to stdout and {@code
 * benchmarks/target/simulation-report.md}, progress to stderr.
 */
public final class ClaimSimulation {
  private static final System.Logger LOG = System.getLogger(ClaimSimulation.class.getName());
  private static final Duration CODE_MAIL_TIMEOUT = Duration.ofSeconds(60);
  private static final int MAX_ERRORS = 50;
  private static final int PROGRESS_EVERY = 250;
  private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(3);

  private final SimulationOptions options;
  private final Path root;
  private final Path target;

  private ClaimSimulation(SimulationOptions options, Path root) {
    this.options = options;
    this.root = root;
    this.target = root.resolve("benchmarks/target");
  }

  /**
   * Runs the simulation. The repository root is the system property {@code keydesk.root} (default:
   * the working directory); options are listed by {@code --help}.
   */
  public static void main(String[] args) {
    BenchmarkMain.main(
        args,
        SimulationOptions.USAGE,
        SimulationOptions::parse,
        "benchmarks/simulate",
        "The simulation",
        (options, root, command) -> new ClaimSimulation(options, root).run(command));
  }

  private String run(String command) throws Exception {
    Path payaraJar = Servers.require(target.resolve("payara-micro.jar"));
    Path war = Servers.require(target.resolve("keydesk.war"));
    MachineFacts machine = MachineFacts.collect(root);
    Plan plan = MixGenerator.generate(options.seed(), options.cases());
    LOG.log(
        INFO,
        "Plan of seed {0}: {1} cases, {2} buyers, {3} orders",
        Long.toString(options.seed()),
        plan.cases().size(),
        plan.buyers().size(),
        plan.orders().size());
    Files.createDirectories(target);
    Path work = Files.createTempDirectory(target, "simulation-");
    LOG.log(INFO, "Data folder: {0}", work);
    try {
      String report = run(command, machine, plan, work, payaraJar, war);
      Files.writeString(target.resolve("simulation-report.md"), report);
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
      String command, MachineFacts machine, Plan plan, Path work, Path payaraJar, Path war)
      throws Exception {
    Instant begin = Instant.now();
    try (MailCatcher mail = MailCatcher.start();
        EmbeddedMariaDb db = Servers.startDatabase(work);
        KafkaBroker kafka = Servers.startKafka(work)) {
      Servers.Secrets secrets = Servers.Secrets.generate();
      int port = Ports.freePort();
      String self = "http://127.0.0.1:" + port;
      Instant payaraBegin = Instant.now();
      try (PayaraMicro payara =
          Servers.payara(
                  payaraJar,
                  war,
                  Files.createDirectories(work.resolve("payara")),
                  port,
                  options.heap(),
                  db,
                  kafka.bootstrapServers(),
                  secrets)
              .systemProperty("keydesk.http.trust-forwarded-for", "true")
              .systemProperty("keydesk.supplier.simulated", "true")
              .systemProperty("keydesk.supplier.verify-url", self + "/simulated-supplier/verify")
              .systemProperty("keydesk.shop.simulated", "true")
              .systemProperty("keydesk.shop.webhook-url", self + "/simulated-shop/webhooks")
              .systemProperty("keydesk.mail.host", "127.0.0.1")
              .systemProperty("keydesk.mail.port", Integer.toString(mail.port()))
              .systemProperty("keydesk.mail.tls", "none")
              .systemProperty("keydesk.mail.from", "Keydesk simulation <no-reply@keydesk.test>")
              .systemProperty("keydesk.notify.poll-ms", "100")
              .systemProperty("keydesk.public-url", self)
              .start()) {
        Duration payaraStart = Duration.between(payaraBegin, Instant.now());
        HttpClient http =
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        SimulationApi api = new SimulationApi(payara.baseUri(), secrets.shopSecret(), http);
        StaffAccount admin = StaffAccount.createAdmin(db);
        String staff = api.staffToken(admin.username(), admin.password());
        Map<String, Integer> thresholds = api.riskSettings(staff);
        int articles = 0;
        for (ObjectNode article : HelpArticles.general()) {
          api.createArticle(staff, article);
          articles++;
        }
        int blocks = 0;
        for (Plan.Buyer b : plan.buyers()) {
          if (b.pattern() == Pattern.BLOCKED_CONTACT) {
            api.block(staff, "CONTACT", b.email(), "chargebacks reported by the payment provider");
            blocks++;
          }
        }
        LOG.log(INFO, "Staff wrote {0} help articles and {1} blocks", articles, blocks);

        Instant trafficBegin = Instant.now();
        Traffic traffic =
            new Traffic(api, staff, mail, plan, trafficBegin.minus(30, ChronoUnit.DAYS));
        List<Outcome> outcomes = traffic.run();
        articles += traffic.productArticles;
        Duration trafficTime = Duration.between(trafficBegin, Instant.now());

        Instant drainBegin = Instant.now();
        String metrics = drain(api);
        Duration drained = Duration.between(drainBegin, Instant.now());
        JsonNode audit = api.auditVerify(staff);
        SimulationReport.Facts facts =
            new SimulationReport.Facts(
                machine,
                command,
                options.seed(),
                payaraStart,
                trafficTime,
                Duration.between(begin, Instant.now()),
                thresholds,
                articles,
                blocks,
                mail.received(),
                audit,
                drained,
                metric(metrics, "keydesk_outbox_pending"),
                metric(metrics, "keydesk_webhooks_pending"));
        return SimulationReport.markdown(plan, outcomes, facts);
      }
    }
  }

  /**
   * Waits (at most {@link #DRAIN_TIMEOUT}) until the outbox has published every event to Kafka and
   * the simulated shop has acknowledged every webhook; returns the last metrics read.
   */
  private static String drain(SimulationApi api) throws InterruptedException {
    Instant deadline = Instant.now().plus(DRAIN_TIMEOUT);
    while (true) {
      String metrics = api.metrics();
      boolean empty =
          zero(metric(metrics, "keydesk_outbox_pending"))
              && zero(metric(metrics, "keydesk_webhooks_pending"));
      if (empty || Instant.now().isAfter(deadline)) {
        return metrics;
      }
      Thread.sleep(1000);
    }
  }

  private static boolean zero(String value) {
    try {
      return Double.parseDouble(value) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String metric(String prometheus, String name) {
    for (String line : prometheus.split("\n")) {
      if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
        return line.substring(line.lastIndexOf(' ') + 1);
      }
    }
    return "?";
  }

  /** Plays the plan's cases in order, one at a time, each as its buyer would. */
  private static final class Traffic {
    private final SimulationApi api;
    private final String staff;
    private final MailCatcher mail;
    private final Plan plan;
    private final Instant monthStart;
    private final Set<String> imported = new HashSet<>();
    private final Set<String> stocked = new HashSet<>();
    private final Map<String, String> sessions = new HashMap<>();
    private int errors;
    private int productArticles;

    Traffic(SimulationApi api, String staff, MailCatcher mail, Plan plan, Instant monthStart) {
      this.api = api;
      this.staff = staff;
      this.mail = mail;
      this.plan = plan;
      this.monthStart = monthStart;
    }

    List<Outcome> run() {
      List<Outcome> outcomes = new ArrayList<>();
      Instant begin = Instant.now();
      for (Case c : plan.cases()) {
        Outcome outcome;
        try {
          outcome = play(c);
        } catch (SimulationApi.UnexpectedAnswer | UncheckedIOException e) {
          outcome = Outcome.failed(c, e.getMessage());
        }
        if (outcome.error() != null) {
          errors++;
          LOG.log(WARNING, "Case {0}: {1}", c.id(), outcome.error());
          if (errors > MAX_ERRORS) {
            throw new IllegalStateException(
                "more than " + MAX_ERRORS + " cases failed; the last: " + outcome.error());
          }
        }
        outcomes.add(outcome);
        if (outcomes.size() % PROGRESS_EVERY == 0) {
          LOG.log(
              INFO,
              "{0} of {1} cases in {2} s",
              outcomes.size(),
              plan.cases().size(),
              Duration.between(begin, Instant.now()).toSeconds());
        }
      }
      return outcomes;
    }

    private Outcome play(Case c) {
      ensureImported(c.order());
      if (c.kind() == CaseKind.PAYMENT_ISSUE_PAID_TWICE) {
        plan.repeatsOf(c.order()).forEach(this::ensureImported);
      }
      if ("USAGE_HELP".equals(c.category())) {
        JsonNode items =
            api.recommendations(
                c.category(),
                c.order().product().sku(),
                c.description(),
                c.buyer().language(),
                c.buyer().ip());
        if (c.kind().deflects() && items.size() > 0) {
          long article = items.get(0).path("id").asLong();
          boolean counted =
              api.solved(article, "sim-" + plan.seed() + "-" + c.id(), c)
                  .json()
                  .path("counted")
                  .asBoolean();
          return new Outcome(
              c,
              counted,
              null,
              null,
              List.of(),
              null,
              null,
              null,
              null,
              null,
              null,
              false,
              counted ? null : "the help answer was not counted as solved");
        }
      }
      String token = session(c);
      if (c.shopRedeemedBefore()) {
        api.reportRedeemed(c.order().orderNo(), c.keyIndex() == null ? 0 : c.keyIndex());
      }
      Boolean revealedBefore = c.revealBefore() == null ? null : reveal(token, c, c.revealBefore());
      Answer answer = api.fileTicket(token, c, "sim-" + plan.seed() + "-" + c.id());
      if (answer.status() == 401) {
        sessions.remove(c.buyer().email());
        answer = api.fileTicket(session(c), c, "sim-" + plan.seed() + "-" + c.id());
      }
      SimulationApi.expect(201, answer, "file case " + c.id());
      JsonNode t = answer.json();
      String status = text(t.path("status"));
      Boolean revealedAfter =
          c.revealAfter() != null && "RESOLVED".equals(status)
              ? reveal(session(c), c, c.revealAfter())
              : null;
      String decision = text(t.path("risk").path("decision"));
      String reviewNote = reviewNote(t);
      boolean solvedByBuyer = false;
      if (c.kind() == CaseKind.INVALID_KEY_VALID
          && "AUTO".equals(decision)
          && "IN_REVIEW".equals(status)
          && followsGuidance(c)) {
        t = api.markSolved(session(c), text(t.path("ticketNo")), c.buyer().ip()).json();
        status = text(t.path("status"));
        solvedByBuyer = "RESOLVED".equals(status);
      }
      List<String> reasons = new ArrayList<>();
      t.path("risk").path("reasons").forEach(r -> reasons.add(r.path("code").asText()));
      return new Outcome(
          c,
          false,
          text(t.path("ticketNo")),
          decision,
          reasons,
          status,
          text(t.path("resolution")),
          text(t.path("autoAction")),
          reviewNote,
          revealedBefore,
          revealedAfter,
          solvedByBuyer,
          Boolean.FALSE.equals(revealedBefore)
              ? "the key could not be shown before the claim"
              : null);
    }

    /**
     * The shop reports the order the first time a case needs it. A product seen for the first time
     * gets its stock from the shop and its help article from staff.
     */
    private void ensureImported(Order o) {
      if (!imported.add(o.orderNo())) {
        return;
      }
      api.importOrder(o, monthStart);
      String sku = o.product().sku();
      if (stocked.add(sku)) {
        int n = plan.stock().getOrDefault(sku, 0);
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          codes.add(String.format("SIMSTOCK-%s-%05d", sku, i));
        }
        if (!codes.isEmpty()) {
          api.importStock(sku, "S-" + sku, codes);
        }
        api.createArticle(staff, HelpArticles.forProduct(o.product()));
        productArticles++;
        LOG.log(INFO, "Stock of {0}: {1} keys", sku, n);
      }
    }

    /**
     * Whether the guidance fits this buyer's case ({@link Mix#GUIDANCE_FITS}): drawn per case from
     * the seed, apart from the plan's own random sequence, so the plan stays what it was.
     */
    private boolean followsGuidance(Case c) {
      return new SplittableRandom(plan.seed() * 31 + c.id()).nextDouble() < Mix.GUIDANCE_FITS;
    }

    private String session(Case c) {
      return sessions.computeIfAbsent(
          c.buyer().email(), email -> api.openSession(c.order().orderNo(), email, c.buyer().ip()));
    }

    /** Shows a key as the buyer does: asks for a code, reads it from the mail, sends it. */
    private boolean reveal(String token, Case c, int index) {
      int mark = mail.inboxSize(c.buyer().email());
      Answer sent =
          api.requestCode(token, c.order().orderNo(), index, c.buyer().language(), c.buyer().ip());
      if (sent.status() != 202) {
        LOG.log(WARNING, "Case {0}: no code for key {1}: HTTP {2}", c.id(), index, sent.status());
        return false;
      }
      Optional<String> code =
          mail.awaitCode(c.buyer().email(), c.order().orderNo(), mark, CODE_MAIL_TIMEOUT);
      if (code.isEmpty()) {
        LOG.log(WARNING, "Case {0}: the code mail did not arrive", c.id());
        return false;
      }
      int status = api.reveal(token, c.order().orderNo(), index, code.get(), c.buyer().ip());
      return status == 200;
    }

    /** The reason on the timeline where the case went to review, if it did. */
    private static String reviewNote(JsonNode ticket) {
      String note = null;
      for (JsonNode item : ticket.path("timeline")) {
        if ("IN_REVIEW".equals(item.path("toStatus").asText()) && item.hasNonNull("body")) {
          note = item.path("body").asText();
        }
      }
      return note;
    }

    private static String text(JsonNode node) {
      return node.isMissingNode() || node.isNull() ? null : node.asText();
    }
  }
}
