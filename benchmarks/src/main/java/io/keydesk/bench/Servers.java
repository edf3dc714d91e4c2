package io.keydesk.bench;

import static java.lang.System.Logger.Level.INFO;

import io.keydesk.deploy.PayaraMicro;
import io.keydesk.embedded.EmbeddedMariaDb;
import io.keydesk.embedded.KafkaBroker;
import io.keydesk.embedded.Ports;
import io.keydesk.events.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * What every benchmark run starts for itself, on free ports of 127.0.0.1 with data under one work
 * folder: MariaDB (with the app's and the schema owner's accounts), a Kafka broker with Keydesk's
 * topics, and Payara Micro with the WAR configured for them. Used by {@link TicketBenchmark} and
 * the claim simulation; each run adds the settings of its own to the {@link PayaraMicro.Builder}.
 */
public final class Servers {
  private static final System.Logger LOG = System.getLogger(Servers.class.getName());
  private static final String DATABASE = "keydesk";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final List<String> TOPICS =
      List.of(
          Topics.ORDERS,
          Topics.CARD_KEYS,
          Topics.TICKETS,
          Topics.FUNNEL,
          Topics.DEAD_LETTER,
          Topics.TICKETS_PER_CATEGORY);

  private Servers() {}

  /**
   * The secrets of one run, generated fresh: the shop's signing secret, the supplier's, and the
   * card-key encryption and fingerprint keys. They reach Payara as environment variables only.
   */
  public record Secrets(
      String shopSecret, String supplierSecret, String cryptoKeys, String fingerprintKey) {
    public static Secrets generate() {
      return new Secrets(hex(32), hex(32), "1:" + base64(32), base64(32));
    }

    @Override
    public String toString() {
      return "Secrets[redacted]";
    }
  }

  /** MariaDB in {@code work/mariadb}, with a fresh password for the app and for the owner. */
  public static EmbeddedMariaDb startDatabase(Path work) {
    return EmbeddedMariaDb.start(work.resolve("mariadb"), Ports.freePort(), DATABASE, hex(16));
  }

  /** A Kafka broker in {@code work/kafka} with Keydesk's topics (3 partitions each). */
  public static KafkaBroker startKafka(Path work) {
    KafkaBroker kafka = KafkaBroker.start(work.resolve("kafka"), Ports.freePort());
    try {
      createTopics(kafka.bootstrapServers());
      return kafka;
    } catch (RuntimeException e) {
      kafka.close();
      throw e;
    }
  }

  private static void createTopics(String bootstrap) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin
          .createTopics(
              TOPICS.stream()
                  .map(topic -> new NewTopic(topic, Optional.of(3), Optional.empty()))
                  .toList())
          .all()
          .get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Could not create the Kafka topics at " + bootstrap, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating the Kafka topics", e);
    }
  }

  /**
   * Payara Micro with the WAR on {@code port}, pointed at the database (app account, and the owner
   * account for the migrations) and the broker, demo data off; the caller adds its own settings and
   * calls {@link PayaraMicro.Builder#start()}.
   */
  public static PayaraMicro.Builder payara(
      Path payaraJar,
      Path war,
      Path home,
      int port,
      String heap,
      EmbeddedMariaDb db,
      String bootstrap,
      Secrets secrets) {
    LOG.log(INFO, "Starting Payara Micro with {0} on port {1}", war, Integer.toString(port));
    return PayaraMicro.builder(payaraJar, war)
        .port(port)
        .maxHeap(heap)
        .rootDir(home)
        .logFile(home.resolve("payara.log"))
        .readyTimeout(Duration.ofMinutes(5))
        .systemProperty("keydesk.db.url", db.jdbcUrl())
        .systemProperty("keydesk.db.user", db.user())
        .systemProperty("keydesk.db.owner-user", db.ownerUser())
        .systemProperty("keydesk.kafka.bootstrap", bootstrap)
        .systemProperty("keydesk.crypto.active-version", "1")
        .systemProperty("keydesk.demo.enabled", "false")
        .environment("KEYDESK_DB_PASSWORD", db.password())
        .environment("KEYDESK_DB_OWNER_PASSWORD", db.ownerPassword())
        .environment("KEYDESK_CRYPTO_KEYS", secrets.cryptoKeys())
        .environment("KEYDESK_CRYPTO_FINGERPRINT_KEY", secrets.fingerprintKey())
        .environment("KEYDESK_SHOP_SECRET", secrets.shopSecret())
        .environment("KEYDESK_SUPPLIER_SECRET", secrets.supplierSecret());
  }

  /** The file, or a failure that says to build first. */
  public static Path require(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          file
              + " does not exist; build first (./mvnw -DskipTests -Dspotless.check.skip=true"
              + " package)");
    }
    return file;
  }

  /** Deletes a folder and everything in it; nothing happens when it does not exist. */
  public static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** {@code bytes} random bytes in hex. */
  public static String hex(int bytes) {
    return HexFormat.of().formatHex(random(bytes));
  }

  private static String base64(int bytes) {
    return Base64.getEncoder().encodeToString(random(bytes));
  }

  private static byte[] random(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return value;
  }
}
