package io.keydesk.deploy;

import static java.lang.System.Logger.Level.INFO;

import io.keydesk.embedded.ChildProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A WAR deployed at the root context of a Payara Micro running in a child JVM. Configuration goes
 * in as system properties, secrets as environment variables (MicroProfile Config maps {@code
 * KEYDESK_DB_PASSWORD} to {@code keydesk.db.password}), so they do not show in {@code ps}.
 */
public final class PayaraMicro implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(PayaraMicro.class.getName());

  /** The pid file of the running Payara, in its root folder. */
  public static final String PID_FILE = "payara.pid";

  private final ChildProcess process;
  private final int port;

  private PayaraMicro(ChildProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts describing a Payara Micro ({@code payaraJar}) that deploys {@code war}. */
  public static Builder builder(Path payaraJar, Path war) {
    return new Builder(payaraJar, war);
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public int port() {
    return port;
  }

  /** Stops Payara Micro (it undeploys cleanly on SIGTERM), killing it only if it hangs. */
  @Override
  public void close() {
    process.stop();
  }

  /**
   * Waits until {@code /health/ready} answers 200 and the application itself answers at {@code /}
   * (anything but 404 or 5xx): Payara serves the health endpoint a moment before the web module.
   */
  private void awaitReady(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant begin = Instant.now();
    Instant deadline = begin.plus(timeout);
    String last = "no answer yet";
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Payara Micro exited with code "
                + process.exitCode().orElse(-1)
                + " while starting; see "
                + process.logFile()
                + ":\n"
                + process.logTail(30));
      }
      try {
        HttpResponse<String> health = get(http, "/health/ready");
        HttpResponse<String> root = health.statusCode() == 200 ? get(http, "/") : health;
        if (health.statusCode() == 200 && root.statusCode() != 404 && root.statusCode() < 500) {
          LOG.log(
              INFO,
              "Payara Micro ready at {0} in {1}",
              baseUri(),
              String.format("%.1f s", Duration.between(begin, Instant.now()).toMillis() / 1000.0));
          return;
        }
        last = root.uri().getPath() + ": HTTP " + root.statusCode() + " " + root.body();
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for Payara Micro", e);
      }
      pause();
    }
    throw new IllegalStateException(
        "Payara Micro was not ready at "
            + baseUri()
            + "/health/ready within "
            + timeout.toSeconds()
            + " s (last answer: "
            + last
            + "); see "
            + process.logFile());
  }

  private HttpResponse<String> get(HttpClient http, String path)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(baseUri().resolve(path)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Path createDirectories(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create " + dir, e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for Payara Micro", e);
    }
  }

  /** How to start Payara Micro. */
  /**
   * Compresses static text (the PrimeFaces and Keydesk CSS and JavaScript: 1.2 MB → about 0.3 MB on
   * a phone's first visit, docs/benchmarks.md) but not HTML: a page carries the ViewState, the
   * form's CSRF token, beside text the buyer typed, which BREACH could recover from compressed
   * sizes over TLS. Responses under 2 KB are sent as they are (Grizzly's default).
   *
   * <p>Pre-boot, not post-boot: a post-boot {@code set} on the listener's protocol reconfigures the
   * running HTTP listener, and on a busy machine that restart once left Payara "ready" with no
   * socket on its port (WholeSystemIT, 2026-11-25). Before boot the setting is simply read.
   */
  static final List<String> PRE_BOOT_COMMANDS =
      List.of(
          "set configs.config.server-config.network-config.protocols.protocol.http-listener"
              + ".http.compression=on",
          "set configs.config.server-config.network-config.protocols.protocol.http-listener"
              + ".http.compressable-mime-type=text/css,text/javascript,application/javascript"
              + ",application/x-javascript,image/svg+xml,font/ttf,application/vnd.ms-fontobject");

  private static Path writePreBootCommands(Path file) {
    try {
      return Files.writeString(file, String.join("\n", PRE_BOOT_COMMANDS) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static final class Builder {
    private final Path payaraJar;
    private final Path war;
    private final Map<String, String> systemProperties = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private int port = 8080;
    private String maxHeap = "512m";
    private Path rootDir;
    private Path logFile;
    private Duration readyTimeout = Duration.ofMinutes(3);

    private Builder(Path payaraJar, Path war) {
      this.payaraJar = Objects.requireNonNull(payaraJar, "payaraJar");
      this.war = Objects.requireNonNull(war, "war");
    }

    public Builder port(int httpPort) {
      this.port = httpPort;
      return this;
    }

    /** {@code -Xmx} of the Payara JVM, e.g. "512m" (the default). */
    public Builder maxHeap(String heap) {
      this.maxHeap = Objects.requireNonNull(heap, "heap");
      return this;
    }

    /** Required: Payara's configuration folder, kept across restarts. */
    public Builder rootDir(Path dir) {
      this.rootDir = dir;
      return this;
    }

    /** Required: where Payara's output goes. */
    public Builder logFile(Path file) {
      this.logFile = file;
      return this;
    }

    public Builder readyTimeout(Duration timeout) {
      this.readyTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** A {@code -Dname=value} for the application; visible in {@code ps}, so nothing secret. */
    public Builder systemProperty(String name, String value) {
      systemProperties.put(name, value);
      return this;
    }

    /** An environment variable of the Payara JVM; the place for secrets. */
    public Builder environment(String name, String value) {
      environment.put(name, value);
      return this;
    }

    /**
     * Starts Payara Micro and waits until {@code /health/ready} answers 200 and the application
     * answers at {@code /}.
     */
    public PayaraMicro start() {
      Path configDir = createDirectories(rootDir.resolve("root"));
      Path unpackDir = createDirectories(rootDir.resolve("runtime"));
      Path preBoot = writePreBootCommands(rootDir.resolve("pre-boot-commands.asadmin"));
      List<String> command = new ArrayList<>();
      command.add(ChildProcess.javaExecutable());
      command.add("-Xmx" + maxHeap);
      systemProperties.forEach((name, value) -> command.add("-D" + name + "=" + value));
      command.addAll(
          List.of(
              "-jar",
              payaraJar.toString(),
              "--deploy",
              war.toString(),
              "--contextroot",
              "/",
              "--port",
              Integer.toString(port),
              "--nocluster",
              "--disablephonehome",
              "--rootdir",
              configDir.toString(),
              "--unpackdir",
              unpackDir.toString(),
              "--prebootcommandfile",
              preBoot.toString()));
      ChildProcess.Builder child =
          ChildProcess.builder("payara", command)
              .workingDirectory(rootDir)
              .logFile(logFile)
              .pidFile(rootDir.resolve(PID_FILE));
      environment.forEach(child::environment);
      PayaraMicro payara = new PayaraMicro(child.start(), port);
      try {
        payara.awaitReady(readyTimeout);
      } catch (RuntimeException e) {
        payara.close();
        throw e;
      }
      return payara;
    }
  }
}
