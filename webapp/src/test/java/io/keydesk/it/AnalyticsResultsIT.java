package io.keydesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.events.Topics;
import io.keydesk.it.Api.Answer;
import io.keydesk.it.Claims.Buyer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The streams job's results come back into the product: records produced onto the result topics (as
 * the job writes them) show in the ops API, once however often they arrive; a streamed fraud signal
 * on a buyer's contact hash sends their next claim to REVIEW; a product alert warns the buyers of
 * the alerted batch who have not complained and pauses the product once.
 */
class AnalyticsResultsIT extends ApiIT {
  /** The webapp's consumer group (keydesk.analytics.group). */
  private static final String GROUP = "keydesk-webapp-analytics";

  /** keydesk.crypto.fingerprint-key of the test deployment (webapp/pom.xml). */
  private static final String FINGERPRINT_KEY =
      "ZmluZ2VycHJpbnQta2V5LWZvci1pbnRlZ3JhdGlvbi10ZXN0cw==";

  private Claims claims;
  private KafkaProducer<String, String> producer;

  @BeforeEach
  void setUp() {
    claims = new Claims(api);
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
  }

  @AfterEach
  void closeProducer() {
    producer.close(Duration.ofSeconds(5));
  }

  @Test
  void complaintRatesShowInTheOpsApiAndADuplicateOrAnOlderRecordChangesNothing() throws Exception {
    String sku = Api.unique("RATE");
    Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
    String key = "product|" + sku + "|1h";
    String first = rate("product", sku, "1h", end, 4, 1, Map.of("INVALID_KEY", 1L));
    String second = rate("product", sku, "1h", end, 4, 2, Map.of("INVALID_KEY", 1L, "OTHER", 1L));
    String older = rate("product", sku, "1h", end.minus(Duration.ofHours(1)), 9, 9, Map.of());
    send(Topics.COMPLAINT_RATES, key, first);
    send(Topics.COMPLAINT_RATES, key, second);
    String agent = api.staffToken("agent", "agent-demo-pass");

    JsonObject row = awaitRate(agent, "1h", "product", sku, r -> r.getInt("complaints") == 2);
    assertEquals(4, row.getInt("delivered"));
    assertEquals(0.5, row.getJsonNumber("rate").doubleValue(), 1e-9);
    assertEquals(end.toString(), Instant.parse(row.getString("windowEnd")).toString());
    assertEquals(1, row.getJsonObject("byCategory").getInt("OTHER"));
    String updated =
        single("SELECT updated_at FROM analytics_complaint_rate WHERE rate_key = ?", key);

    awaitConsumed(send(Topics.COMPLAINT_RATES, key, first));
    awaitConsumed(send(Topics.COMPLAINT_RATES, key, second));
    awaitConsumed(send(Topics.COMPLAINT_RATES, key, older));

    JsonObject again = findRate(agent, "1h", "product", sku).orElseThrow();
    assertEquals(2, again.getInt("complaints"), "a replayed or older record changes nothing");
    assertEquals(4, again.getInt("delivered"));
    assertEquals(
        updated, single("SELECT updated_at FROM analytics_complaint_rate WHERE rate_key = ?", key));
    assertEquals(
        1, Claims.count("SELECT COUNT(*) FROM analytics_complaint_rate WHERE subject_id = ?", sku));
  }

  @Test
  void aBurstOfUpdatesOfOneRateEndsAtTheLastOne() throws Exception {
    String sku = Api.unique("BURST");
    Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
    String key = "product|" + sku + "|24h";
    RecordMetadata last = null;
    for (int complaints = 1; complaints <= 40; complaints++) {
      last =
          send(
              Topics.COMPLAINT_RATES,
              key,
              rate("product", sku, "24h", end, 80, complaints, Map.of("OTHER", (long) complaints)));
    }
    awaitConsumed(last);
    String agent = api.staffToken("agent", "agent-demo-pass");
    JsonObject row = findRate(agent, "24h", "product", sku).orElseThrow();
    assertEquals(40, row.getInt("complaints"), row.toString());
    assertEquals(40, row.getJsonObject("byCategory").getInt("OTHER"));
    assertEquals(0.5, row.getJsonNumber("rate").doubleValue(), 1e-9);
  }

  @Test
  void aSupplierManagerSeesOnlyTheirSuppliersRatesAndBadParametersAreProblems() throws Exception {
    String own = Api.unique("OWN");
    String other = Api.unique("OTH");
    claims.order(
        Api.unique("SO"),
        own.toLowerCase() + "@example.com",
        own,
        "VALVE-CN",
        1,
        "10.00",
        "C-" + own);
    claims.order(
        Api.unique("SO"),
        other.toLowerCase() + "@example.com",
        other,
        "IT-SUP",
        1,
        "10.00",
        "C-" + other);
    Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
    send(
        Topics.COMPLAINT_RATES,
        "product|" + own + "|24h",
        rate("product", own, "24h", end, 10, 3, Map.of()));
    send(
        Topics.COMPLAINT_RATES,
        "product|" + other + "|24h",
        rate("product", other, "24h", end, 10, 5, Map.of()));
    String agent = api.staffToken("agent", "agent-demo-pass");
    awaitRate(agent, "24h", "product", own, r -> true);
    awaitRate(agent, "24h", "product", other, r -> true);

    String supplier = api.staffToken("supplier", "supplier-demo-pass");
    assertTrue(findRate(supplier, "24h", "product", own).isPresent(), "their own product");
    assertTrue(findRate(supplier, "24h", "product", other).isEmpty(), "not another supplier's");
    assertEquals(401, api.get("/api/v1/ops/metrics/products", Map.of()).status());
    assertEquals(403, api.get("/api/v1/ops/metrics/funnel", Api.bearer(supplier)).status());

    Answer bad =
        api.get("/api/v1/ops/metrics/products?window=2h&scope=shop&size=0", Api.bearer(agent));
    assertEquals(400, bad.status());
    assertTrue(bad.contentType().startsWith("application/problem+json"), bad.contentType());
    for (String field : List.of("window", "scope", "size")) {
      assertTrue(bad.body().contains("\"" + field + "\""), bad.body());
    }
    Answer badFunnel =
        api.get(
            "/api/v1/ops/metrics/funnel?from=yesterday&mode=guru&channel=%3Cscript%3E",
            Api.bearer(agent));
    assertEquals(400, badFunnel.status());
    for (String field : List.of("from", "mode", "channel")) {
      assertTrue(badFunnel.body().contains("\"" + field + "\""), badFunnel.body());
    }
    Answer backwards =
        api.get(
            "/api/v1/ops/metrics/funnel?from=2026-11-25T10:00:00Z&to=2026-11-25T09:00:00Z",
            Api.bearer(agent));
    assertEquals(400, backwards.status());
  }

  @Test
  void funnelCountsAreSummedOverTheRangeAndADuplicateChangesNothing() throws Exception {
    String channel = "it" + Long.toString(System.nanoTime() % 100_000_000L, 36);
    Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
    String category = funnel("CATEGORY", "novice", "zh-CN", channel, hour, 3, 2, 1);
    String categoryLater = funnel("CATEGORY", "novice", "zh-CN", channel, hour, 4, 2, 2);
    String nextHour =
        funnel("CATEGORY", "novice", "zh-CN", channel, hour.plus(Duration.ofHours(1)), 1, 1, 0);
    String details = funnel("DETAILS", "expert", "en", channel, hour, 2, 1, 0);
    send(Topics.FUNNEL_STEPS, key("CATEGORY", "novice", "zh-CN", channel, hour), category);
    send(Topics.FUNNEL_STEPS, key("CATEGORY", "novice", "zh-CN", channel, hour), categoryLater);
    send(
        Topics.FUNNEL_STEPS,
        key("CATEGORY", "novice", "zh-CN", channel, hour.plus(Duration.ofHours(1))),
        nextHour);
    send(Topics.FUNNEL_STEPS, key("DETAILS", "expert", "en", channel, hour), details);
    String agent = api.staffToken("supervisor", "supervisor-demo-pass");
    String range =
        "/api/v1/ops/metrics/funnel?channel="
            + channel
            + "&from="
            + hour.minus(Duration.ofHours(1))
            + "&to="
            + hour.plus(Duration.ofHours(3));

    JsonObject steps =
        await(
            () -> api.get(range, Api.bearer(agent)).json(),
            f ->
                step(f, "CATEGORY").map(s -> s.getInt("entered") == 5).orElse(false)
                    && step(f, "DETAILS").isPresent(),
            "funnel counts of " + channel);
    JsonObject cat = step(steps, "CATEGORY").orElseThrow();
    assertEquals(3, cat.getInt("completed"));
    assertEquals(2, cat.getInt("abandoned"));

    awaitConsumed(
        send(Topics.FUNNEL_STEPS, key("CATEGORY", "novice", "zh-CN", channel, hour), category));
    JsonObject after = api.get(range, Api.bearer(agent)).json();
    assertEquals(5, step(after, "CATEGORY").orElseThrow().getInt("entered"), "duplicate ignored");
    JsonObject expertOnly = api.get(range + "&mode=expert", Api.bearer(agent)).json();
    assertTrue(step(expertOnly, "CATEGORY").isEmpty(), expertOnly.toString());
    assertEquals(2, step(expertOnly, "DETAILS").orElseThrow().getInt("entered"));
  }

  @Test
  void aStreamedSignalOnABuyersContactHashSendsTheirNextClaimToReview() throws Exception {
    String sku = Api.unique("SIGS");
    Buyer buyer = claims.buyer(sku, "IT-SUP", "CODE-" + sku);
    Buyer bystander = claims.buyer(sku, "IT-SUP", "CODE2-" + sku);
    String hash = contactHash(buyer.email());
    Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS);
    String signal =
        Json.createObjectBuilder()
            .add("schemaVersion", 1)
            .add("kind", "BUYER_CLAIM_VELOCITY")
            .add("subjectType", "buyer")
            .add("subject", hash)
            .add("count", 6)
            .add("threshold", 5)
            .add("window", "day")
            .add("windowStart", day.toString())
            .add("detail", "6 claims in the day")
            .add("at", Instant.now().toString())
            .add("futureField", "ignored")
            .build()
            .toString();
    String key = "BUYER_CLAIM_VELOCITY|" + hash;
    // corrupt records before it in its partition are skipped, they do not block it
    send(Topics.FRAUD_SIGNALS, key, "{not json");
    send(Topics.FRAUD_SIGNALS, key, signal.replace("\"schemaVersion\":1", "\"schemaVersion\":99"));
    send(Topics.FRAUD_SIGNALS, key, signal.replace(hash, "not-a-hash"));
    send(Topics.FRAUD_SIGNALS, key, signal);
    String agent = api.staffToken("agent", "agent-demo-pass");
    String list = "/api/v1/ops/fraud-signals?source=STREAM&kind=BUYER_CLAIM_VELOCITY&size=200";

    JsonObject item =
        await(
                () -> streamed(agent, list, hash),
                Optional::isPresent,
                "the streamed signal in GET /ops/fraud-signals")
            .orElseThrow();
    assertEquals("STREAM", item.getString("source"));
    assertEquals("6 claims in the day", item.getString("detail"));
    awaitConsumed(send(Topics.FRAUD_SIGNALS, key, signal));
    assertEquals(
        1,
        Claims.count("SELECT COUNT(*) FROM fraud_signal WHERE contact_hash = ?", hash),
        "a duplicate is not recorded again");

    JsonObject ticket = claims.file(buyer, "NOT_RECEIVED").json();
    assertEquals("REVIEW", Claims.decision(ticket));
    assertEquals(List.of("EXTERNAL_SIGNAL"), Claims.reasonCodes(ticket));
    String reason =
        ticket.getJsonObject("risk").getJsonArray("reasons").getJsonObject(0).getString("text");
    assertTrue(reason.contains("BUYER_CLAIM_VELOCITY"), reason);
    JsonObject other = claims.file(bystander, "NOT_RECEIVED").json();
    assertTrue(
        !Claims.reasonCodes(other).contains("EXTERNAL_SIGNAL"), "another buyer is not flagged");
  }

  @Test
  void aProductAlertWarnsTheBatchsBuyersWhoHaveNotComplainedAndPausesTheProductOnce()
      throws Exception {
    String sku = Api.unique("ALRT");
    String otherSku = Api.unique("ALRO");
    String warned = order(sku, "B-HOT", Api.unique("W") + "@example.com");
    String complained = order(sku, "B-HOT", Api.unique("C") + "@example.com");
    String otherBatch = order(sku, "B-OK", Api.unique("O") + "@example.com");
    String otherProduct = order(otherSku, "B-HOT", Api.unique("P") + "@example.com");
    String complainerContact = contactOf(complained);
    Buyer complainer =
        new Buyer(complained, complainerContact, api.buyerToken(complained, complainerContact));
    Answer filed = claims.file(complainer, "OTHER");
    assertTrue(filed.status() == 200 || filed.status() == 201, filed.body());
    JsonArrayBuilder batches = Json.createArrayBuilder().add("B-HOT");
    Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
    String alert =
        Json.createObjectBuilder()
            .add("schemaVersion", 1)
            .add("sku", sku)
            .add("supplier", "IT-SUP")
            .add("batches", batches)
            .add("rate", 0.4)
            .add("baseline", 0.05)
            .add("threshold", 0.2)
            .add("volume", 4)
            .add("delivered", 10)
            .add("hourStart", hour.toString())
            .add("at", Instant.now().toString())
            .build()
            .toString();
    send(Topics.PRODUCT_ALERTS, sku, alert);

    await(
        () -> count("SELECT COUNT(*) FROM analytics_product_alert WHERE sku = ? AND paused", sku),
        n -> n == 1,
        "the alert handled");
    String notices =
        "SELECT COUNT(*) FROM notification WHERE template = 'PRODUCT_ALERT' AND contact = ?";
    long warnedRows = Claims.count(notices, contactOf(warned));
    assertTrue(warnedRows >= 1, "the batch's buyer without a complaint is warned");
    assertEquals(0, Claims.count(notices, contactOf(complained)), "already complained");
    assertEquals(0, Claims.count(notices, contactOf(otherBatch)), "another batch");
    assertEquals(0, Claims.count(notices, contactOf(otherProduct)), "another product");
    assertTrue(
        single(
                "SELECT params FROM notification WHERE template = 'PRODUCT_ALERT' AND contact = ?",
                contactOf(warned))
            .contains(warned),
        "the notice names the order");
    String pauses =
        "SELECT COUNT(*) FROM webhook_delivery WHERE type = 'product.paused' AND aggregate_id = ?";
    assertEquals(1, Claims.count(pauses, sku));

    awaitConsumed(send(Topics.PRODUCT_ALERTS, sku, alert));
    assertEquals(warnedRows, Claims.count(notices, contactOf(warned)), "once per buyer and alert");
    assertEquals(1, Claims.count(pauses, sku), "one pause webhook");
    assertEquals(
        1, Claims.count("SELECT COUNT(*) FROM analytics_product_alert WHERE sku = ?", sku));
  }

  // --- helpers --------------------------------------------------------------------------------

  private String order(String sku, String batch, String email) {
    String orderNo = Api.unique("AL");
    String body =
        Json.createObjectBuilder()
            .add("orderNo", orderNo)
            .add("buyer", Json.createObjectBuilder().add("email", email))
            .add(
                "product",
                Json.createObjectBuilder()
                    .add("sku", sku)
                    .add("name", "Product " + sku)
                    .add(
                        "supplier",
                        Json.createObjectBuilder().add("code", "IT-SUP").add("name", "Supplier")))
            .add("quantity", 1)
            .add("amount", "20.00")
            .add("currency", "CNY")
            .add("paidAt", Instant.now().minus(Duration.ofDays(1)).toString())
            .add(
                "keys",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("index", 0)
                            .add("code", "K-" + orderNo)
                            .add("batch", batch)))
            .build()
            .toString();
    Answer a = api.signed("/api/v1/orders", body);
    assertEquals(200, a.status(), a.body());
    return orderNo;
  }

  private static String contactOf(String orderNo) throws SQLException {
    return single("SELECT buyer_email FROM shop_order WHERE order_no = ?", orderNo);
  }

  private static String rate(
      String scope,
      String id,
      String window,
      Instant end,
      long delivered,
      long complaints,
      Map<String, Long> byCategory) {
    var categories = Json.createObjectBuilder();
    byCategory.forEach(categories::add);
    Duration length =
        switch (window) {
          case "1h" -> Duration.ofHours(1);
          case "24h" -> Duration.ofDays(1);
          default -> Duration.ofDays(7);
        };
    return Json.createObjectBuilder()
        .add("schemaVersion", 1)
        .add("scope", scope)
        .add("id", id)
        .add("window", window)
        .add("windowStart", end.minus(length).toString())
        .add("windowEnd", end.toString())
        .add("delivered", delivered)
        .add("complaints", complaints)
        .add("byCategory", categories)
        .add("rate", delivered == 0 ? complaints : (double) complaints / delivered)
        .build()
        .toString();
  }

  private static String funnel(
      String step,
      String mode,
      String language,
      String channel,
      Instant hour,
      long entered,
      long completed,
      long abandoned) {
    return Json.createObjectBuilder()
        .add("schemaVersion", 1)
        .add("step", step)
        .add("mode", mode)
        .add("language", language)
        .add("channel", channel)
        .add("hourStart", hour.toString())
        .add("entered", entered)
        .add("completed", completed)
        .add("abandoned", abandoned)
        .build()
        .toString();
  }

  private static String key(String step, String mode, String language, String channel, Instant h) {
    return String.join("|", step, mode, language, channel, h.toString());
  }

  private static Optional<JsonObject> step(JsonObject funnel, String step) {
    return funnel.getJsonArray("steps").getValuesAs(JsonObject.class).stream()
        .filter(s -> s.getString("step").equals(step))
        .findFirst();
  }

  private RecordMetadata send(String topic, String key, String value)
      throws InterruptedException, ExecutionException {
    return producer.send(new ProducerRecord<>(topic, key, value)).get();
  }

  /** Waits until the webapp's group has committed past the record (it was applied or skipped). */
  private static void awaitConsumed(RecordMetadata record) {
    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers());
    try (Admin admin = Admin.create(props)) {
      await(
          () -> {
            try {
              Map<TopicPartition, OffsetAndMetadata> offsets =
                  admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
              OffsetAndMetadata o = offsets.get(tp);
              return o == null ? -1L : o.offset();
            } catch (InterruptedException | ExecutionException e) {
              return -1L;
            }
          },
          offset -> offset > record.offset(),
          "the webapp consumed " + tp + "@" + record.offset());
    }
  }

  private JsonObject awaitRate(
      String token, String window, String scope, String id, Predicate<JsonObject> done) {
    return await(
            () -> findRate(token, window, scope, id),
            r -> r.isPresent() && done.test(r.get()),
            "the rate of " + id)
        .orElseThrow();
  }

  private Optional<JsonObject> findRate(String token, String window, String scope, String id) {
    for (int page = 0; page < 50; page++) {
      Answer a =
          api.get(
              "/api/v1/ops/metrics/products?window="
                  + window
                  + "&scope="
                  + scope
                  + "&size=200&page="
                  + page,
              Api.bearer(token));
      assertEquals(200, a.status(), a.body());
      List<JsonObject> items = a.json().getJsonArray("items").getValuesAs(JsonObject.class);
      Optional<JsonObject> hit =
          items.stream().filter(i -> i.getString("id").equals(id)).findFirst();
      if (hit.isPresent() || items.size() < 200) {
        return hit;
      }
    }
    return Optional.empty();
  }

  private Optional<JsonObject> streamed(String token, String path, String hash) {
    Answer a = api.get(path, Api.bearer(token));
    assertEquals(200, a.status(), a.body());
    return a.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .filter(i -> hash.equals(i.getString("contactHash", null)))
        .findFirst();
  }

  /** The keyed contact hash of DomainEvents.contactHash: HMAC-SHA256 of the normalised text. */
  private static String contactHash(String contact) throws GeneralSecurityException {
    String normalised =
        Normalizer.normalize("contact:" + contact, Normalizer.Form.NFKC)
            .replaceAll("[\\s\\-]", "")
            .toUpperCase(Locale.ROOT);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(FINGERPRINT_KEY), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
  }

  private static long count(String sql, Object... params) {
    try {
      return Claims.count(sql, params);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String single(String sql, Object... params) throws SQLException {
    try (Connection c = TestServers.database();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet r = s.executeQuery()) {
        assertTrue(r.next(), "no row for " + sql);
        return r.getString(1);
      }
    }
  }

  /** Polls for up to 60 s (the consumer may be backing off after another test stopped Kafka). */
  private static <T> T await(Supplier<T> probe, Predicate<T> done, String what) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    T last = probe.get();
    while (!done.test(last)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting for " + what + ": " + last);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      last = probe.get();
    }
    return last;
  }
}
