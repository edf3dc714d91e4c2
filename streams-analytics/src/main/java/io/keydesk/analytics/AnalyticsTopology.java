package io.keydesk.analytics;

import io.keydesk.events.AnalyticsStores;
import io.keydesk.events.CategoryCount;
import io.keydesk.events.EventTypes;
import io.keydesk.events.TicketEvent;
import io.keydesk.events.Topics;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The analytics topology, built as a pure function of its configuration: no I/O, no clock, nothing
 * started. {@link StreamsApp} runs it; the tests drive it with {@code TopologyTestDriver}.
 *
 * <pre>
 * keydesk.tickets.v1 (ticketNo → JSON bytes)
 *   → parse ──rejected──→ keydesk.dead-letter.v1 (original key and bytes, reason in headers)
 *   → drop re-delivered eventIds (window store ticket-event-ids, 7 days)
 *   → keep TicketCreated → re-key by category (repartition topic "tickets-by-category")
 *   → count (store tickets-per-category)
 *   → keydesk.analytics.tickets-per-category.v1 (category → {"category":..,"count":..})
 * </pre>
 *
 * Processor and repartition names are fixed, so internal topic names stay stable as the topology
 * grows.
 */
public final class AnalyticsTopology {

  static final Serde<String> STRING = Serdes.String();
  static final Serde<byte[]> BYTES = Serdes.ByteArray();
  static final Serde<TicketEvent> TICKET_EVENT = JsonSerde.of(TicketEvent.class);
  static final Serde<CategoryCount> CATEGORY_COUNT = JsonSerde.of(CategoryCount.class);

  private static final String TICKET_BRANCH = "ticket-";
  private static final String ACCEPTED = "accepted";
  private static final String REJECTED = "rejected";

  private AnalyticsTopology() {}

  /**
   * The whole analytics topology; {@code config} is the Kafka Streams configuration it will run
   * with.
   */
  public static Topology build(Properties config) {
    StreamsBuilder builder = new StreamsBuilder();
    addTicketsPerCategory(builder);
    return builder.build(config);
  }

  /**
   * Counts distinct created tickets per category into {@link Topics#TICKETS_PER_CATEGORY} and the
   * queryable store {@link AnalyticsStores#TICKETS_PER_CATEGORY}. Unreadable ticket records go to
   * {@link Topics#DEAD_LETTER}.
   */
  public static void addTicketsPerCategory(StreamsBuilder builder) {
    KStream<String, TicketEvent> ticketEvents = ticketEvents(builder);

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
   * The ticket events a topology may use: readable, of a known schema version, each {@code eventId}
   * once (see {@link DropRedeliveredEvents#HORIZON}). The rest goes to the dead-letter topic.
   */
  static KStream<String, TicketEvent> ticketEvents(StreamsBuilder builder) {
    Map<String, KStream<String, ParsedTicketEvent>> parsed =
        builder.stream(Topics.TICKETS, Consumed.with(STRING, BYTES).withName("tickets-source"))
            .processValues(ParseTicketEvents::new, Named.as("parse-ticket-event"))
            .split(Named.as(TICKET_BRANCH))
            .branch((ticketNo, result) -> result.isAccepted(), Branched.as(ACCEPTED))
            .defaultBranch(Branched.as(REJECTED));

    parsed
        .get(TICKET_BRANCH + REJECTED)
        .mapValues(ParsedTicketEvent::original, Named.as("original-bytes"))
        .to(Topics.DEAD_LETTER, Produced.with(STRING, BYTES).withName("dead-letter-sink"));

    return parsed
        .get(TICKET_BRANCH + ACCEPTED)
        .mapValues(ParsedTicketEvent::event, Named.as("ticket-event"))
        .processValues(new DropRedeliveredEvents(), Named.as("drop-redelivered-ticket-events"));
  }
}
