package io.keydesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * The calls the benchmark makes to prepare its data and to read the app's metrics, all through the
 * public API as a shop and a buyer would make them.
 */
final class KeydeskApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final String shopSecret;
  private final HttpClient http;

  KeydeskApi(URI base, String shopSecret, HttpClient http) {
    this.base = base;
    this.shopSecret = shopSecret;
    this.http = http;
  }

  /** A prepared order: its number and the token of a buyer session opened with its contact. */
  record PreparedOrder(String orderNo, String token) {}

  /** Imports order {@code orderNo} (one delivered key) with a signed shop call. */
  void importOrder(String orderNo, String email) throws IOException, InterruptedException {
    Instant paid = Instant.now().minus(Duration.ofHours(1));
    ObjectNode order = JSON.createObjectNode();
    order.put("orderNo", orderNo);
    order.putObject("buyer").put("email", email);
    ObjectNode product = order.putObject("product");
    product.put("sku", "BENCH-100").put("name", "Benchmark card 100 CNY");
    product.putObject("supplier").put("code", "BENCH-SUP").put("name", "Benchmark supplier");
    order.put("quantity", 1).put("amount", "100.00").put("currency", "CNY");
    order.put("paidAt", paid.toString());
    order
        .putArray("keys")
        .addObject()
        .put("index", 0)
        .put("code", "KEY-" + orderNo)
        .put("batch", "BENCH-B1")
        .put("deliveredAt", paid.plusSeconds(3).toString());
    String body = JSON.writeValueAsString(order);
    long ts = Instant.now().getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/api/v1/orders"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("X-Keydesk-Timestamp", Long.toString(ts))
            .header("X-Keydesk-Signature", ShopSignature.sign(shopSecret, ts, body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    expect(200, http.send(request, HttpResponse.BodyHandlers.ofString()));
  }

  /** Opens a buyer session with the order number and its contact; returns the token. */
  String openSession(String orderNo, String contact) throws IOException, InterruptedException {
    String body =
        JSON.writeValueAsString(
            JSON.createObjectNode().put("orderNo", orderNo).put("contact", contact));
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/api/v1/buyer/sessions"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    expect(201, response);
    return JSON.readTree(response.body()).path("token").asText();
  }

  /** The ticket submission the load consists of. */
  HttpRequest fileTicket(PreparedOrder order, String idempotencyKey) {
    String body =
        "{\"orderNo\":\""
            + order.orderNo()
            + "\",\"category\":\"INVALID_KEY\",\"description\":\"bench\"}";
    return HttpRequest.newBuilder(base.resolve("/api/v1/tickets"))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + order.token())
        .header("Idempotency-Key", idempotencyKey)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  /** Files a case on the order with the buyer's token; returns its ticket number. */
  String fileTicketNo(PreparedOrder order, String idempotencyKey)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(fileTicket(order, idempotencyKey), HttpResponse.BodyHandlers.ofString());
    expect(201, response);
    String ticketNo = JSON.readTree(response.body()).path("ticketNo").asText();
    if (ticketNo.isEmpty()) {
      throw new IllegalStateException("no ticketNo in " + abbreviate(response.body()));
    }
    return ticketNo;
  }

  /** The Prometheus text of {@code /metrics}. */
  String metrics() throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/metrics"))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "text/plain")
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    expect(200, response);
    return response.body();
  }

  /** The value of the first sample of {@code name} in Prometheus text, if present. */
  static OptionalDouble metric(String prometheusText, String name) {
    for (String line : prometheusText.split("\n")) {
      if (line.startsWith(name) && (line.length() > name.length())) {
        char next = line.charAt(name.length());
        if (next == '{' || next == ' ') {
          return OptionalDouble.of(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
        }
      }
    }
    return OptionalDouble.empty();
  }

  private static void expect(int status, HttpResponse<String> response) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(
          response.request().method()
              + " "
              + response.uri().getPath()
              + " answered "
              + response.statusCode()
              + " (expected "
              + status
              + "): "
              + abbreviate(response.body()));
    }
  }

  static String abbreviate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }
}
