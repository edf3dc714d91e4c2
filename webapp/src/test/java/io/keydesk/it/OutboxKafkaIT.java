package io.keydesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.events.Topics;
import io.keydesk.it.Api.Answer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** The transactional outbox against a real broker: one event per change, in order, none lost. */
class OutboxKafkaIT extends ApiIT {
  /** An event as read from Kafka. */
  record Event(String topic, String key, String eventId, String type, JsonObject body) {}

  @Test
  void everyChangeIsAnnouncedExactlyOnceInOrderPerAggregate() {
    String orderNo = Api.unique("EVT");
    String contact = orderNo.toLowerCase() + "@example.com";
    assertEquals(200, api.importOrder(orderNo, contact, "EVT-SKU", "K-EVT-1").status());
    String buyer = api.buyerToken(orderNo, contact);
    String ticketNo =
        api.post(
                "/api/v1/tickets",
                "{\"orderNo\":\""
                    + orderNo
                    + "\",\"category\":\"INVALID_KEY\",\"description\":\"x\"}",
                Api.bearer(buyer))
            .json()
            .getString("ticketNo");
    String agent = api.staffToken("agent", "agent-demo-pass");
    api.post(
        "/api/v1/ops/tickets/" + ticketNo + "/actions",
        "{\"type\":\"REPLY\",\"text\":\"checking\"}",
        Api.bearer(agent));
    api.post(
        "/api/v1/ops/tickets/" + ticketNo + "/actions",
        "{\"type\":\"RESOLVE\",\"resolution\":\"REPLACED\"}",
        Api.bearer(agent));

    List<Event> orderEvents =
        read(List.of(Topics.ORDERS, Topics.CARD_KEYS), e -> e.key().equals(orderNo), 2);
    assertEquals(
        List.of("CardKeyStatusChanged", "OrderImported"),
        orderEvents.stream().map(Event::type).sorted().toList(),
        "one event per topic (two topics: no order between them)");
    JsonObject keyEvent =
        orderEvents.stream()
            .filter(e -> e.topic().equals(Topics.CARD_KEYS))
            .findFirst()
            .orElseThrow()
            .body();
    assertEquals("DELIVERED", keyEvent.getString("status"));
    assertEquals(64, keyEvent.getString("fingerprint").length());
    assertTrue(!keyEvent.toString().contains("K-EVT-1"), "no key in events");

    // What ran before decides two optional steps: auto-assignment (TicketAssigned, when an agent is
    // on shift) and the automatic path (SUBMITTED → AUTO_RESOLVING → IN_REVIEW when the risk engine
    // allows it; straight to IN_REVIEW when earlier tests from this address crossed a velocity
    // threshold). The lifecycle and its order are what this test is about.
    List<Event> ticketEvents =
        read(
            List.of(Topics.TICKETS),
            e -> e.key().equals(ticketNo) && !isAssignment(e) && !isAutoResolvingStep(e),
            4);
    assertEquals(
        List.of("TicketCreated", "TicketTransitioned", "TicketMessageAdded", "TicketTransitioned"),
        ticketEvents.stream().map(Event::type).toList(),
        () -> ticketEvents.stream().map(e -> e.body().toString()).toList().toString());
    assertEquals(
        List.of("SUBMITTED", "IN_REVIEW", "IN_REVIEW", "RESOLVED"),
        ticketEvents.stream().map(e -> e.body().getString("status")).toList());
    JsonObject created = ticketEvents.get(0).body();
    assertEquals(1, created.getInt("schemaVersion"));
    assertEquals("INVALID_KEY", created.getString("category"));
    assertEquals("EVT-SKU", created.getString("productSku"));
    assertEquals("IT-SUP", created.getString("supplierCode"));
    assertEquals(ticketEvents.size(), ticketEvents.stream().map(Event::eventId).distinct().count());
  }

  @Test
  void withTheBrokerDownRequestsSucceedAndEventsFollowWhenItIsBack() {
    String agent = api.staffToken("agent", "agent-demo-pass");
    String orderNo = Api.unique("DOWN");
    String contact = orderNo.toLowerCase() + "@example.com";
    api.importOrder(orderNo, contact, "DOWN-SKU", "K-DOWN-1");
    String buyer = api.buyerToken(orderNo, contact);
    String ticketNo =
        api.post(
                "/api/v1/tickets",
                "{\"orderNo\":\"" + orderNo + "\",\"category\":\"OTHER\",\"description\":\"x\"}",
                Api.bearer(buyer))
            .json()
            .getString("ticketNo");

    TestServers.kafka().stop();
    try {
      for (int i = 0; i < 10; i++) {
        Answer a =
            api.post(
                "/api/v1/tickets/" + ticketNo + "/messages",
                "{\"text\":\"message " + i + "\"}",
                Api.bearer(buyer));
        assertEquals(200, a.status(), "requests succeed while Kafka is down: " + a.body());
      }
      Answer note =
          api.post(
              "/api/v1/ops/tickets/" + ticketNo + "/actions",
              "{\"type\":\"REPLY\",\"text\":\"last word\"}",
              Api.bearer(agent));
      assertEquals(200, note.status());
      JsonObject health = api.get("/health/ready", Map.of()).json();
      assertEquals("UP", health.getString("status"), "ready without Kafka");
      assertTrue(
          Integer.parseInt(
                  health
                      .getJsonArray("checks")
                      .getJsonObject(0)
                      .getJsonObject("data")
                      .getString("outboxPending"))
              > 0,
          "events wait in the outbox: " + health);
    } finally {
      TestServers.kafka().restart();
    }

    List<Event> events =
        read(List.of(Topics.TICKETS), e -> e.key().equals(ticketNo) && !isAssignment(e), 13);
    Map<String, Event> unique = new LinkedHashMap<>();
    events.forEach(e -> unique.putIfAbsent(e.eventId(), e));
    List<String> messages = new ArrayList<>();
    for (Event e : unique.values()) {
      if (e.type().equals("TicketMessageAdded")) {
        messages.add(e.body().getString("actorType"));
      }
    }
    assertEquals(11, messages.size(), "ten buyer messages and one reply, none lost");
    assertEquals("STAFF", messages.get(10), "in order: the reply came last");
    assertEquals("TicketCreated", unique.values().iterator().next().type());
  }

  /** Reads committed events from the start until {@code expected} match or 60 s pass. */
  private static List<Event> read(List<String> topics, Predicate<Event> wanted, int expected) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<Event> found = new ArrayList<>();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(topics);
      while (Instant.now().isBefore(deadline) && found.size() < expected) {
        poll(consumer, wanted, found);
      }
      // a little longer, to catch any duplicate that would follow
      Instant settle = Instant.now().plus(Duration.ofSeconds(2));
      while (Instant.now().isBefore(settle)) {
        poll(consumer, wanted, found);
      }
    }
    return found;
  }

  private static boolean isAssignment(Event e) {
    return e.type().equals("TicketAssigned");
  }

  private static boolean isAutoResolvingStep(Event e) {
    return "AUTO_RESOLVING".equals(e.body().getString("status", null));
  }

  private static void poll(
      KafkaConsumer<String, String> consumer, Predicate<Event> wanted, List<Event> found) {
    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
      JsonObject body = Json.createReader(new StringReader(r.value())).readObject();
      Event e =
          new Event(
              r.topic(),
              r.key(),
              body.getString("eventId", null),
              body.getString("type", null),
              body);
      if (wanted.test(e)) {
        found.add(e);
      }
    }
  }
}
