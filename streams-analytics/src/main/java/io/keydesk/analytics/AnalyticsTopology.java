package io.keydesk.analytics;

import io.keydesk.events.AnalyticsResults;
import io.keydesk.events.AnalyticsStores;
import io.keydesk.events.CardKeyEvent;
import io.keydesk.events.CategoryCount;
import io.keydesk.events.ComplaintRate;
import io.keydesk.events.EventTypes;
import io.keydesk.events.FraudSignal;
import io.keydesk.events.FunnelEvent;
import io.keydesk.events.FunnelStepCount;
import io.keydesk.events.OrderEvent;
import io.keydesk.events.ProductAlert;
import io.keydesk.events.TicketEvent;
import io.keydesk.events.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The analytics topology, built as a pure function of its configuration: no I/O, no clock, nothing
 * started. {@link StreamsApp} runs it; the tests drive it with {@code TopologyTestDriver}.
 *
 * <pre>
 * tickets, orders, card keys, funnel (raw bytes; {@link AnalyticsInputs}, each read once)
 *   → parse ──rejected──→ keydesk.dead-letter.v1 (original key and bytes, reason in headers)
 *   → drop re-delivered eventIds of tickets and funnel steps (window stores *-event-ids, 7 days)
 *   ├ tickets per category          → keydesk.analytics.tickets-per-category.v1
 *   ├ order facts → complaint rates → keydesk.analytics.complaint-rates.v1
 *   │             → product alerts  → keydesk.analytics.product-alerts.v1
 *   ├ funnel sessions → step counts → keydesk.analytics.funnel-steps.v1
 *   └ fraud facts → fraud signals   → keydesk.analytics.fraud-signals.v1
 * </pre>
 *
 * See {@code docs/streams-analytics.md} for each topology's method.
 *
 * <p>Processor and repartition names are fixed, so internal topic names stay stable as the topology
 * grows.
 */
public final class AnalyticsTopology {

  static final Serde<String> STRING = Serdes.String();
  static final Serde<byte[]> BYTES = Serdes.ByteArray();
  static final Serde<TicketEvent> TICKET_EVENT = JsonSerde.binary(TicketEvent.class);
  static final Serde<CategoryCount> CATEGORY_COUNT = JsonSerde.of(CategoryCount.class);
  static final Serde<OrderInput> ORDER_INPUT = JsonSerde.binary(OrderInput.class);
  static final Serde<Measure> MEASURE = CompactSerde.MEASURE;
  static final Serde<ComplaintRate> COMPLAINT_RATE = JsonSerde.of(ComplaintRate.class);
  static final Serde<ProductAlert> PRODUCT_ALERT = JsonSerde.of(ProductAlert.class);
  static final Serde<FunnelDelta> FUNNEL_DELTA = CompactSerde.FUNNEL_DELTA;
  static final Serde<FunnelStepCount> FUNNEL_STEP_COUNT = JsonSerde.of(FunnelStepCount.class);
  static final Serde<FraudSignal> FRAUD_SIGNAL = JsonSerde.of(FraudSignal.class);
  static final Serde<FraudFact> FRAUD_FACT = CompactSerde.FRAUD_FACT;
  private static final String REFUNDED = "REFUNDED";

  private AnalyticsTopology() {}

  /**
   * The whole analytics topology with the default fraud thresholds; {@code config} is the Kafka
   * Streams configuration it will run with.
   */
  public static Topology build(Properties config) {
    return build(config, FraudThresholds.DEFAULTS);
  }

  /** The whole analytics topology. */
  public static Topology build(Properties config, FraudThresholds fraudThresholds) {
    StreamsBuilder builder = new StreamsBuilder();
    AnalyticsInputs inputs = AnalyticsInputs.from(builder);
    addTicketsPerCategory(inputs.tickets());
    KStream<String, FraudSignal> redemptionClaims =
        addComplaintRates(inputs, ProductAlerts.Settings.DEFAULTS);
    addFunnel(inputs.funnel());
    addFraudSignals(inputs.tickets(), redemptionClaims, fraudThresholds);
    return builder.build(config);
  }

  /**
   * Counts distinct created tickets per category into {@link Topics#TICKETS_PER_CATEGORY} and the
   * queryable store {@link AnalyticsStores#TICKETS_PER_CATEGORY}.
   */
  static void addTicketsPerCategory(KStream<String, TicketEvent> ticketEvents) {
    ticketEvents
        .filter(
            (ticketNo, event) -> EventTypes.TICKET_CREATED.equals(event.type()),
            Named.as("keep-ticket-created"))
        .groupBy(
            (ticketNo, event) -> event.category(),
            Grouped.with("tickets-by-category", STRING, TICKET_EVENT))
        .count(
            Named.as("count-tickets-per-category"),
            Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as(
                    AnalyticsStores.TICKETS_PER_CATEGORY)
                .withKeySerde(STRING)
                .withValueSerde(Serdes.Long()))
        .toStream(Named.as("tickets-per-category-changes"))
        .mapValues(CategoryCount::new, Named.as("to-category-count"))
        .to(
            Topics.TICKETS_PER_CATEGORY,
            Produced.with(STRING, CATEGORY_COUNT).withName("tickets-per-category-sink"));
  }

  /**
   * Complaint rates per product, supplier and key batch into {@link Topics#COMPLAINT_RATES}, and
   * product alerts into {@link Topics#PRODUCT_ALERTS}. Orders and card keys (keyed by order number
   * on the wire) and created tickets (re-keyed by order number, internal topic {@code
   * order-inputs}) are joined in {@link OrderFacts}; this needs the orders, card-keys and tickets
   * topics to have the same number of partitions, which {@link StreamsApp} checks. The resulting
   * measures are re-keyed by {@code scope|id} (internal topic {@code complaint-measures}) and
   * summed by {@link ComplaintRates} and watched by {@link ProductAlerts}. Returns the
   * claim-after-redemption signals found on the way.
   */
  static KStream<String, FraudSignal> addComplaintRates(
      AnalyticsInputs inputs, ProductAlerts.Settings alertSettings) {
    // Orders and card keys arrive keyed by order number (docs/events.md), so they are read where
    // they are; only tickets (keyed by ticket number) are re-keyed by order number.
    KStream<String, OrderInput> orders =
        inputs
            .orders()
            .processValues(
                () -> new UseEventTime<>(OrderEvent::occurredAt), Named.as("order-event-time"))
            .mapValues(OrderInput::of, Named.as("order-to-order-input"));
    KStream<String, OrderInput> cardKeys =
        inputs
            .cardKeys()
            .processValues(
                () -> new UseEventTime<>(CardKeyEvent::occurredAt), Named.as("card-key-event-time"))
            .mapValues(OrderInput::of, Named.as("card-key-to-order-input"));
    KStream<String, OrderInput> complaints =
        inputs
            .tickets()
            .filter(
                (ticketNo, e) ->
                    EventTypes.TICKET_CREATED.equals(e.type())
                        && e.orderNo() != null
                        && !e.orderNo().isBlank(),
                Named.as("keep-complaints-with-order"))
            .processValues(
                () -> new UseEventTime<>(TicketEvent::occurredAt), Named.as("ticket-event-time"))
            .map(
                (key, e) -> KeyValue.pair(e.orderNo(), OrderInput.of(e)),
                Named.as("ticket-to-order-input"))
            .repartition(Repartitioned.with(STRING, ORDER_INPUT).withName("order-inputs"));

    Map<String, KStream<String, OrderFacts.Output>> derived =
        orders
            .merge(cardKeys, Named.as("merge-card-key-inputs"))
            .merge(complaints, Named.as("merge-ticket-inputs"))
            .process(new OrderFacts(), Named.as("order-facts"))
            .split(Named.as("order-facts-"))
            .branch((key, out) -> out.measure() != null, Branched.as("measures"))
            .defaultBranch(Branched.as("signals"));

    KStream<String, Measure> measures =
        derived
            .get("order-facts-measures")
            .mapValues(OrderFacts.Output::measure, Named.as("measure"))
            .repartition(Repartitioned.with(STRING, MEASURE).withName("complaint-measures"));

    measures
        .process(new ComplaintRates(), Named.as("complaint-rates"))
        .to(
            Topics.COMPLAINT_RATES,
            Produced.with(STRING, COMPLAINT_RATE).withName("complaint-rates-sink"));
    measures
        .process(new ProductAlerts(alertSettings), Named.as("product-alerts"))
        .to(
            Topics.PRODUCT_ALERTS,
            Produced.with(STRING, PRODUCT_ALERT).withName("product-alerts-sink"));

    return derived
        .get("order-facts-signals")
        .mapValues(OrderFacts.Output::signal, Named.as("redemption-claim-signal"));
  }

  /**
   * The abandonment funnel into {@link Topics#FUNNEL_STEPS} and the queryable store {@link
   * AnalyticsStores#FUNNEL_STEP_COUNTS}: {@link FunnelSessions} turns each session into per-step
   * deltas, which are re-keyed by {@code step|mode|language|channel|hourStart} (internal topic
   * {@code funnel-deltas}) and summed.
   */
  static void addFunnel(KStream<String, FunnelEvent> funnel) {
    funnel
        .process(new FunnelSessions(), Named.as("funnel-sessions"))
        .groupByKey(Grouped.with("funnel-deltas", STRING, FUNNEL_DELTA))
        .aggregate(
            () ->
                new FunnelStepCount(
                    AnalyticsResults.SCHEMA_VERSION, null, null, null, null, null, 0, 0, 0),
            (key, d, sum) ->
                new FunnelStepCount(
                    AnalyticsResults.SCHEMA_VERSION,
                    d.step(),
                    d.mode(),
                    d.language(),
                    d.channel(),
                    Instant.ofEpochMilli(d.hourStart()),
                    sum.entered() + d.entered(),
                    sum.completed() + d.completed(),
                    sum.abandoned() + d.abandoned()),
            Named.as("sum-funnel-steps"),
            Materialized.<String, FunnelStepCount, KeyValueStore<Bytes, byte[]>>as(
                    AnalyticsStores.FUNNEL_STEP_COUNTS)
                .withKeySerde(STRING)
                .withValueSerde(CompactSerde.FUNNEL_STEP_COUNT))
        .toStream(Named.as("funnel-step-changes"))
        .to(
            Topics.FUNNEL_STEPS,
            Produced.with(STRING, FUNNEL_STEP_COUNT).withName("funnel-steps-sink"));
  }

  /**
   * Fraud signals into {@link Topics#FRAUD_SIGNALS}: each created ticket becomes a claim fact per
   * buyer (contact hash), IP, device and key fingerprint it carries, each refund a refund fact for
   * the buyer; facts are re-keyed by {@code dimension|subject} (internal topic {@code fraud-facts})
   * and counted by {@link FraudSignals}. The claim-after-redemption signals found by {@link
   * OrderFacts} are merged in.
   */
  static void addFraudSignals(
      KStream<String, TicketEvent> tickets,
      KStream<String, FraudSignal> redemptionClaims,
      FraudThresholds thresholds) {
    tickets
        .processValues(
            () -> new UseEventTime<>(TicketEvent::occurredAt), Named.as("fraud-ticket-event-time"))
        .flatMap((ticketNo, e) -> fraudFacts(e), Named.as("ticket-to-fraud-facts"))
        .repartition(Repartitioned.with(STRING, FRAUD_FACT).withName("fraud-facts"))
        .process(new FraudSignals(thresholds), Named.as("fraud-signals"))
        .merge(redemptionClaims, Named.as("merge-redemption-claims"))
        .to(
            Topics.FRAUD_SIGNALS,
            Produced.with(STRING, FRAUD_SIGNAL).withName("fraud-signals-sink"));
  }

  static List<KeyValue<String, FraudFact>> fraudFacts(TicketEvent e) {
    List<KeyValue<String, FraudFact>> facts = new ArrayList<>();
    String buyer = blankToNull(e.contactHash());
    if (EventTypes.TICKET_CREATED.equals(e.type())) {
      addFact(facts, FraudFact.BUYER, buyer, e, buyer, false);
      addFact(facts, FraudFact.IP, blankToNull(e.clientIp()), e, buyer, false);
      addFact(facts, FraudFact.DEVICE, blankToNull(e.deviceId()), e, buyer, false);
      if (e.keyFingerprints() != null) {
        for (String fingerprint : new LinkedHashSet<>(e.keyFingerprints())) {
          addFact(facts, FraudFact.FINGERPRINT, blankToNull(fingerprint), e, buyer, false);
        }
      }
    } else if (EventTypes.TICKET_TRANSITIONED.equals(e.type()) && REFUNDED.equals(e.resolution())) {
      addFact(facts, FraudFact.BUYER, buyer, e, buyer, true);
    }
    return facts;
  }

  private static void addFact(
      List<KeyValue<String, FraudFact>> facts,
      String dimension,
      String subject,
      TicketEvent e,
      String buyer,
      boolean refund) {
    if (subject != null) {
      FraudFact fact = new FraudFact(dimension, subject, e.ticketNo(), buyer, refund);
      facts.add(KeyValue.pair(fact.key(), fact));
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
