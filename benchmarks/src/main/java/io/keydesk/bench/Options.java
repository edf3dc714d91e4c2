package io.keydesk.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The command line of {@code benchmarks/run}; the defaults are the published figures. */
record Options(
    List<Integer> clients,
    Duration warmup,
    Duration measure,
    Duration rawMeasure,
    int orders,
    String heap,
    Optional<Path> threadDumps,
    Optional<Path> jfr,
    boolean keepData) {

  static final String USAGE =
      String.join(
          "\n",
          "Usage: benchmarks/run [options]",
          "  --clients 16,64        concurrent clients of the measured phases (default 16,64)",
          "  --warmup-seconds 15    warm-up at the first client count, not counted",
          "  --seconds 30           each measured ticket phase",
          "  --raw-seconds 30       each raw insert phase",
          "  --orders 500           orders imported (one buyer session each)",
          "  --heap 512m            -Xmx of the Payara Micro JVM",
          "  --thread-dumps DIR     write a thread dump of Payara every 5 s of the measured phases",
          "  --jfr FILE             record the measured ticket phases with Java Flight Recorder"
              + " (profile settings) in Payara's JVM and write the recording to FILE",
          "  --keep-data            keep the data folder under benchmarks/target");

  static Options parse(String... args) {
    List<Integer> clients = List.of(16, 64);
    Duration warmup = Duration.ofSeconds(15);
    Duration measure = Duration.ofSeconds(30);
    Duration rawMeasure = null;
    int orders = 500;
    String heap = "512m";
    Optional<Path> threadDumps = Optional.empty();
    Optional<Path> jfr = Optional.empty();
    boolean keepData = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--clients" ->
            clients =
                Arrays.stream(value(args, ++i, arg).split(","))
                    .map(String::trim)
                    .map(Integer::valueOf)
                    .toList();
        case "--warmup-seconds" -> warmup = Duration.ofSeconds(positive(args, ++i, arg));
        case "--seconds" -> measure = Duration.ofSeconds(positive(args, ++i, arg));
        case "--raw-seconds" -> rawMeasure = Duration.ofSeconds(positive(args, ++i, arg));
        case "--orders" -> orders = (int) positive(args, ++i, arg);
        case "--heap" -> heap = value(args, ++i, arg);
        case "--thread-dumps" -> threadDumps = Optional.of(Path.of(value(args, ++i, arg)));
        case "--jfr" -> jfr = Optional.of(Path.of(value(args, ++i, arg)).toAbsolutePath());
        case "--keep-data" -> keepData = true;
        default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
      }
    }
    if (clients.isEmpty() || clients.stream().anyMatch(n -> n < 1 || n > 1024)) {
      throw new IllegalArgumentException("--clients must be 1 to 1024 each");
    }
    return new Options(
        clients,
        warmup,
        measure,
        rawMeasure == null ? measure : rawMeasure,
        orders,
        heap,
        threadDumps,
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
    long value = Long.parseLong(value(args, i, option));
    if (value < 1) {
      throw new IllegalArgumentException(option + " must be positive");
    }
    return value;
  }
}
