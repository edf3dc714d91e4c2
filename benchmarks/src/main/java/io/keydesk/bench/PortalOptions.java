package io.keydesk.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The command line of {@code benchmarks/portal}; the defaults are the published figures. */
record PortalOptions(
    int buyers,
    Duration warmup,
    Duration measure,
    Duration think,
    int orders,
    int probeRequests,
    String heap,
    boolean lighthouse,
    boolean lighthouseOnly,
    Optional<Path> jfr,
    boolean keepData) {

  static final String USAGE =
      String.join(
          "\n",
          "Usage: benchmarks/portal [options]",
          "  --buyers 50            concurrent simulated buyers (browsers with their own cookies)",
          "  --warmup-seconds 20    warm-up with the same buyers, not counted",
          "  --seconds 60           the measured phase",
          "  --think-ms 2000        a buyer's mean reading time between pages (0: saturation)",
          "  --orders 200           orders imported through the signed shop API, one case each",
          "  --probe-requests 50    requests per page of the serial SQL-statement count",
          "  --heap 1g              -Xmx of the Payara Micro JVM",
          "  --lighthouse           also run Lighthouse (mobile) on the landing, filing and"
              + " ticket pages",
          "  --lighthouse-only      only Lighthouse, no load",
          "  --jfr FILE             record a Java Flight Recording of Payara during the measured"
              + " phase",
          "  --keep-data            keep the data folder under benchmarks/target");

  static PortalOptions parse(String... args) {
    int buyers = 50;
    Duration warmup = Duration.ofSeconds(20);
    Duration measure = Duration.ofSeconds(60);
    Duration think = Duration.ofSeconds(2);
    int orders = 200;
    int probeRequests = 50;
    String heap = "1g";
    boolean lighthouse = false;
    boolean lighthouseOnly = false;
    Optional<Path> jfr = Optional.empty();
    boolean keepData = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--buyers" -> buyers = (int) positive(args, ++i, arg);
        case "--warmup-seconds" -> warmup = Duration.ofSeconds(positive(args, ++i, arg));
        case "--seconds" -> measure = Duration.ofSeconds(positive(args, ++i, arg));
        case "--think-ms" -> think = Duration.ofMillis(nonNegative(args, ++i, arg));
        case "--orders" -> orders = (int) positive(args, ++i, arg);
        case "--probe-requests" -> probeRequests = (int) positive(args, ++i, arg);
        case "--heap" -> heap = value(args, ++i, arg);
        case "--lighthouse" -> lighthouse = true;
        case "--lighthouse-only" -> {
          lighthouse = true;
          lighthouseOnly = true;
        }
        case "--jfr" -> jfr = Optional.of(Path.of(value(args, ++i, arg)).toAbsolutePath());
        case "--keep-data" -> keepData = true;
        default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
      }
    }
    if (buyers > 1024) {
      throw new IllegalArgumentException("--buyers must be 1 to 1024");
    }
    if (!heap.matches("\\d+[mMgG]")) {
      throw new IllegalArgumentException("--heap must look like 512m or 1g: " + heap);
    }
    return new PortalOptions(
        buyers,
        warmup,
        measure,
        think,
        orders,
        probeRequests,
        heap,
        lighthouse,
        lighthouseOnly,
        jfr,
        keepData);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
    }
    return args[i];
  }

  private static long positive(String[] args, int i, String option) {
    long value = nonNegative(args, i, option);
    if (value < 1) {
      throw new IllegalArgumentException(option + " must be positive");
    }
    return value;
  }

  private static long nonNegative(String[] args, int i, String option) {
    long value;
    try {
      value = Long.parseLong(value(args, i, option));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a number", e);
    }
    if (value < 0) {
      throw new IllegalArgumentException(option + " must not be negative");
    }
    return value;
  }
}
