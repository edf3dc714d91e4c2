package io.keydesk.bench;

import static java.lang.System.Logger.Level.INFO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keydesk.embedded.ChildProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lighthouse (the npm package, installed by {@code benchmarks/portal} into {@code
 * benchmarks/target/node}) run against the installed Chromium with its default mobile form factor
 * and simulated throttling. A page behind the portal session gets the session cookie as an extra
 * header. The JSON report of each page is kept next to the markdown report.
 */
final class Lighthouse {
  private static final System.Logger LOG = System.getLogger(Lighthouse.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String VERSION = "12.8.2";
  static final List<String> CHROME_FLAGS =
      List.of(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run");
  private static final List<String> METRICS =
      List.of(
          "first-contentful-paint",
          "largest-contentful-paint",
          "total-blocking-time",
          "cumulative-layout-shift");

  private final Path cli;
  private final Path chrome;
  private final Path output;

  Lighthouse(Path root, Path output) {
    this.cli = root.resolve("benchmarks/target/node/node_modules/lighthouse/cli/index.js");
    this.chrome = Path.of(System.getenv().getOrDefault("CHROME_PATH", "/usr/bin/chromium"));
    this.output = output;
    if (!Files.isRegularFile(cli)) {
      throw new IllegalStateException(
          cli + " is missing; benchmarks/portal --lighthouse installs lighthouse@" + VERSION);
    }
    if (!Files.isExecutable(chrome)) {
      throw new IllegalStateException("Chromium is needed (CHROME_PATH): " + chrome);
    }
  }

  /** One failing audit of a category: its id, title and the first elements it names. */
  record Failure(String id, String title, List<String> elements) {}

  /** The scores (0–100), the bytes transferred, the timing metrics and the failing audits. */
  record Result(
      String page,
      String url,
      int performance,
      int accessibility,
      int bestPractices,
      long totalBytes,
      Map<String, String> metrics,
      List<Failure> accessibilityFailures,
      List<Failure> bestPracticeFailures) {}

  /** Runs Lighthouse on {@code url}; {@code cookie} ({@code NAME=value}) is sent if present. */
  Result run(String page, String url, Optional<String> cookie)
      throws IOException, InterruptedException {
    Files.createDirectories(output);
    Path report = output.resolve(page.replaceAll("\\W+", "-") + ".json");
    List<String> command = new ArrayList<>();
    command.add("node");
    command.add(cli.toString());
    command.add(url);
    command.add("--output=json");
    command.add("--output-path=" + report);
    command.add("--only-categories=performance,accessibility,best-practices");
    command.add("--quiet");
    command.add("--chrome-flags=" + String.join(" ", CHROME_FLAGS));
    if (cookie.isPresent()) {
      // A file, so that the session id is not on a command line other users of the machine see.
      Path headers = Files.createTempFile(output, "headers-", ".json");
      Files.writeString(
          headers, JSON.writeValueAsString(Map.of("Cookie", cookie.get())), StandardCharsets.UTF_8);
      command.add("--extra-headers=" + headers);
      try {
        return execute(page, url, command, report);
      } finally {
        Files.deleteIfExists(headers);
      }
    }
    return execute(page, url, command, report);
  }

  private Result execute(String page, String url, List<String> command, Path report)
      throws IOException {
    LOG.log(INFO, "Lighthouse: {0}", page);
    Files.deleteIfExists(report);
    Path log = output.resolve(report.getFileName() + ".log");
    int exit =
        ChildProcess.builder("lighthouse", command)
            .environment("CHROME_PATH", chrome.toString())
            .logFile(log)
            .run(Duration.ofMinutes(4));
    if (exit != 0 || !Files.isRegularFile(report)) {
      throw new IllegalStateException(
          "Lighthouse failed on " + page + " (exit " + exit + "); see " + log);
    }
    return parse(page, url, JSON.readTree(report.toFile()));
  }

  static Result parse(String page, String url, JsonNode lhr) {
    JsonNode runtimeError = lhr.path("runtimeError");
    if (!runtimeError.isMissingNode() && runtimeError.hasNonNull("code")) {
      throw new IllegalStateException(
          "Lighthouse failed on " + page + ": " + runtimeError.path("message").asText());
    }
    JsonNode audits = lhr.path("audits");
    Map<String, String> metrics = new LinkedHashMap<>();
    for (String metric : METRICS) {
      metrics.put(metric, audits.path(metric).path("displayValue").asText("?"));
    }
    return new Result(
        page,
        url,
        score(lhr, "performance"),
        score(lhr, "accessibility"),
        score(lhr, "best-practices"),
        audits.path("total-byte-weight").path("numericValue").asLong(-1),
        metrics,
        failures(lhr, "accessibility"),
        failures(lhr, "best-practices"));
  }

  private static int score(JsonNode lhr, String category) {
    JsonNode score = lhr.path("categories").path(category).path("score");
    if (!score.isNumber()) {
      throw new IllegalStateException("no " + category + " score in the Lighthouse report");
    }
    return (int) Math.round(score.asDouble() * 100);
  }

  /** The audits of a category that count (weight above 0) and did not pass. */
  private static List<Failure> failures(JsonNode lhr, String category) {
    JsonNode audits = lhr.path("audits");
    List<Failure> failures = new ArrayList<>();
    for (JsonNode ref : lhr.path("categories").path(category).path("auditRefs")) {
      JsonNode audit = audits.path(ref.path("id").asText());
      JsonNode score = audit.path("score");
      if (ref.path("weight").asDouble() > 0 && score.isNumber() && score.asDouble() < 1) {
        List<String> elements = new ArrayList<>();
        for (JsonNode item : audit.path("details").path("items")) {
          String selector = item.path("node").path("selector").asText("");
          String text = selector.isEmpty() ? item.path("description").asText("") : selector;
          if (!text.isEmpty() && elements.size() < 5) {
            elements.add(text);
          }
        }
        failures.add(
            new Failure(audit.path("id").asText(), audit.path("title").asText(), elements));
      }
    }
    return failures;
  }
}
