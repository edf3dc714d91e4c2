package io.keydesk.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.keydesk.embedded.EmbeddedMariaDb;
import io.keydesk.embedded.KafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the real MariaDB, Kafka broker and SMTP server (GreenMail) the integration tests need,
 * once per test JVM, on the ports the build reserved ({@code it.db.port}, {@code it.kafka.port},
 * {@code it.mail.port}); Payara Micro, started by Arquillian, is pointed at them through {@code
 * payara.cmdOptions}. Unit-test JVMs (no {@code it.db.port}) start nothing.
 */
public class TestServers implements LauncherSessionListener {
  public static final String DB_PASSWORD = "keydesk-it-password";
  private static EmbeddedMariaDb db;
  private static KafkaBroker kafka;
  private static GreenMail mail;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String dbPort = System.getProperty("it.db.port");
    if (dbPort == null || db != null) {
      return;
    }
    Path work = Path.of(System.getProperty("it.work.dir", "target/it"));
    deleteRecursively(work);
    db =
        EmbeddedMariaDb.start(
            work.resolve("mariadb"), Integer.parseInt(dbPort), "keydesk", DB_PASSWORD);
    kafka =
        KafkaBroker.start(
            work.resolve("kafka"), Integer.parseInt(System.getProperty("it.kafka.port")));
    startMail();
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    stopMail();
    if (kafka != null) {
      kafka.close();
      kafka = null;
    }
    if (db != null) {
      db.close();
      db = null;
    }
  }

  /** The test broker, to stop and restart it in the middle of a test. */
  public static KafkaBroker kafka() {
    return kafka;
  }

  /**
   * The test SMTP server; it keeps every message it received (any recipient) until it is stopped.
   */
  public static synchronized GreenMail mail() {
    return mail;
  }

  /** Starts the SMTP server on {@code it.mail.port} (again, after {@link #stopMail()}). */
  public static synchronized void startMail() {
    if (mail == null) {
      GreenMail server =
          new GreenMail(
              new ServerSetup(
                  Integer.parseInt(System.getProperty("it.mail.port")),
                  "127.0.0.1",
                  ServerSetup.PROTOCOL_SMTP));
      server.start();
      mail = server;
    }
  }

  /** Stops the SMTP server: the app's mail delivery fails until {@link #startMail()}. */
  public static synchronized void stopMail() {
    if (mail != null) {
      mail.stop();
      mail = null;
    }
  }

  /** A connection to the test database, for asserting rows. */
  /** A connection to the test database as the application's user, for asserting rows. */
  public static Connection database() throws SQLException {
    return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
  }

  /** A connection as the schema's owner: what an attacker with the DBA's rights could do. */
  public static Connection databaseAsOwner() throws SQLException {
    return DriverManager.getConnection(db.jdbcUrl(), db.ownerUser(), db.ownerPassword());
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
