package io.keydesk.analytics;

import io.keydesk.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A fixed, realistic set of input events for the scaling ITs, in phases with explicit event times.
 * The test waits until the job has processed one phase before it produces the next, so that the
 * job's per-task input order, and hence every result (including which event crossed a threshold,
 * and when), does not depend on how records of different partitions interleave. Within a phase,
 * events that meet in one task and whose order matters carry the same event time.
 *
 * <p>Over five hours: 30 delivered orders an hour (20 of product {@code SKU-A} in two batches, 5
 * each of {@code SKU-B} and {@code SKU-C} of another supplier), a redeemed key, one complaint an
 * hour for {@code SKU-A} and then 8 in the fifth hour (a spike against its baseline), complaints of
 * one buyer over the daily limit, five buyers behind one IP and device, a key claimed twice, a
 * claim after redemption, refunds over the refund ratio, four funnel sessions an hour (submitted,
 * left, idle, deflected) in two modes, languages and channels, a re-delivered event and a corrupt
 * record.
 */
final class ScalingWorkload {

  /**
   * The start of yesterday (UTC): recent, because a broker deletes records older than its retention
   * (7 days by default, judged by the record timestamps, which here are the event times) from the
   * input, repartition and result topics, the first time 30 s after it started; and one whole UTC
   * day, so that the day and month windows are the same whenever the test runs.
   */
  static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));

  static final int HOURS = 5;

  /** One record to produce: input topic, key, record timestamp (the event time) and bytes. */
  record Event(String topic, String key, Instant at, byte[] value) {}

  /** Events produced together; the test waits until the job has processed them. */
  record Phase(String name, List<Event> events) {}

  private ScalingWorkload() {}

  static List<Phase> phases() {
    List<Phase> phases = new ArrayList<>();
    Event firstSharedClaim = null;
    for (int h = 0; h < HOURS; h++) {
      phases.add(new Phase("deliveries and funnel, hour " + h, deliveries(h)));
      List<Event> complaints = complaints(h);
      if (h == 0) {
        firstSharedClaim =
            complaints.stream().filter(e -> e.key().equals("T-S-0")).findFirst().get();
      } else if (h == 1) { // the relay delivers it again (same event id and bytes): counted once
        complaints.add(firstSharedClaim);
      }
      phases.add(new Phase("complaints, hour " + h, complaints));
    }
    phases.add(new Phase("refunds", refunds()));
    return phases;
  }

  private static Instant hour(int h) {
    return T0.plus(Duration.ofHours(h));
  }

  private static List<Event> deliveries(int h) {
    List<Event> events = new ArrayList<>();
    Instant start = hour(h);
    for (int i = 0; i < 20; i++) {
      deliver(events, "SKU-A", "SUP-1", "BATCH-A" + (1 + i % 2), "O-A-" + h + "-" + i, start, i);
    }
    for (int i = 0; i < 5; i++) {
      deliver(events, "SKU-B", "SUP-1", "BATCH-B1", "O-B-" + h + "-" + i, start, 20 + i);
      deliver(events, "SKU-C", "SUP-2", "BATCH-C1", "O-C-" + h + "-" + i, start, 25 + i);
    }
    if (h == 0) { // its key redeemed; the complaint of hour 1 about it is a claim after redemption
      Instant redeemed = start.plus(Duration.ofMinutes(5));
      events.add(
          event(
              Topics.CARD_KEYS,
              "O-A-0-0",
              redeemed,
              EventJson.cardKey("O-A-0-0", 0, "fp-A-0-0", "BATCH-A1", "REDEEMED", redeemed)
                  .with("productSku", "SKU-A")));
    }
    funnel(events, "s-" + h + "-submitted", start, "novice", "zh-CN", "web")
        .step("ORDER", "VIEWED", 1)
        .step("CATEGORY", "COMPLETED", 2)
        .step("SUBMIT", "SUBMITTED", 4);
    funnel(events, "s-" + h + "-left", start, "expert", "en", "mobile")
        .step("ORDER", "VIEWED", 2)
        .step("KNOWLEDGE_BASE", "VIEWED", 3)
        .step("KNOWLEDGE_BASE", "LEFT", 5);
    funnel(events, "s-" + h + "-idle", start, "novice", "en", "web")
        .step("ORDER", "VIEWED", 3)
        .step("DETAILS", "VIEWED", 6);
    funnel(events, "s-" + h + "-deflected", start, "expert", "zh-CN", "web")
        .step("ORDER", "VIEWED", 4)
        .step("KNOWLEDGE_BASE", "DEFLECTED", 7);
    return events;
  }

  private static void deliver(
      List<Event> events,
      String sku,
      String supplier,
      String batch,
      String orderNo,
      Instant hourStart,
      int minute) {
    Instant at = hourStart.plus(Duration.ofMinutes(minute));
    events.add(event(Topics.ORDERS, orderNo, at, EventJson.order(orderNo, sku, supplier, at)));
    Instant keyAt = at.plusSeconds(10);
    events.add(
        event(
            Topics.CARD_KEYS,
            orderNo,
            keyAt,
            EventJson.cardKey(orderNo, 0, fingerprint(orderNo), batch, "DELIVERED", keyAt)
                .with("productSku", sku)));
  }

  private static String fingerprint(String orderNo) {
    return "fp-" + orderNo.substring(2);
  }

  private static List<Event> complaints(int h) {
    List<Event> events = new ArrayList<>();
    Instant start = hour(h);
    String[] categories = {"INVALID_KEY", "ALREADY_REDEEMED", "WRONG_REGION", "NOT_RECEIVED"};
    if (h < HOURS - 1) {
      String orderNo = h == 1 ? "O-A-0-0" : "O-A-" + h + "-1";
      events.add(
          ticket(
              "T-A-" + h,
              orderNo,
              "SKU-A",
              "SUP-1",
              categories[h % categories.length],
              start.plus(Duration.ofMinutes(30))));
    } else { // the spike, all at one time: whichever is processed fifth raises the same alert
      for (int k = 0; k < 8; k++) {
        events.add(
            ticket(
                "T-A-" + h + "-" + k,
                "O-A-" + h + "-" + k,
                "SKU-A",
                "SUP-1",
                "INVALID_KEY",
                start.plus(Duration.ofMinutes(40))));
      }
    }
    if (h < HOURS - 1) { // one buyer, four claims in a day: over the daily limit of 3
      events.add(
          claim(
              "T-V-" + h,
              "O-B-" + h + "-0",
              "buyer-v",
              "10.0.0.1",
              "dev-1",
              List.of("fp-B-" + h + "-0"),
              start.plus(Duration.ofMinutes(35))));
    }
    // a new buyer each hour behind one IP and device; the last names a key claimed before
    List<String> fingerprints =
        h == HOURS - 1 ? List.of("fp-B-" + h + "-1", "fp-B-0-0") : List.of("fp-B-" + h + "-1");
    Event shared =
        claim(
            "T-S-" + h,
            "O-B-" + h + "-1",
            "buyer-s-" + h,
            "10.0.0.9",
            "dev-9",
            fingerprints,
            start.plus(Duration.ofMinutes(36)));
    events.add(shared);
    if (h % 2 == 0) {
      events.add(
          ticket(
              "T-C-" + h,
              "O-C-" + h + "-0",
              "SKU-C",
              "SUP-2",
              categories[(h + 1) % categories.length],
              start.plus(Duration.ofMinutes(45))));
    }
    if (h == 2) {
      events.add(
          new Event(
              Topics.TICKETS,
              "T-corrupt",
              start.plus(Duration.ofMinutes(50)),
              "{\"eventId\":".getBytes(StandardCharsets.UTF_8)));
    }
    return events;
  }

  /** Three of buyer-v's four claims refunded at one time: a 75% refund ratio. */
  private static List<Event> refunds() {
    Instant at = hour(HOURS - 1).plus(Duration.ofMinutes(50));
    List<Event> events = new ArrayList<>();
    for (int h = 0; h < 3; h++) {
      events.add(
          event(
              Topics.TICKETS,
              "T-V-" + h,
              at,
              EventJson.ticketRefunded("T-V-" + h, "O-B-" + h + "-0", at)
                  .with("productSku", "SKU-B")
                  .with("supplierCode", "SUP-1")
                  .with("contactHash", "buyer-v")));
    }
    return events;
  }

  private static Event ticket(
      String ticketNo, String orderNo, String sku, String supplier, String category, Instant at) {
    return event(
        Topics.TICKETS,
        ticketNo,
        at,
        EventJson.ticketCreated(ticketNo, orderNo, sku, supplier, category, at)
            .with("contactHash", "buyer-" + ticketNo));
  }

  private static Event claim(
      String ticketNo,
      String orderNo,
      String buyer,
      String ip,
      String device,
      List<String> fingerprints,
      Instant at) {
    return event(
        Topics.TICKETS,
        ticketNo,
        at,
        EventJson.ticketCreated(ticketNo, orderNo, "SKU-B", "SUP-1", "ALREADY_REDEEMED", at)
            .with("contactHash", buyer)
            .with("clientIp", ip)
            .with("deviceId", device)
            .with("keyFingerprints", fingerprints));
  }

  private static Event event(String topic, String key, Instant at, EventJson json) {
    return new Event(topic, key, at, json.bytes());
  }

  private static Session funnel(
      List<Event> events,
      String sessionId,
      Instant hourStart,
      String mode,
      String language,
      String channel) {
    return new Session(events, sessionId, hourStart, mode, language, channel);
  }

  /** Adds the events of one funnel session, minutes after the hour's start. */
  private record Session(
      List<Event> events,
      String sessionId,
      Instant hourStart,
      String mode,
      String language,
      String channel) {
    Session step(String step, String action, int minute) {
      Instant at = hourStart.plus(Duration.ofMinutes(minute));
      events.add(
          event(
              Topics.FUNNEL,
              sessionId,
              at,
              EventJson.funnel(sessionId, step, action, at)
                  .with("mode", mode)
                  .with("language", language)
                  .with("channel", channel)));
      return this;
    }
  }
}
