package io.keydesk.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.keydesk.events.AnalyticsStores;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Interactive queries over HTTP: {@code GET /stores/{store}/{key}} answers the current value of one
 * key of a queryable store as JSON, from this instance when it hosts the key's active task, else by
 * asking the instance that does (found with {@link KafkaStreams#queryMetadataForKey}). A forwarded
 * request is answered locally or not at all, so requests never loop. While the job is not RUNNING,
 * or the key's owner is unknown or unreachable, it answers 503 with {@code Retry-After} instead of
 * waiting. Errors are {@code application/problem+json}.
 */
final class QueryServer implements AutoCloseable {

  static final String FORWARDED = "X-Keydesk-Forwarded";
  private static final Logger LOG = LoggerFactory.getLogger(QueryServer.class);
  private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(3);

  /** Queryable stores → how the partition key is derived from the store key. */
  private static final Map<String, UnaryOperator<String>> STORES =
      Map.of(
          AnalyticsStores.TICKETS_PER_CATEGORY, key -> key,
          AnalyticsStores.FUNNEL_STEP_COUNTS, key -> key,
          // stored per scope|id|window, partitioned by scope|id
          AnalyticsStores.COMPLAINT_RATES,
              key -> key.contains("|") ? key.substring(0, key.lastIndexOf('|')) : key);

  private final KafkaStreams streams;
  private final HostInfo self;
  private final HttpServer server;
  private final ExecutorService executor;
  private final HttpClient client;

  QueryServer(KafkaStreams streams, HostInfo self, int bindPort) throws IOException {
    this.streams = streams;
    this.self = self;
    this.executor = Executors.newFixedThreadPool(4);
    this.client =
        HttpClient.newBuilder().connectTimeout(FORWARD_TIMEOUT).executor(executor).build();
    this.server = HttpServer.create(new InetSocketAddress(bindPort), 0);
    server.createContext("/stores/", this::handle);
    server.setExecutor(executor);
  }

  void start() {
    server.start();
    LOG.info("Interactive queries on port {} (as {})", server.getAddress().getPort(), self);
  }

  @Override
  public void close() {
    server.stop(1);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        problem(exchange, 405, "method not allowed", "only GET");
        return;
      }
      String[] parts = exchange.getRequestURI().getPath().split("/", 4);
      // "", "stores", store, key
      if (parts.length != 4 || parts[3].isEmpty() || !STORES.containsKey(parts[2])) {
        problem(
            exchange,
            404,
            "unknown store or key",
            "GET /stores/{store}/{key}; stores: " + String.join(", ", STORES.keySet()));
        return;
      }
      String store = parts[2];
      String key = parts[3];
      if (key.length() > 500) {
        problem(exchange, 400, "key too long", "at most 500 characters");
        return;
      }
      if (streams.state() != KafkaStreams.State.RUNNING) {
        unavailable(exchange, "the job is " + streams.state());
        return;
      }
      KeyQueryMetadata owner =
          streams.queryMetadataForKey(
              store, STORES.get(store).apply(key), Serdes.String().serializer());
      if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
        unavailable(exchange, "no instance hosts this key right now");
        return;
      }
      if (owner.activeHost().equals(self)) {
        local(exchange, store, key, owner.partition());
      } else if (exchange.getRequestHeaders().containsKey(FORWARDED)) {
        unavailable(exchange, "the key moved while the request was forwarded");
      } else {
        forward(exchange, owner.activeHost(), store, key);
      }
    } catch (RuntimeException e) {
      LOG.warn("Query failed: {}", e.toString());
      problem(exchange, 500, "query failed", e.getClass().getSimpleName());
    }
  }

  private void local(HttpExchange exchange, String store, String key, int partition)
      throws IOException {
    Object value;
    try {
      ReadOnlyKeyValueStore<String, Object> kv =
          streams.store(
              StoreQueryParameters.fromNameAndType(
                      store, QueryableStoreTypes.<String, Object>keyValueStore())
                  .withPartition(partition));
      value = kv.get(key);
    } catch (InvalidStateStoreException e) {
      unavailable(exchange, "the store is migrating: " + e.getClass().getSimpleName());
      return;
    }
    if (value == null) {
      problem(exchange, 404, "no value for this key", store + " has nothing for it yet");
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("store", store);
    body.put("key", key);
    body.put("value", value);
    body.put("host", self.host() + ":" + self.port());
    send(exchange, 200, "application/json", json(body));
  }

  private void forward(HttpExchange exchange, HostInfo owner, String store, String key)
      throws IOException {
    URI uri =
        URI.create(
            "http://"
                + owner.host()
                + ":"
                + owner.port()
                + "/stores/"
                + store
                + "/"
                + URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20"));
    HttpRequest request =
        HttpRequest.newBuilder(uri).timeout(FORWARD_TIMEOUT).header(FORWARDED, "1").GET().build();
    try {
      HttpResponse<byte[]> answer = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      send(
          exchange,
          answer.statusCode(),
          answer.headers().firstValue("Content-Type").orElse("application/json"),
          answer.body());
    } catch (IOException e) {
      unavailable(exchange, "the owning instance " + owner + " did not answer");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      unavailable(exchange, "interrupted");
    }
  }

  private static void unavailable(HttpExchange exchange, String detail) throws IOException {
    exchange.getResponseHeaders().set("Retry-After", "1");
    problem(exchange, 503, "not available right now", detail);
  }

  private static void problem(HttpExchange exchange, int status, String title, String detail)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "https://keydesk.io/problems/streams-query");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    send(exchange, status, "application/problem+json", json(body));
  }

  private static byte[] json(Object body) {
    try {
      return JsonSerde.MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
