package io.keydesk.embedded;

import static java.lang.System.Logger.Level.INFO;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one process) running in a child
 * JVM from the {@code kafka_2.13} jars on this JVM's classpath.
 *
 * <p>Layout of the data folder: {@code kraft-combined-logs/} (topic data and the metadata log),
 * {@code server.properties} (written at every start), {@code controller.port} (chosen on the first
 * start and reused, because the controller's address is part of the formatted metadata), {@code
 * broker.pid} while it runs, and the broker's log ({@code broker.log} unless told otherwise).
 * Transactions and the offsets topic work on one node (replication factor 1, min ISR 1), so
 * transactional producers and {@code exactly_once_v2} can be used.
 */
public final class KafkaBroker implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(KafkaBroker.class.getName());
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final String CONTROLLER_PORT_FILE = "controller.port";

  /** The pid file of the running broker, in the data folder. */
  public static final String PID_FILE = "broker.pid";

  private final Path home;
  private final int port;
  private final int controllerPort;
  private final Path logFile;
  private ChildProcess process;

  private KafkaBroker(Path home, int port, int controllerPort, Path logFile) {
    this.home = home;
    this.port = port;
    this.controllerPort = controllerPort;
    this.logFile = logFile;
  }

  /**
   * Formats {@code dataDir} if needed, starts a broker with its client listener on 127.0.0.1:{@code
   * port} and waits until a client can list topics. The controller listens on a free port chosen on
   * the first start; the log is {@code dataDir/broker.log}.
   */
  public static KafkaBroker start(Path dataDir, int port) {
    return start(dataDir, port, 0, dataDir.resolve("broker.log"));
  }

  /**
   * Like {@link #start(Path, int)}, with the controller port to use when {@code dataDir} is new (0
   * picks a free one; a formatted folder keeps the port it remembers, see {@link
   * #rememberedControllerPort(Path)}) and another log file.
   */
  public static KafkaBroker start(Path dataDir, int port, int controllerPort, Path logFile) {
    Path home = dataDir.toAbsolutePath();
    try {
      Files.createDirectories(home);
      int chosenControllerPort =
          rememberedControllerPort(home)
              .orElseGet(() -> controllerPort > 0 ? controllerPort : Ports.freePort());
      Files.writeString(home.resolve(CONTROLLER_PORT_FILE), chosenControllerPort + "\n");
      KafkaBroker broker = new KafkaBroker(home, port, chosenControllerPort, logFile);
      broker.writeServerProperties();
      if (!Files.exists(broker.logDir().resolve("meta.properties"))) {
        broker.format();
      }
      broker.launch();
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not prepare the Kafka data folder " + home, e);
    }
  }

  /** The controller port a formatted data folder uses, if it has been started before. */
  public static OptionalInt rememberedControllerPort(Path dataDir) {
    Path file = dataDir.resolve(CONTROLLER_PORT_FILE);
    try {
      return Files.exists(file)
          ? OptionalInt.of(Integer.parseInt(Files.readString(file).trim()))
          : OptionalInt.empty();
    } catch (IOException | NumberFormatException e) {
      throw new IllegalStateException("Unreadable " + file + "; delete it to choose a new port", e);
    }
  }

  /** {@code 127.0.0.1:<port>}, the same before and after a restart. */
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public int controllerPort() {
    return controllerPort;
  }

  /** Stops the broker process (a clean shutdown), keeping its data. */
  public synchronized void stop() {
    if (process != null) {
      process.stop();
      process = null;
    }
  }

  /** Starts the broker again on the same ports with the same data, and waits until it is ready. */
  public synchronized void restart() {
    stop();
    launch();
  }

  @Override
  public void close() {
    stop();
  }

  private Path logDir() {
    return home.resolve("kraft-combined-logs");
  }

  private Path serverProperties() {
    return home.resolve("server.properties");
  }

  private synchronized void launch() {
    Instant begin = Instant.now();
    process =
        ChildProcess.builder(
                "kafka",
                jvm(
                    List.of("-Xms128m", "-Xmx512m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20"),
                    "kafka.Kafka",
                    serverProperties().toString()))
            .environment("CLASSPATH", JavaClasspath.current())
            .workingDirectory(home)
            .logFile(logFile)
            .pidFile(home.resolve(PID_FILE))
            .start();
    try {
      awaitReady();
    } catch (RuntimeException e) {
      process.stop();
      process = null;
      throw e;
    }
    LOG.log(
        INFO,
        "Kafka ready at {0} in {1} (data: {2})",
        bootstrapServers(),
        Durations.since(begin),
        logDir());
  }

  private void format() {
    LOG.log(INFO, "Formatting a new KRaft data folder in {0}", logDir());
    int exitCode =
        ChildProcess.builder(
                "kafka-storage-format",
                jvm(
                    List.of("-Xmx256m"),
                    "kafka.tools.StorageTool",
                    "format",
                    "--cluster-id",
                    Uuid.randomUuid().toString(),
                    "--config",
                    serverProperties().toString(),
                    "--standalone"))
            .environment("CLASSPATH", JavaClasspath.current())
            .workingDirectory(home)
            .logFile(logFile)
            .run(Duration.ofMinutes(2));
    if (exitCode != 0) {
      throw new IllegalStateException(
          "Formatting Kafka storage failed with exit code "
              + exitCode
              + "; see "
              + logFile
              + ":\n"
              + ChildProcess.tail(logFile, 20));
    }
  }

  private static List<String> jvm(List<String> options, String mainClass, String... arguments) {
    try {
      Class.forName(mainClass, false, KafkaBroker.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          mainClass + " is not on the classpath; add org.apache.kafka:kafka_2.13", e);
    }
    List<String> command = new ArrayList<>();
    command.add(ChildProcess.javaExecutable());
    command.addAll(options);
    command.add("-Djava.awt.headless=true");
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.add("-Djava.util.logging.SimpleFormatter.format=%1$tF %1$tT %4$s %3$s - %5$s%6$s%n");
    command.add(mainClass);
    command.addAll(List.of(arguments));
    return command;
  }

  private void writeServerProperties() throws IOException {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("process.roles", "broker,controller");
    settings.put("node.id", "1");
    settings.put(
        "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    settings.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    settings.put("controller.listener.names", "CONTROLLER");
    settings.put("inter.broker.listener.name", "PLAINTEXT");
    settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    settings.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
    settings.put("log.dirs", logDir().toString());
    settings.put("num.partitions", "3");
    settings.put("auto.create.topics.enable", "true");
    settings.put("default.replication.factor", "1");
    settings.put("min.insync.replicas", "1");
    settings.put("offsets.topic.replication.factor", "1");
    settings.put("offsets.topic.num.partitions", "10");
    settings.put("transaction.state.log.replication.factor", "1");
    settings.put("transaction.state.log.min.isr", "1");
    settings.put("transaction.state.log.num.partitions", "10");
    settings.put("share.coordinator.state.topic.replication.factor", "1");
    settings.put("share.coordinator.state.topic.min.isr", "1");
    settings.put("group.initial.rebalance.delay.ms", "0");
    StringBuilder text = new StringBuilder("# Written by KafkaBroker at every start.\n");
    settings.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
    Files.writeString(serverProperties(), text);
  }

  private void awaitReady() {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (!accepting(port)) {
      checkRunning(deadline);
      Durations.pause(Duration.ofMillis(100));
    }
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000))) {
      while (true) {
        checkRunning(deadline);
        try {
          admin.listTopics().names().get(5, TimeUnit.SECONDS);
          return;
        } catch (ExecutionException | TimeoutException e) {
          Durations.pause(Duration.ofMillis(200));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
      }
    }
  }

  private void checkRunning(Instant deadline) {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "Kafka exited with code "
              + process.exitCode().orElse(-1)
              + " while starting; see "
              + logFile
              + ":\n"
              + process.logTail(30));
    }
    if (Instant.now().isAfter(deadline)) {
      throw new IllegalStateException(
          "Kafka did not become ready at "
              + bootstrapServers()
              + " within "
              + START_TIMEOUT
              + "; see "
              + logFile);
    }
  }

  private static boolean accepting(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
