package io.keydesk.bench;

/**
 * Options of {@code benchmarks/console}: how much data to bulk-load and how many requests to time.
 */
record ConsoleOptions(
    int tickets,
    int open,
    int ordersPerTicket,
    int spanDays,
    int warmup,
    int requests,
    int reportRuns,
    String heap,
    boolean keepData) {

  static final String USAGE =
      """
      Usage: benchmarks/console [options]
        --tickets N            tickets bulk-loaded in all (default 1000000)
        --open N               of which open, spread over statuses and deadlines (default 10000)
        --orders-per-ticket N  orders (each with one delivered key) per ticket (default 4)
        --span-days N          orders and tickets spread over the last N days (default 90)
        --warmup N             untimed requests per queue variant first (default 50)
        --requests N           timed requests per queue variant (default 300)
        --report-runs N        timed warm runs of each supplier report (default 3)
        --heap SIZE            Payara's max heap (default 1g)
        --keep-data            keep the data folder under benchmarks/target
      """;

  static ConsoleOptions parse(String... args) {
    int tickets = 1_000_000;
    int open = 10_000;
    int ordersPerTicket = 4;
    int spanDays = 90;
    int warmup = 50;
    int requests = 300;
    int reportRuns = 3;
    String heap = "1g";
    boolean keepData = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--keep-data" -> keepData = true;
        case "--tickets" -> tickets = positive(arg, value(args, ++i, arg));
        case "--open" -> open = positive(arg, value(args, ++i, arg));
        case "--orders-per-ticket" -> ordersPerTicket = positive(arg, value(args, ++i, arg));
        case "--span-days" -> spanDays = positive(arg, value(args, ++i, arg));
        case "--warmup" -> warmup = positive(arg, value(args, ++i, arg));
        case "--requests" -> requests = positive(arg, value(args, ++i, arg));
        case "--report-runs" -> reportRuns = positive(arg, value(args, ++i, arg));
        case "--heap" -> {
          heap = value(args, ++i, arg);
          if (!heap.matches("\\d+[mMgG]")) {
            throw new IllegalArgumentException("--heap must look like 512m or 1g: " + heap);
          }
        }
        default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
      }
    }
    if (open > tickets) {
      throw new IllegalArgumentException("--open must not exceed --tickets");
    }
    if (spanDays < 15) {
      throw new IllegalArgumentException("--span-days must be at least 15 (two report weeks)");
    }
    return new ConsoleOptions(
        tickets, open, ordersPerTicket, spanDays, warmup, requests, reportRuns, heap, keepData);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int positive(String option, String value) {
    try {
      int n = Integer.parseInt(value.replace("_", ""));
      if (n <= 0) {
        throw new IllegalArgumentException(option + " must be positive: " + value);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a number: " + value, e);
    }
  }
}
