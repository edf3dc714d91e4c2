package io.keydesk.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keydesk.embedded.KafkaBroker;
import io.keydesk.embedded.Ports;
import io.keydesk.events.AnalyticsStores;
import io.keydesk.events.Topics;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the real job against a real broker: each answers interactive queries for every
 * key, the keys it does not own by asking the other instance, and both give the same answers.
 */
class InteractiveQueriesIT {

  private static final Duration PATIENCE = Duration.ofMinutes(2);

  /** Recent: the broker deletes records older than its retention (by their timestamps). */
  private static final Instant T = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);

  private static final int PRODUCTS = 8;

  @TempDir Path tmp;
  private KafkaBroker broker;
  private StreamsApp first;
  private StreamsApp second;
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    for (StreamsApp app : new StreamsApp[] {first, second}) {
      if (app != null) {
        app.close();
      }
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void eachInstanceAnswersEveryKeyTheSame() throws Exception {
    broker = KafkaBroker.start(tmp.resolve("kafka"), Ports.freePort());
    int firstPort = Ports.freePort();
    int secondPort = Ports.freePort();
    first = StreamsApp.start(settings("a", firstPort));
    assertTrue(first.awaitRunning(PATIENCE), () -> "first not RUNNING but " + first.state());
    second = StreamsApp.start(settings("b", secondPort));
    assertTrue(second.awaitRunning(PATIENCE), () -> "second not RUNNING but " + second.state());

    try (KafkaProducer<String, byte[]> relay = relay()) {
      for (int i = 1; i <= PRODUCTS; i++) {
        String orderNo = "O-" + i;
        String sku = "SKU-" + i;
        relay.send(
            new ProducerRecord<>(
                Topics.ORDERS, orderNo, EventJson.order(orderNo, sku, "SUP-1", T).bytes()));
        relay.send(
            new ProducerRecord<>(
                Topics.TICKETS,
                "T-" + i,
                EventJson.ticketCreated("T-" + i, orderNo, sku, "SUP-1", "CAT_" + i, T).bytes()));
      }
      relay.flush();
    }

    Set<String> owners = new HashSet<>();
    for (int i = 1; i <= PRODUCTS; i++) {
      String rateKey = "product|SKU-" + i + "|1h";
      // orders and tickets are separate topics: wait until both have been counted
      Predicate<JsonNode> complete =
          answer ->
              answer.path("value").path("delivered").asLong() == 1
                  && answer.path("value").path("complaints").asLong() == 1;
      JsonNode fromFirst =
          awaitValue(firstPort, AnalyticsStores.COMPLAINT_RATES, rateKey, complete);
      JsonNode fromSecond =
          awaitValue(secondPort, AnalyticsStores.COMPLAINT_RATES, rateKey, complete);
      assertEquals(fromFirst, fromSecond, rateKey);
      assertEquals(1.0, fromFirst.path("value").path("rate").asDouble(), rateKey);
      owners.add(fromFirst.path("host").asText());

      String category = "CAT_" + i;
      JsonNode count =
          awaitValue(firstPort, AnalyticsStores.TICKETS_PER_CATEGORY, category, any -> true);
      assertEquals(
          count,
          awaitValue(secondPort, AnalyticsStores.TICKETS_PER_CATEGORY, category, any -> true));
      assertEquals(1, count.path("value").asLong());
      owners.add(count.path("host").asText());
    }
    assertEquals(
        Set.of("127.0.0.1:" + firstPort, "127.0.0.1:" + secondPort),
        owners,
        "both instances own some keys, so each answered some queries by forwarding");

    HttpResponse<String> unknown = get(firstPort, "no-such-store", "x");
    assertEquals(404, unknown.statusCode());
    assertEquals(
        "application/problem+json", unknown.headers().firstValue("Content-Type").orElse(""));
  }

  private StreamsSettings settings(String name, int queryPort) {
    return new StreamsSettings(
        broker.bootstrapServers(),
        tmp.resolve("streams-" + name),
        "keydesk-analytics-iq-it",
        (short) 1,
        1,
        2,
        true,
        FraudThresholds.DEFAULTS,
        "127.0.0.1",
        queryPort);
  }

  /** Polls until the key has a value that is {@code complete} (the job may still be working). */
  private JsonNode awaitValue(int port, String store, String key, Predicate<JsonNode> complete)
      throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    HttpResponse<String> last = null;
    while (System.nanoTime() < deadline) {
      last = get(port, store, key);
      if (last.statusCode() == 200) {
        JsonNode answer = JsonSerde.MAPPER.readTree(last.body());
        if (complete.test(answer)) {
          return answer;
        }
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        store + "/" + key + " on " + port + ": " + (last == null ? "no answer" : last.body()));
  }

  private HttpResponse<String> get(int port, String store, String key) throws Exception {
    URI uri =
        URI.create(
            "http://127.0.0.1:"
                + port
                + "/stores/"
                + store
                + "/"
                + URLEncoder.encode(key, StandardCharsets.UTF_8));
    return http.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private KafkaProducer<String, byte[]> relay() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true),
        new StringSerializer(),
        new ByteArraySerializer());
  }
}
