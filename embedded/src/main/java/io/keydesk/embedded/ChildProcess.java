package io.keydesk.embedded;

import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A child process whose output (stdout and stderr) is appended to a log file.
 *
 * <p>Every running child is stopped when it is closed, and otherwise when this JVM exits normally:
 * one shutdown hook stops all of them one by one, the most recently started first, so a launcher
 * that started a database, then a broker, then an application server gets them stopped in the
 * reverse order. Stopping asks politely (SIGTERM), waits a bounded time, then kills the process and
 * everything it spawned. Where {@code setsid} exists the child runs in its own session, so a Ctrl-C
 * in the terminal reaches only this JVM, which then stops the children in order.
 *
 * <p>A child started with a pid file also cleans up after a JVM that was killed outright: if the
 * pid file names a process that is still running (same pid and start time), it is stopped first.
 */
public final class ChildProcess implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ChildProcess.class.getName());
  private static final Duration KILL_WAIT = Duration.ofSeconds(10);
  private static final Optional<Path> SETSID = findExecutable("setsid");

  private final String name;
  private final Process process;
  private final Path logFile;
  private final Path pidFile;
  private final Duration stopGrace;
  private volatile boolean exitExpected;

  private ChildProcess(Builder builder, Process process, boolean exitExpected) {
    this.name = builder.name;
    this.process = process;
    this.logFile = builder.logFile;
    this.pidFile = builder.pidFile;
    this.stopGrace = builder.stopGrace;
    this.exitExpected = exitExpected;
  }

  /** Starts describing a child process; {@code name} is used in log lines. */
  public static Builder builder(String name, List<String> command) {
    return new Builder(name, command);
  }

  /** The {@code java} executable of the running JVM, for child JVMs. */
  public static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public Path logFile() {
    return logFile;
  }

  /** The exit code, or empty while the process runs. */
  public Optional<Integer> exitCode() {
    return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
  }

  /** The last lines of the log file, for error messages. */
  public String logTail(int lines) {
    return tail(logFile, lines);
  }

  /**
   * Stops the process: SIGTERM, then up to the stop grace period for it to exit, then SIGKILL for
   * the process and every descendant. Safe to call more than once.
   */
  public synchronized void stop() {
    exitExpected = true;
    if (process.isAlive()) {
      List<ProcessHandle> descendants = process.descendants().toList();
      Instant begin = Instant.now();
      LOG.log(INFO, "Stopping {0} (pid {1})", name, Long.toString(pid()));
      process.destroy();
      if (!waitForExit(stopGrace)) {
        LOG.log(
            WARNING, "{0} did not stop within {1}; killing it", name, Durations.seconds(stopGrace));
        process.destroyForcibly();
        waitForExit(KILL_WAIT);
      }
      for (ProcessHandle descendant : descendants) {
        if (descendant.destroyForcibly()) {
          awaitExit(descendant, KILL_WAIT);
        }
      }
      LOG.log(INFO, "Stopped {0} in {1}", name, Durations.since(begin));
    }
    Registry.remove(this);
    deletePidFile();
  }

  @Override
  public void close() {
    stop();
  }

  /**
   * Stops the process a pid file names if it is still running (same pid and start time), e.g. left
   * behind by a JVM that was killed outright. Waits up to {@code grace}, then kills it.
   */
  public static void stopLeftover(String name, Path pidFile, Duration grace) {
    leftover(pidFile)
        .ifPresent(
            handle -> {
              LOG.log(
                  WARNING,
                  "Stopping a leftover {0} (pid {1}) from an earlier run",
                  name,
                  Long.toString(handle.pid()));
              handle.destroy();
              if (!awaitExit(handle, grace)) {
                handle.destroyForcibly();
                awaitExit(handle, KILL_WAIT);
              }
            });
  }

  private static Optional<ProcessHandle> leftover(Path pidFile) {
    try {
      String[] fields = Files.readString(pidFile).trim().split(" ");
      long startedAt = Long.parseLong(fields[1]);
      return ProcessHandle.of(Long.parseLong(fields[0]))
          .filter(handle -> handle.isAlive() && startMillis(handle) == startedAt);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      LOG.log(WARNING, "Ignoring unreadable pid file " + pidFile, e);
      return Optional.empty();
    }
  }

  private static long startMillis(ProcessHandle handle) {
    return handle.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
  }

  private boolean waitForExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  /** Polls: {@code onExit()} of a process that is not our child reacts only after seconds. */
  private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (handle.isAlive()) {
      if (Instant.now().isAfter(deadline)) {
        return false;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return !handle.isAlive();
      }
    }
    return true;
  }

  private void deletePidFile() {
    if (pidFile != null) {
      try {
        Files.deleteIfExists(pidFile);
      } catch (IOException e) {
        LOG.log(WARNING, "Could not delete " + pidFile, e);
      }
    }
  }

  static String tail(Path file, int lines) {
    if (!Files.isRegularFile(file)) {
      return "";
    }
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long start = Math.max(0, raf.length() - 32_768);
      byte[] bytes = new byte[(int) (raf.length() - start)];
      raf.seek(start);
      raf.readFully(bytes);
      List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(could not read " + file + ": " + e.getMessage() + ")";
    }
  }

  private static Optional<Path> findExecutable(String program) {
    String path = Objects.requireNonNullElse(System.getenv("PATH"), "/usr/bin:/bin");
    return Arrays.stream(path.split(":"))
        .map(dir -> Path.of(dir, program))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** How to start a child process. */
  public static final class Builder {
    private final String name;
    private final List<String> command;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Path workingDirectory;
    private Path logFile;
    private Path pidFile;
    private Duration stopGrace = Duration.ofSeconds(30);

    private Builder(String name, List<String> command) {
      this.name = Objects.requireNonNull(name, "name");
      this.command = List.copyOf(command);
      if (this.command.isEmpty()) {
        throw new IllegalArgumentException("Empty command for " + name);
      }
    }

    /** Sets (or, with a null value, removes) an environment variable of the child. */
    public Builder environment(String key, String value) {
      environment.put(key, value);
      return this;
    }

    public Builder workingDirectory(Path directory) {
      this.workingDirectory = directory;
      return this;
    }

    /** Required: where stdout and stderr are appended. */
    public Builder logFile(Path file) {
      this.logFile = file;
      return this;
    }

    /** Remembers the pid there, and stops a leftover process it names before starting. */
    public Builder pidFile(Path file) {
      this.pidFile = file;
      return this;
    }

    /** How long {@link #stop()} waits after SIGTERM before killing; 30 seconds unless set. */
    public Builder stopGrace(Duration grace) {
      this.stopGrace = Objects.requireNonNull(grace, "grace");
      return this;
    }

    /** Starts the process; it runs until stopped. */
    public ChildProcess start() {
      if (pidFile != null) {
        stopLeftover(name, pidFile, stopGrace);
      }
      ChildProcess child = new ChildProcess(this, launch(), false);
      Registry.add(child);
      writePidFile(child);
      child.process.onExit().thenRun(() -> warnIfUnexpected(child));
      LOG.log(INFO, "Started {0} (pid {1}), log: {2}", name, Long.toString(child.pid()), logFile);
      return child;
    }

    /**
     * Runs a command that is expected to finish, and returns its exit code.
     *
     * @throws IllegalStateException if it is still running after {@code timeout} (it is then
     *     killed)
     */
    public int run(Duration timeout) {
      ChildProcess child = new ChildProcess(this, launch(), true);
      Registry.add(child);
      try {
        if (!child.waitForExit(timeout)) {
          throw new IllegalStateException(
              name + " did not finish within " + timeout + "; see " + logFile);
        }
        return child.process.exitValue();
      } finally {
        child.stop();
      }
    }

    private Process launch() {
      Objects.requireNonNull(logFile, "logFile");
      List<String> fullCommand = new ArrayList<>();
      SETSID.ifPresent(setsid -> fullCommand.add(setsid.toString()));
      fullCommand.addAll(command);
      ProcessBuilder builder = new ProcessBuilder(fullCommand);
      environment.forEach(
          (key, value) -> {
            if (value == null) {
              builder.environment().remove(key);
            } else {
              builder.environment().put(key, value);
            }
          });
      if (workingDirectory != null) {
        builder.directory(workingDirectory.toFile());
      }
      builder.redirectErrorStream(true);
      builder.redirectOutput(Redirect.appendTo(logFile.toFile()));
      builder.redirectInput(Redirect.from(new File("/dev/null")));
      try {
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        return builder.start();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start " + name + ": " + command.get(0), e);
      }
    }

    private void warnIfUnexpected(ChildProcess child) {
      if (!child.exitExpected) {
        LOG.log(
            WARNING,
            "{0} (pid {1}) exited unexpectedly with code {2}; see {3}",
            name,
            Long.toString(child.pid()),
            Integer.toString(child.process.exitValue()),
            logFile);
      }
    }

    private void writePidFile(ChildProcess child) {
      if (pidFile == null) {
        return;
      }
      try {
        Files.writeString(
            pidFile, child.pid() + " " + startMillis(child.process.toHandle()) + "\n");
      } catch (IOException e) {
        LOG.log(WARNING, "Could not write " + pidFile, e);
      }
    }
  }

  /**
   * The running children, most recently started first; stopped in that order when the JVM exits.
   */
  private static final class Registry {
    private static final Deque<ChildProcess> RUNNING = new ArrayDeque<>();
    private static boolean shuttingDown;

    static {
      Runtime.getRuntime()
          .addShutdownHook(new Thread(Registry::stopAll, "keydesk-stop-child-processes"));
    }

    private Registry() {}

    static synchronized void add(ChildProcess child) {
      if (shuttingDown) {
        child.process.destroyForcibly();
        throw new IllegalStateException("Not starting " + child.name + ": the JVM is exiting");
      }
      RUNNING.addFirst(child);
    }

    static synchronized void remove(ChildProcess child) {
      RUNNING.remove(child);
    }

    private static void stopAll() {
      List<ChildProcess> children;
      synchronized (Registry.class) {
        shuttingDown = true;
        children = new ArrayList<>(RUNNING);
      }
      children.forEach(ChildProcess::stop);
    }
  }
}
