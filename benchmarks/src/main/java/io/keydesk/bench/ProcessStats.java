package io.keydesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Memory and CPU of processes and of the machine, from {@code /proc} (Linux). */
final class ProcessStats {
  private ProcessStats() {}

  /** Resident memory of {@code pid} and its descendants, in bytes (VmRSS). */
  static long rssBytes(long pid) {
    return tree(pid).mapToLong(ProcessStats::ownRssBytes).sum();
  }

  /** CPU time used so far by {@code pid} and its live descendants. */
  static Duration cpu(long pid) {
    return tree(pid)
        .map(handle -> handle.info().totalCpuDuration().orElse(Duration.ZERO))
        .reduce(Duration.ZERO, Duration::plus);
  }

  /** The pid in a pid file the embedded servers write ({@code <pid> <start millis>}). */
  static long pidFromFile(Path pidFile) {
    try {
      return Long.parseLong(Files.readString(pidFile).trim().split("\\s+")[0]);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + pidFile, e);
    }
  }

  private static Stream<ProcessHandle> tree(long pid) {
    return ProcessHandle.of(pid)
        .map(handle -> Stream.concat(Stream.of(handle), handle.descendants()))
        .orElseGet(Stream::empty);
  }

  private static long ownRssBytes(ProcessHandle handle) {
    try {
      for (String line :
          Files.readAllLines(Path.of("/proc", Long.toString(handle.pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
      return 0;
    } catch (NoSuchFileException e) {
      return 0; // exited meanwhile
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * CPU used by named processes, by this JVM (the load generator) and by the whole machine between
   * two moments; {@link #since()} turns it into cores in use.
   */
  static final class CpuSnapshot {
    private final Map<String, Long> pids;
    private final Map<String, Duration> processCpu = new LinkedHashMap<>();
    private final Duration selfCpu;
    private final long[] machineJiffies;
    private final long wallNanos;

    private CpuSnapshot(Map<String, Long> pids) {
      this.pids = pids;
      pids.forEach((name, pid) -> processCpu.put(name, cpu(pid)));
      this.selfCpu = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
      this.machineJiffies = machineJiffies();
      this.wallNanos = System.nanoTime();
    }

    /** Takes a snapshot of the named processes (name → pid) and of the machine. */
    static CpuSnapshot take(Map<String, Long> pids) {
      return new CpuSnapshot(new LinkedHashMap<>(pids));
    }

    /** Cores in use on average since this snapshot, per process and for the whole machine. */
    CpuUsage since() {
      CpuSnapshot now = new CpuSnapshot(pids);
      double wall = (now.wallNanos - wallNanos) / 1e9;
      Map<String, Double> cores = new LinkedHashMap<>();
      processCpu.forEach(
          (name, before) ->
              cores.put(name, (now.processCpu.get(name).minus(before).toNanos() / 1e9) / wall));
      cores.put(CpuUsage.LOAD_GENERATOR, (now.selfCpu.minus(selfCpu).toNanos() / 1e9) / wall);
      long busy = now.machineJiffies[0] - machineJiffies[0];
      long stolen = now.machineJiffies[1] - machineJiffies[1];
      long total = now.machineJiffies[2] - machineJiffies[2];
      int cpus = Runtime.getRuntime().availableProcessors();
      return total == 0
          ? new CpuUsage(cores, Double.NaN, Double.NaN)
          : new CpuUsage(cores, (double) busy / total * cpus, (double) stolen / total * cpus);
    }

    /**
     * Busy, stolen and total jiffies of all CPUs, from the first line of {@code /proc/stat}: busy
     * is user, nice, system, irq and softirq; stolen is what the hypervisor gave to other guests.
     */
    private static long[] machineJiffies() {
      try {
        String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long[] value = new long[9];
        for (int i = 1; i < value.length && i < fields.length; i++) {
          value[i] = Long.parseLong(fields[i]);
        }
        long busy = value[1] + value[2] + value[3] + value[6] + value[7];
        long total = busy + value[4] + value[5] + value[8];
        return new long[] {busy, value[8], total};
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Average cores in use during a phase. */
  record CpuUsage(Map<String, Double> cores, double machine, double stolen) {
    static final String LOAD_GENERATOR = "load generator";

    /** What the machine spent beyond the processes we know: other users of the shared machine. */
    double others() {
      return machine - cores.values().stream().mapToDouble(Double::doubleValue).sum();
    }
  }
}
