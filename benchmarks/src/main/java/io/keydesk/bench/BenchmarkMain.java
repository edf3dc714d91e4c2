package io.keydesk.bench;

import static java.lang.System.Logger.Level.ERROR;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The start-up every benchmark command shares: {@code --help} prints the usage, bad options exit 2
 * with the reason, the report goes to stdout, a failure is logged and exits 1. The project root
 * comes from {@code -Dkeydesk.root} (the scripts set it).
 */
public final class BenchmarkMain {

  /** One benchmark run: options, project root and the command line as typed → the report. */
  public interface Run<O> {
    String run(O options, Path root, String command) throws Exception;
  }

  private static final System.Logger LOG = System.getLogger(BenchmarkMain.class.getName());

  private BenchmarkMain() {}

  /**
   * @param script the command as the README names it (e.g. {@code benchmarks/run})
   * @param what what failed, for the log (e.g. {@code The benchmark})
   */
  public static <O> void main(
      String[] args,
      String usage,
      Function<String[], O> parse,
      String script,
      String what,
      Run<O> run) {
    O options;
    try {
      if (List.of(args).contains("--help")) {
        System.out.println(usage);
        return;
      }
      options = parse.apply(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Path root = Path.of(System.getProperty("keydesk.root", ".")).toAbsolutePath().normalize();
    String command = args.length == 0 ? script : script + " " + String.join(" ", args);
    try {
      System.out.println(run.run(options, root, command));
    } catch (Exception e) {
      LOG.log(ERROR, what + " failed", e);
      System.exit(1);
    }
  }
}
