package io.keydesk.bench.claims;

/** The command line of {@code benchmarks/simulate}; the defaults are the published run. */
record SimulationOptions(long seed, int cases, String heap, boolean keepData) {
  static final long DEFAULT_SEED = 20261201L;
  static final int DEFAULT_CASES = 3000;

  static final String USAGE =
      String.join(
          "\n",
          "Usage: benchmarks/simulate [options]",
          "  --seed 20261201   seed of the traffic plan (the same seed gives the same plan)",
          "  --cases 3000      cases in the simulated month ("
              + MixGenerator.MIN_CASES
              + " to "
              + MixGenerator.MAX_CASES
              + ")",
          "  --heap 512m       -Xmx of the Payara Micro JVM",
          "  --keep-data       keep the data folder under benchmarks/target");

  static SimulationOptions parse(String... args) {
    long seed = DEFAULT_SEED;
    int cases = DEFAULT_CASES;
    String heap = "512m";
    boolean keepData = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--seed" -> seed = number(args, ++i, arg);
        case "--cases" -> {
          long n = number(args, ++i, arg);
          if (n < MixGenerator.MIN_CASES || n > MixGenerator.MAX_CASES) {
            throw new IllegalArgumentException(
                "--cases must be " + MixGenerator.MIN_CASES + " to " + MixGenerator.MAX_CASES);
          }
          cases = (int) n;
        }
        case "--heap" -> {
          heap = value(args, ++i, arg);
          if (!heap.matches("\\d+[mMgG]")) {
            throw new IllegalArgumentException("--heap must look like 512m or 1g");
          }
        }
        case "--keep-data" -> keepData = true;
        default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
      }
    }
    return new SimulationOptions(seed, cases, heap, keepData);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
    }
    return args[i];
  }

  private static long number(String[] args, int i, String option) {
    String value = value(args, i, option);
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a whole number, not " + value);
    }
  }
}
