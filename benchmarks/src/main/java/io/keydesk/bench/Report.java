package io.keydesk.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** The markdown block of one run, ready to paste into docs/benchmarks.md. */
final class Report {
  static final int GOAL_TICKETS_PER_SECOND = 1_000;
  static final double GOAL_P99_MILLIS = 100;

  private Report() {}

  static String markdown(
      MachineFacts machine,
      String command,
      String database,
      Duration payaraStart,
      int orders,
      List<Phase> phases) {
    StringBuilder md = new StringBuilder();
    md.append("#### Run of ").append(machine.date()).append("\n\n");
    md.append("- Machine: ")
        .append(machine.nproc())
        .append(" CPUs (")
        .append(machine.cpuModel())
        .append("), ")
        .append(machine.memory())
        .append(" RAM, Linux ")
        .append(machine.kernel())
        .append("; load average at start ")
        .append(machine.loadAverage())
        .append('\n');
    md.append("- Java: ").append(machine.java()).append("; commit ").append(machine.commit());
    md.append('\n');
    md.append("- Command: `").append(command).append("`\n");
    md.append("- Database: ").append(database).append('\n');
    md.append(
        String.format(
            Locale.ROOT,
            "- Payara Micro with the WAR, start to `/health/ready`: %.1f s; %d orders imported"
                + " and one buyer session opened per order through the API%n%n",
            payaraStart.toMillis() / 1000.0,
            orders));

    md.append(
        "| phase | clients | per second | p50 ms | p90 ms | p99 ms | max ms | errors | app RSS MiB"
            + " | app heap used MiB | outbox pending | MariaDB RSS MiB |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Phase phase : phases) {
      ClosedLoop.Result r = phase.result();
      Latencies l = r.latencies();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %,.0f %s | %.1f | %.1f | %.1f | %.1f | %d | %s | %s | %s | %s |%n",
              phase.label(),
              r.clients(),
              r.perSecond(),
              phase.kind().unit,
              l.percentileMillis(0.50),
              l.percentileMillis(0.90),
              l.percentileMillis(0.99),
              l.maxMillis(),
              r.errors(),
              mib(phase.appRssBytes()),
              mib(phase.appHeapUsedBytes()),
              count(phase.outboxPending()),
              mib(OptionalLong.of(phase.dbRssBytes()))));
    }
    md.append('\n');

    md.append("Tickets/s ÷ raw inserts/s at the same number of clients:");
    for (Phase tickets : counted(phases, Phase.Kind.TICKETS)) {
      Optional<Phase> raw =
          counted(phases, Phase.Kind.RAW_INSERTS).stream()
              .filter(p -> p.result().clients() == tickets.result().clients())
              .findFirst();
      raw.ifPresent(
          r ->
              md.append(
                  String.format(
                      Locale.ROOT,
                      " %d clients **%.2f**;",
                      tickets.result().clients(),
                      tickets.result().perSecond() / r.result().perSecond())));
    }
    md.setLength(md.length() - (md.charAt(md.length() - 1) == ';' ? 1 : 0));
    md.append(".\n\n");

    md.append(
        String.format(
            Locale.ROOT,
            "Goal (≥ %,d tickets/s with p99 < %.0f ms, no errors):",
            GOAL_TICKETS_PER_SECOND,
            GOAL_P99_MILLIS));
    for (Phase tickets : counted(phases, Phase.Kind.TICKETS)) {
      ClosedLoop.Result r = tickets.result();
      boolean met =
          r.perSecond() >= GOAL_TICKETS_PER_SECOND
              && r.latencies().percentileMillis(0.99) < GOAL_P99_MILLIS
              && r.errors() == 0;
      md.append(
          String.format(Locale.ROOT, " %d clients **%s**;", r.clients(), met ? "met" : "not met"));
    }
    md.setLength(md.length() - 1);
    md.append(".\n\n");

    md.append("CPU in use during each phase, in cores (the machine has ")
        .append(machine.nproc())
        .append(
            "; \"others\" is the rest of the shared machine, \"stolen\" the hypervisor's):\n\n");
    List<String> allNames =
        phases.stream().flatMap(p -> p.cpu().cores().keySet().stream()).distinct().toList();
    md.append("| phase | clients |");
    allNames.forEach(name -> md.append(' ').append(name).append(" |"));
    md.append(" others | machine busy | stolen |\n|---|---:|");
    allNames.forEach(name -> md.append("---:|"));
    md.append("---:|---:|---:|\n");
    for (Phase phase : phases) {
      md.append("| ").append(phase.label()).append(" | ").append(phase.result().clients());
      md.append(" |");
      for (String name : allNames) {
        Double cores = phase.cpu().cores().get(name);
        md.append(cores == null ? " — |" : String.format(Locale.ROOT, " %.2f |", cores));
      }
      md.append(
          String.format(
              Locale.ROOT,
              " %.2f | %.2f | %.2f |%n",
              phase.cpu().others(),
              phase.cpu().machine(),
              phase.cpu().stolen()));
    }
    md.append('\n');
    costs(md, machine, phases, allNames);
    return md.toString();
  }

  /**
   * What one operation cost: CPU milliseconds per process, and the rate the machine would reach if
   * nothing else ran on it and the same work per operation used all its cores.
   */
  private static void costs(
      StringBuilder md, MachineFacts machine, List<Phase> phases, List<String> names) {
    int cores = Integer.parseInt(machine.nproc());
    md.append(
        "Cost of one operation: CPU ms per process, their sum, the rate that sum allows on all "
            + cores
            + " cores (nothing else running), and MariaDB's work (statements, XA transactions,"
            + " fsyncs):\n\n");
    md.append("| phase | clients |");
    names.forEach(name -> md.append(' ').append(name).append(" ms |"));
    md.append(" sum ms | rate on ")
        .append(cores)
        .append(" cores | statements | XA transactions | fsyncs |\n|---|---:|");
    names.forEach(name -> md.append("---:|"));
    md.append("---:|---:|---:|---:|---:|\n");
    for (Phase phase : phases) {
      md.append("| ").append(phase.label()).append(" | ").append(phase.result().clients());
      md.append(" |");
      double sum = 0;
      for (String name : names) {
        Double used = phase.cpu().cores().get(name);
        if (used == null) {
          md.append(" — |");
        } else {
          double millis = phase.cpuMillisPerOperation(used);
          sum += millis;
          md.append(String.format(Locale.ROOT, " %.2f |", millis));
        }
      }
      Map<String, Double> db = phase.dbPerOperation();
      md.append(
          String.format(
              Locale.ROOT,
              " %.2f | %,.0f/s | %.1f | %.2f | %.2f |%n",
              sum,
              cores * 1000 / sum,
              db.getOrDefault(DbCounters.STATEMENTS, Double.NaN),
              db.getOrDefault(DbCounters.XA_TRANSACTIONS, Double.NaN),
              db.getOrDefault(DbCounters.FSYNCS, Double.NaN)));
    }
  }

  private static List<Phase> counted(List<Phase> phases, Phase.Kind kind) {
    return phases.stream().filter(p -> p.counted() && p.kind() == kind).toList();
  }

  private static String mib(OptionalLong bytes) {
    return bytes.isPresent()
        ? String.format(Locale.ROOT, "%.0f", bytes.getAsLong() / 1024.0 / 1024.0)
        : "—";
  }

  private static String mib(OptionalDouble bytes) {
    return bytes.isPresent()
        ? String.format(Locale.ROOT, "%.0f", bytes.getAsDouble() / 1024.0 / 1024.0)
        : "—";
  }

  private static String count(OptionalDouble value) {
    return value.isPresent() ? String.format(Locale.ROOT, "%.0f", value.getAsDouble()) : "—";
  }
}
