package io.keydesk.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keydesk.embedded.ChildProcess;
import io.keydesk.embedded.Ports;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole system as the README's run command starts it — the launcher jar with its embedded
 * MariaDB, Kafka broker, Payara Micro with the WAR, the streams job and demo data, on free ports in
 * a folder of its own — driven only over the public HTTP API, as a shop and a buyer would: what
 * they do must show up in the ops API's complaint rates, funnel and fraud signals, which only the
 * streams job computes (webapp → outbox → Kafka → job → result topics → webapp read models). Then a
 * SIGTERM (what Ctrl-C sends to the process group's leader) must stop every process it started.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WholeSystemIT {

  /** How long the system may take to show a result; the measured times are printed. */
  private static final Duration PATIENCE = Duration.ofMinutes(3);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SHOP_SECRET = "whole-system-it-" + UUID.randomUUID();

  @TempDir static Path home;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, Integer> ports = new LinkedHashMap<>();
  private ChildProcess launcher;
  private List<ProcessHandle> started = List.of();
  private URI base;
  private String staffToken;

  @BeforeAll
  void startEverything() throws Exception {
    Path root = Path.of("").toAbsolutePath().getParent();
    Path jar = root.resolve("deploy/target/keydesk-deploy.jar");
    assertTrue(Files.isRegularFile(jar), jar + " is built in the package phase");
    for (String setting :
        List.of(
            Settings.HTTP_PORT,
            Settings.DB_PORT,
            Settings.KAFKA_PORT,
            Settings.KAFKA_CONTROLLER_PORT,
            Settings.MAIL_PORT)) {
      int port;
      do {
        port = Ports.freePort();
      } while (ports.containsValue(port));
      ports.put(setting, port);
    }
    ChildProcess.Builder builder =
        ChildProcess.builder(
                "keydesk-launcher",
                List.of(
                    ChildProcess.javaExecutable(),
                    "-Xmx256m",
                    "-Dkeydesk.root=" + root,
                    "-jar",
                    jar.toString()))
            .environment("KEYDESK_HOME", home.toString())
            .environment("KEYDESK_SHOP_SECRET", SHOP_SECRET)
            // patience, not a figure: on a busy shared machine the first start takes minutes
            .environment(Settings.READY_TIMEOUT, "600")
            .workingDirectory(root)
            .logFile(home.resolve("launcher.log"))
            .stopGrace(Duration.ofSeconds(60));
    ports.forEach((setting, port) -> builder.environment(setting, Integer.toString(port)));
    launcher = builder.start();
    base = URI.create("http://127.0.0.1:" + ports.get(Settings.HTTP_PORT));

    JsonNode demo =
        await(
                "the launcher says Keydesk is running",
                Duration.ofMinutes(11),
                () ->
                    launcher.logTail(400).contains("Keydesk is running")
                        ? Optional.of(get("/api/v1/demo", null))
                        : Optional.<Answer>empty(),
                answer -> answer.status() == 200)
            .json();
    started = ProcessHandle.of(launcher.pid()).orElseThrow().descendants().toList();
    JsonNode supervisor = null;
    for (JsonNode login : demo.path("staff")) {
      if ("SUPERVISOR".equals(login.path("role").asText())) {
        supervisor = login;
      }
    }
    assertTrue(supervisor != null, "the demo data has a supervisor: " + demo);
    Answer token =
        post(
            "/api/v1/ops/tokens",
            JSON.createObjectNode()
                .put("username", supervisor.path("username").asText())
                .put("password", supervisor.path("password").asText())
                .toString(),
            Map.of());
    assertEquals(201, token.status(), token.body());
    staffToken = token.json().path("token").asText();
  }

  @AfterAll
  void stopEverything() {
    if (launcher == null) {
      return;
    }
    launcher.stop(); // SIGTERM; the launcher's shutdown hook stops what it started
    assertFalse(launcher.isAlive(), "the launcher stopped");
    for (ProcessHandle child : started) {
      try {
        child.onExit().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new AssertionError(
            "left running: pid " + child.pid() + " " + child.info().commandLine().orElse(""), e);
      }
    }
    for (Map.Entry<String, Integer> port : ports.entrySet()) {
      try (ServerSocket socket = new ServerSocket(port.getValue())) {
        socket.setReuseAddress(true);
      } catch (IOException e) {
        throw new AssertionError(port + " is still bound after the stop", e);
      }
    }
  }

  @Test
  void whatShopsAndBuyersDoShowsInTheStreamedMetricsAndSignals() throws Exception {
    String sku = "E2E-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    String contact = "e2e-" + UUID.randomUUID() + "@example.com";
    String orderNo = sku + "-1";
    Answer order = importOrder(orderNo, contact, sku);
    String fingerprint = order.json().path("keys").path(0).path("fingerprint").asText();
    Answer redeemed =
        signed(
            "/api/v1/card-keys/status",
            "{\"orderNo\":\""
                + orderNo
                + "\",\"keyIndex\":0,\"status\":\"REDEEMED\",\"at\":\""
                + Instant.now().minusSeconds(300)
                + "\"}");
    assertEquals(200, redeemed.status(), redeemed.body());
    Map<String, Integer> funnelBefore = funnelEntered();

    Answer session =
        post(
            "/api/v1/buyer/sessions",
            "{\"orderNo\":\"" + orderNo + "\",\"contact\":\"" + contact + "\"}",
            Map.of());
    assertEquals(201, session.status(), session.body());
    String buyer = session.json().path("token").asText();
    String flow = "e2e-" + UUID.randomUUID();
    for (String step : List.of("ORDER", "CATEGORY", "DETAILS", "EVIDENCE")) {
      Answer event =
          post(
              "/api/v1/funnel/events",
              "{\"sessionId\":\""
                  + flow
                  + "\",\"step\":\""
                  + step
                  + "\",\"action\":\"COMPLETED\",\"mode\":\"expert\",\"language\":\"en\","
                  + "\"channel\":\"api\"}",
              Map.of());
      assertEquals(202, event.status(), event.body());
    }
    Answer ticket =
        post(
            "/api/v1/tickets",
            "{\"orderNo\":\""
                + orderNo
                + "\",\"category\":\"INVALID_KEY\",\"description\":\"The code does not work at all\","
                + "\"errorText\":\"code invalid\",\"language\":\"en\",\"channel\":\"api\"}",
            Map.of("Authorization", "Bearer " + buyer, "Idempotency-Key", flow));
    assertEquals(201, ticket.status(), ticket.body());
    Instant filed = Instant.now();

    JsonNode rate =
        await(
                "the product's complaint rate",
                PATIENCE,
                () -> staff("/api/v1/ops/metrics/products?window=24h&scope=product&size=200"),
                // the order and the ticket travel on different topics: either may be counted first
                answer ->
                    row(answer.json(), sku)
                        .filter(r -> r.path("delivered").asInt() > 0)
                        .isPresent())
            .json();
    JsonNode row = row(rate, sku).orElseThrow();
    Duration rateAfter = Duration.between(filed, Instant.now());
    assertEquals(1, row.path("complaints").asInt(), row.toString());
    assertEquals(1, row.path("delivered").asInt(), row.toString());
    assertEquals(1, row.path("byCategory").path("INVALID_KEY").asInt(), row.toString());
    assertEquals(1.0, row.path("rate").asDouble(), 1e-9, row.toString());

    await(
        "the streamed claim-after-redemption signal",
        PATIENCE,
        () -> staff("/api/v1/ops/fraud-signals?source=STREAM&size=200"),
        answer -> streamedSignal(answer.json(), fingerprint).isPresent());
    Duration signalAfter = Duration.between(filed, Instant.now());

    await(
        "the funnel steps",
        PATIENCE,
        () -> Optional.of(new Answer(200, null)),
        ignored -> {
          Map<String, Integer> now = funnelEntered();
          return List.of("ORDER", "CATEGORY", "DETAILS", "EVIDENCE").stream()
              .allMatch(step -> now.getOrDefault(step, 0) > funnelBefore.getOrDefault(step, 0));
        });
    Duration funnelAfter = Duration.between(filed, Instant.now());

    // Once everything is warm: a second buyer's case on the same product.
    String secondOrder = sku + "-2";
    String secondContact = "e2e-" + UUID.randomUUID() + "@example.com";
    importOrder(secondOrder, secondContact, sku);
    Answer secondSession =
        post(
            "/api/v1/buyer/sessions",
            "{\"orderNo\":\"" + secondOrder + "\",\"contact\":\"" + secondContact + "\"}",
            Map.of());
    assertEquals(201, secondSession.status(), secondSession.body());
    Answer second =
        post(
            "/api/v1/tickets",
            "{\"orderNo\":\""
                + secondOrder
                + "\",\"category\":\"PAYMENT_ISSUE\",\"description\":\"I was charged twice\","
                + "\"language\":\"en\",\"channel\":\"api\"}",
            Map.of(
                "Authorization",
                "Bearer " + secondSession.json().path("token").asText(),
                "Idempotency-Key",
                UUID.randomUUID().toString()));
    assertEquals(201, second.status(), second.body());
    Instant secondFiled = Instant.now();
    JsonNode updated =
        row(
                await(
                        "the second complaint in the rate",
                        PATIENCE,
                        () ->
                            staff("/api/v1/ops/metrics/products?window=24h&scope=product&size=200"),
                        answer ->
                            row(answer.json(), sku)
                                .filter(
                                    r ->
                                        r.path("complaints").asInt() == 2
                                            && r.path("delivered").asInt() == 2)
                                .isPresent())
                    .json(),
                sku)
            .orElseThrow();
    Duration warmAfter = Duration.between(secondFiled, Instant.now());
    assertEquals(2, updated.path("delivered").asInt(), updated.toString());
    assertEquals(1, updated.path("byCategory").path("PAYMENT_ISSUE").asInt(), updated.toString());
    assertEquals(1.0, updated.path("rate").asDouble(), 1e-9, updated.toString());
    System.out.printf(
        "WholeSystemIT: visible through the ops API after the ticket's 201: rate %d ms, signal %d"
            + " ms, funnel %d ms; a second case once warm: %d ms%n",
        rateAfter.toMillis(), signalAfter.toMillis(), funnelAfter.toMillis(), warmAfter.toMillis());
  }

  /** Over HTTP/1.1, as browsers speak plain HTTP (Java's client would otherwise ask for h2c). */
  @Test
  void staticTextIsCompressedButPagesAreNot() throws Exception {
    HttpResponse<byte[]> script =
        http.send(
            HttpRequest.newBuilder(
                    base.resolve("/jakarta.faces.resource/components.js.xhtml?ln=primefaces"))
                .version(HttpClient.Version.HTTP_1_1)
                .header("Accept-Encoding", "gzip")
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, script.statusCode());
    assertEquals(
        Optional.of("gzip"),
        script.headers().firstValue("Content-Encoding"),
        () -> "script compressed: " + script.headers().map());
    HttpResponse<byte[]> page =
        http.send(
            HttpRequest.newBuilder(base.resolve("/index.xhtml"))
                .version(HttpClient.Version.HTTP_1_1)
                .header("Accept-Encoding", "gzip")
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, page.statusCode());
    assertEquals(
        Optional.empty(),
        page.headers().firstValue("Content-Encoding"),
        "pages carry the ViewState: never compressed (BREACH)");
  }

  private Answer importOrder(String orderNo, String contact, String sku) throws Exception {
    Answer order =
        signed(
            "/api/v1/orders",
            "{\"orderNo\":\""
                + orderNo
                + "\",\"buyer\":{\"email\":\""
                + contact
                + "\"},\"product\":{\"sku\":\""
                + sku
                + "\",\"name\":\"End-to-end "
                + sku
                + "\",\"supplier\":{\"code\":\"E2E-SUP\",\"name\":\"E2E supplier\"}},"
                + "\"quantity\":1,\"amount\":\"10.00\",\"currency\":\"CNY\","
                + "\"paidAt\":\""
                + Instant.now().minusSeconds(600)
                + "\",\"keys\":[{\"index\":0,\"code\":\"E2E-"
                + UUID.randomUUID()
                + "\",\"batch\":\"E2E-BATCH\"}]}");
    assertEquals(200, order.status(), order.body());
    return order;
  }

  private Map<String, Integer> funnelEntered() {
    Instant now = Instant.now();
    Answer funnel =
        staff(
                "/api/v1/ops/metrics/funnel?mode=expert&language=en&channel=api&from="
                    + now.minus(Duration.ofDays(1))
                    + "&to="
                    + now.plus(Duration.ofDays(1)))
            .orElseThrow();
    assertEquals(200, funnel.status(), funnel.body());
    Map<String, Integer> entered = new LinkedHashMap<>();
    for (JsonNode step : funnel.json().path("steps")) {
      entered.put(step.path("step").asText(), step.path("entered").asInt());
    }
    return entered;
  }

  private static Optional<JsonNode> row(JsonNode page, String id) {
    for (JsonNode item : page.path("items")) {
      if (id.equals(item.path("id").asText()) && item.path("complaints").asInt() > 0) {
        return Optional.of(item);
      }
    }
    return Optional.empty();
  }

  private static Optional<JsonNode> streamedSignal(JsonNode page, String fingerprint) {
    for (JsonNode item : page.path("items")) {
      if ("CLAIM_AFTER_REDEMPTION".equals(item.path("kind").asText())
          && fingerprint.equals(item.path("fingerprint").asText())) {
        return Optional.of(item);
      }
    }
    return Optional.empty();
  }

  // --- HTTP --------------------------------------------------------------------------------

  private record Answer(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  private interface Poll {
    Optional<Answer> next() throws Exception;
  }

  /** Polls until {@code done} holds for an answer, or fails after {@code patience}. */
  private Answer await(String what, Duration patience, Poll poll, Function<Answer, Boolean> done)
      throws Exception {
    Instant deadline = Instant.now().plus(patience);
    Optional<Answer> last = Optional.empty();
    while (Instant.now().isBefore(deadline)) {
      if (!launcher.isAlive()) {
        throw new AssertionError("the launcher died:\n" + launcher.logTail(80));
      }
      try {
        last = poll.next();
      } catch (java.io.UncheckedIOException e) {
        last = Optional.empty(); // not listening yet
      }
      if (last.isPresent() && done.apply(last.get())) {
        return last.get();
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        what
            + " not seen within "
            + patience
            + "; last answer "
            + last.map(Answer::body).orElse("none")
            + "\nlauncher log:\n"
            + launcher.logTail(60));
  }

  private Optional<Answer> staff(String path) {
    return Optional.of(get(path, staffToken));
  }

  private Answer get(String path, String bearer) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20)).GET();
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return send(request);
  }

  private Answer post(String path, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    return send(request);
  }

  /** A shop call, signed as docs/api.md says. */
  private Answer signed(String path, String body) throws Exception {
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SHOP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String signature =
        HexFormat.of()
            .formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    return post(
        path,
        body,
        Map.of("X-Keydesk-Timestamp", timestamp, "X-Keydesk-Signature", "sha256=" + signature));
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
