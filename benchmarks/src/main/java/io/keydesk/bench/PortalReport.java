package io.keydesk.bench;

import io.keydesk.bench.PortalBuyer.Page;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The markdown block of one {@code benchmarks/portal} run, ready for docs/benchmarks.md. */
final class PortalReport {
  static final double GOAL_P95_MILLIS = 50;
  static final int GOAL_PERFORMANCE = 90;
  static final int GOAL_ACCESSIBILITY = 95;
  static final long GOAL_BYTES = 500 * 1024;

  private PortalReport() {}

  /** The measured phase: the journeys, each page's latencies, CPU, statements per journey. */
  record Load(
      ClosedLoop.Result result,
      Map<Page, Latencies> pages,
      ProcessStats.CpuUsage cpu,
      double statementsPerJourney) {}

  /** One buyer alone: the page's median time and the SQL statements per request. */
  record Alone(double p50Millis, double statements) {}

  static String markdown(
      MachineFacts machine,
      String command,
      PortalOptions options,
      int orders,
      Load load,
      Map<Page, Alone> alone,
      List<Lighthouse.Result> lighthouse) {
    StringBuilder md = new StringBuilder();
    md.append("#### Portal run of ").append(machine.date()).append("\n\n");
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
    md.append(
        String.format(
            Locale.ROOT,
            "- Payara Micro -Xmx%s, demo data on, %d orders imported with one case each; the load"
                + " generator runs on the same machine%n",
            options.heap(),
            orders));
    if (load != null) {
      appendLoad(md, options, load, alone);
    }
    if (!lighthouse.isEmpty()) {
      if (load == null) {
        md.append('\n');
      }
      appendLighthouse(md, lighthouse);
    }
    return md.toString();
  }

  private static void appendLoad(
      StringBuilder md, PortalOptions options, Load load, Map<Page, Alone> alone) {
    ClosedLoop.Result r = load.result();
    md.append(
        String.format(
            Locale.ROOT,
            "- Load: %d buyers (each from its own address, arriving spread out), each reading %s"
                + " between pages, %d s warm-up then %d s measured:"
                + " %d journeys of 7 requests (%.1f/s), %d failed; %.1f MariaDB statements per"
                + " journey%n",
            options.buyers(),
            options.think().isZero()
                ? "no time (saturation)"
                : String.format(
                    Locale.ROOT,
                    "%.1f–%.1f s",
                    options.think().toMillis() * 0.5 / 1000,
                    options.think().toMillis() * 1.5 / 1000),
            options.warmup().toSeconds(),
            options.measure().toSeconds(),
            r.succeeded(),
            r.perSecond(),
            r.errors(),
            load.statementsPerJourney()));
    md.append("- CPU in use (cores): ");
    load.cpu()
        .cores()
        .forEach((name, cores) -> md.append(String.format(Locale.ROOT, "%s %.2f, ", name, cores)));
    md.append(
        String.format(
            Locale.ROOT,
            "others %.2f, machine %.2f of %d%n%n",
            load.cpu().others(),
            load.cpu().machine(),
            Runtime.getRuntime().availableProcessors()));
    md.append(
        "| page | request | requests | p50 ms | p95 ms | p99 ms | max ms | p95 < 50 ms"
            + " | alone p50 ms | SQL statements |\n");
    md.append("|---|---|---:|---:|---:|---:|---:|:-:|---:|---:|\n");
    for (Page page : Page.values()) {
      Latencies l = load.pages().get(page);
      Alone a = alone.get(page);
      double p95 = l.percentileMillis(0.95);
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | `%s` | %,d | %.1f | %.1f | %.1f | %.1f | %s | %s | %s |%n",
              page.label,
              page.request,
              l.count(),
              l.percentileMillis(0.5),
              p95,
              l.percentileMillis(0.99),
              l.maxMillis(),
              p95 < GOAL_P95_MILLIS ? "yes" : "**no**",
              a == null ? "–" : String.format(Locale.ROOT, "%.1f", a.p50Millis()),
              a == null ? "–" : String.format(Locale.ROOT, "%.1f", a.statements())));
    }
    md.append('\n');
  }

  private static void appendLighthouse(StringBuilder md, List<Lighthouse.Result> results) {
    md.append(
        "Lighthouse "
            + Lighthouse.VERSION
            + ", mobile (default form factor and simulated throttling), headless Chromium:\n\n");
    md.append(
        "| page | performance | accessibility | best practices | bytes transferred | FCP | LCP"
            + " | TBT | CLS |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Lighthouse.Result r : results) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %d | %s | %s | %s | %s | %s |%n",
              r.page(),
              mark(r.performance(), r.performance() >= GOAL_PERFORMANCE),
              mark(r.accessibility(), r.accessibility() >= GOAL_ACCESSIBILITY),
              r.bestPractices(),
              (r.totalBytes() < GOAL_BYTES ? "" : "**")
                  + String.format(Locale.ROOT, "%,.0f KB", r.totalBytes() / 1024.0)
                  + (r.totalBytes() < GOAL_BYTES ? "" : "**"),
              r.metrics().get("first-contentful-paint"),
              r.metrics().get("largest-contentful-paint"),
              r.metrics().get("total-blocking-time"),
              r.metrics().get("cumulative-layout-shift")));
    }
    md.append('\n');
    for (Lighthouse.Result r : results) {
      appendFailures(md, r.page() + ", accessibility", r.accessibilityFailures());
      appendFailures(md, r.page() + ", best practices", r.bestPracticeFailures());
    }
  }

  private static String mark(int score, boolean met) {
    return met ? Integer.toString(score) : "**" + score + "**";
  }

  private static void appendFailures(
      StringBuilder md, String what, List<Lighthouse.Failure> failures) {
    if (failures.isEmpty()) {
      return;
    }
    md.append("Failing audits (").append(what).append("):\n");
    for (Lighthouse.Failure f : failures) {
      md.append("- `").append(f.id()).append("` ").append(f.title());
      if (!f.elements().isEmpty()) {
        md.append(": ");
        md.append(String.join(", ", f.elements().stream().map(e -> "`" + e + "`").toList()));
      }
      md.append('\n');
    }
    md.append('\n');
  }
}
