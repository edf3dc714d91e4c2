package io.keydesk.bench;

import static java.lang.System.Logger.Level.INFO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keydesk.analytics.StreamsApp;
import io.keydesk.analytics.StreamsSettings;
import io.keydesk.bench.KeydeskApi.PreparedOrder;
import io.keydesk.deploy.PayaraMicro;
import io.keydesk.embedded.EmbeddedMariaDb;
import io.keydesk.embedded.KafkaBroker;
import io.keydesk.embedded.Ports;
import io.keydesk.events.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Freshness (issue 5, item 11, second figure): MariaDB, Kafka, Payara Micro with the WAR (its
 * outbox relay) and the streams job, all real; tickets are filed one after another through {@code
 * POST /api/v1/tickets} at a steady rate, each on an order of its own of one product; a
 * read_committed consumer of {@code keydesk.analytics.complaint-rates.v1} notes when the product's
 * 24-hour complaint count first reaches k. Freshness of ticket k = that moment − the moment the API
 * answered 201 for it. A second watcher polls {@code GET /api/v1/ops/metrics/products} (every 20
 * ms, signed in as the demo supervisor) and notes when the API shows count k: the whole path, job
 * plus the webapp's read model, which is what an operator sees.
 */
final class FreshnessBenchmark {
  private static final System.Logger LOG = System.getLogger(FreshnessBenchmark.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RATE_KEY = "product|BENCH-100|24h";

  private FreshnessBenchmark() {}

  static String run(Path root, MachineFacts machine, String command, int tickets, double perSecond)
      throws Exception {
    Path target = root.resolve("benchmarks/target");
    Path payaraJar = Servers.require(target.resolve("payara-micro.jar"));
    Path war = Servers.require(target.resolve("keydesk.war"));
    Path work = target.resolve("freshness-bench");
    Servers.deleteRecursively(work);
    Files.createDirectories(work);
    try (EmbeddedMariaDb db = Servers.startDatabase(work);
        KafkaBroker kafka = Servers.startKafka(work)) {
      Servers.Secrets secrets = Servers.Secrets.generate();
      Path payaraHome = Files.createDirectories(work.resolve("payara"));
      try (PayaraMicro payara =
              Servers.payara(
                      payaraJar,
                      war,
                      payaraHome,
                      Ports.freePort(),
                      "1g",
                      db,
                      kafka.bootstrapServers(),
                      secrets)
                  .systemProperty("keydesk.buyer.limit-per-ip", "100000000")
                  .systemProperty("keydesk.buyer.limit-per-order", "100000000")
                  .systemProperty("keydesk.demo.enabled", "true") // a supervisor to read the API
                  .start();
          StreamsApp job =
              StreamsApp.start(
                  new StreamsSettings(
                      kafka.bootstrapServers(),
                      work.resolve("state"),
                      "keydesk-analytics",
                      (short) 1,
                      1,
                      3,
                      true))) {
        if (!job.awaitRunning(Duration.ofMinutes(2))) {
          throw new IllegalStateException("The streams job did not reach RUNNING");
        }
        HttpClient http =
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        KeydeskApi api = new KeydeskApi(payara.baseUri(), secrets.shopSecret(), http);
        List<PreparedOrder> orders = new ArrayList<>();
        for (int i = 0; i < tickets; i++) {
          String orderNo = String.format("FRESH-%05d", i);
          String email = "fresh" + i + "@bench.example";
          api.importOrder(orderNo, email);
          orders.add(new PreparedOrder(orderNo, api.openSession(orderNo, email)));
        }
        LOG.log(INFO, "{0} orders imported; filing one ticket each", tickets);

        AtomicLongArray seen = new AtomicLongArray(tickets + 1); // count k first seen at (nanos)
        AtomicLongArray shown = new AtomicLongArray(tickets + 1); // … shown by the ops API
        AtomicBoolean stop = new AtomicBoolean();
        Thread watcher =
            new Thread(() -> watch(kafka.bootstrapServers(), seen, stop), "rates-watcher");
        watcher.start();
        String staffToken = supervisorToken(http, payara.baseUri());
        Thread apiWatcher =
            new Thread(
                () -> watchApi(http, payara.baseUri(), staffToken, shown, stop), "api-watcher");
        apiWatcher.start();
        Thread.sleep(3000); // the watcher has its partitions and the import's events are counted

        long[] answered = new long[tickets + 1];
        long interval = (long) (1e9 / perSecond);
        long next = System.nanoTime();
        for (int k = 1; k <= tickets; k++) {
          long wait = next - System.nanoTime();
          if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
          }
          api.fileTicketNo(orders.get(k - 1), "fresh-" + k);
          answered[k] = System.nanoTime();
          next += interval;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while ((seen.get(tickets) == 0 || shown.get(tickets) == 0)
            && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        stop.set(true);
        watcher.join(10_000);
        apiWatcher.join(10_000);

        StringBuilder out = new StringBuilder();
        out.append("### Freshness, run of ").append(machine.date()).append("\n\n");
        out.append(
            String.format(
                Locale.ROOT,
                "- Machine: %s CPUs (%s), %s RAM, Linux %s; load average at start %s%n"
                    + "- Java: %s; commit %s%n- Command: `benchmarks/streams %s`%n"
                    + "- %d tickets filed one after another at %.1f/s, each on its own order of"
                    + " BENCH-100; outbox relay poll 100 ms (default); job exactly_once_v2,"
                    + " commit interval 100 ms (default)%n%n",
                machine.nproc(),
                machine.cpuModel(),
                machine.memory(),
                machine.kernel(),
                machine.loadAverage(),
                machine.java(),
                machine.commit(),
                command,
                tickets,
                perSecond));
        out.append(
            "| seen on | tickets | p50 ms | p99 ms | max ms | not seen within 60 s | goal |\n");
        out.append("|---|---:|---:|---:|---:|---:|---|\n");
        out.append(row("the result topic (the job's part)", seen, answered, tickets));
        out.append(row("`GET /api/v1/ops/metrics/products`", shown, answered, tickets));
        return out.toString();
      }
    } finally {
      Servers.deleteRecursively(work);
    }
  }

  /** One table row: freshness of each ticket k = when count k was first seen − its 201. */
  private static String row(String where, AtomicLongArray seen, long[] answered, int tickets) {
    double[] millis = new double[tickets];
    int missing = 0;
    for (int k = 1; k <= tickets; k++) {
      if (seen.get(k) == 0) {
        missing++;
        millis[k - 1] = Double.POSITIVE_INFINITY;
      } else {
        millis[k - 1] = Math.max(0, seen.get(k) - answered[k]) / 1e6;
      }
    }
    Arrays.sort(millis);
    double p50 = millis[(int) Math.ceil(0.50 * tickets) - 1];
    double p99 = millis[(int) Math.ceil(0.99 * tickets) - 1];
    return String.format(
        Locale.ROOT,
        "| %s | %d | %.0f | %.0f | %.0f | %d | p99 ≤ 2,000 ms %s |%n",
        where,
        tickets,
        p50,
        p99,
        millis[tickets - 1],
        missing,
        missing == 0 && p99 <= 2000 ? "**met**" : "**not met**");
  }

  /** Signs in as the demo supervisor (demo data lists its login at {@code /api/v1/demo}). */
  private static String supervisorToken(HttpClient http, URI base) throws Exception {
    JsonNode demo =
        JSON.readTree(
            http.send(
                    HttpRequest.newBuilder(base.resolve("/api/v1/demo")).GET().build(),
                    HttpResponse.BodyHandlers.ofString())
                .body());
    for (JsonNode login : demo.path("staff")) {
      if ("SUPERVISOR".equals(login.path("role").asText())) {
        String body =
            JSON.createObjectNode()
                .put("username", login.path("username").asText())
                .put("password", login.path("password").asText())
                .toString();
        HttpResponse<String> token =
            http.send(
                HttpRequest.newBuilder(base.resolve("/api/v1/ops/tokens"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(token.body()).path("token").asText();
      }
    }
    throw new IllegalStateException("no demo supervisor: " + demo);
  }

  /** Polls the ops API and notes when it first shows each complaint count of BENCH-100. */
  private static void watchApi(
      HttpClient http, URI base, String token, AtomicLongArray shown, AtomicBoolean stop) {
    HttpRequest request =
        HttpRequest.newBuilder(
                base.resolve("/api/v1/ops/metrics/products?window=24h&scope=product&size=200"))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build();
    try {
      while (!stop.get()) {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long now = System.nanoTime();
        if (response.statusCode() == 200) {
          for (JsonNode item : JSON.readTree(response.body()).path("items")) {
            if ("BENCH-100".equals(item.path("id").asText())) {
              long complaints = Math.min(shown.length() - 1, item.path("complaints").asLong());
              for (int k = 1; k <= complaints; k++) {
                shown.compareAndSet(k, 0, now);
              }
            }
          }
        }
        Thread.sleep(20);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void watch(String bootstrap, AtomicLongArray seen, AtomicBoolean stop) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false);
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.COMPLAINT_RATES).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .collect(Collectors.toList());
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (!stop.get()) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
          if (!RATE_KEY.equals(record.key()) || record.value() == null) {
            continue;
          }
          long now = System.nanoTime();
          JsonNode rate = JSON.readTree(record.value());
          long complaints = Math.min(seen.length() - 1, rate.path("complaints").asLong());
          for (int k = 1; k <= complaints; k++) {
            seen.compareAndSet(k, 0, now);
          }
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
