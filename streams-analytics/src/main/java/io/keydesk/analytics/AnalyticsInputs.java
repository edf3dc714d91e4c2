package io.keydesk.analytics;

import io.keydesk.events.AnalyticsStores;
import io.keydesk.events.CardKeyEvent;
import io.keydesk.events.FunnelEvent;
import io.keydesk.events.OrderEvent;
import io.keydesk.events.TicketEvent;
import io.keydesk.events.Topics;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The input topics, each read once and parsed once: every topology of the job starts from these
 * streams. A record that cannot be read goes to {@link Topics#DEAD_LETTER} with the reason in its
 * headers, and the job goes on.
 *
 * <p>The outbox relay delivers at least once, so an event can arrive twice. Ticket events are
 * de-duplicated here by {@code eventId} ({@link DropRedeliveredEvents}: a window store lookup and
 * write per event). Funnel events are de-duplicated by their only reader, {@link FunnelSessions},
 * which keeps the ids of a session's events with the session (no store, lookup and changelog record
 * of their own). Order and card-key events are not de-duplicated: their only reader, {@link
 * OrderFacts}, keeps what each order has already counted, so a second delivery changes nothing —
 * which saves a store write and a changelog record on the two busiest topics.
 */
record AnalyticsInputs(
    KStream<String, TicketEvent> tickets,
    KStream<String, OrderEvent> orders,
    KStream<String, CardKeyEvent> cardKeys,
    KStream<String, FunnelEvent> funnel) {

  private static final Serde<String> STRING = Serdes.String();
  private static final Serde<byte[]> BYTES = Serdes.ByteArray();

  static AnalyticsInputs from(StreamsBuilder builder) {
    return new AnalyticsInputs(
        // Names of the ticket input predate the others and are kept: internal topics depend on
        // them.
        read(
            builder,
            Topics.TICKETS,
            EventParser.TICKETS,
            AnalyticsStores.TICKET_EVENT_IDS,
            TicketEvent::eventId,
            new Names(
                "tickets-source",
                "parse-ticket-event",
                "ticket-",
                "original-bytes",
                "dead-letter-sink",
                "ticket-event",
                "drop-redelivered-ticket-events")),
        read(builder, Topics.ORDERS, EventParser.ORDERS, null, null, Names.of("order")),
        read(builder, Topics.CARD_KEYS, EventParser.CARD_KEYS, null, null, Names.of("card-key")),
        // Funnel events are de-duplicated by FunnelSessions, which keeps their ids with the session
        read(builder, Topics.FUNNEL, EventParser.FUNNEL, null, null, Names.of("funnel")));
  }

  private record Names(
      String source,
      String parse,
      String branch,
      String original,
      String deadLetterSink,
      String event,
      String dedup) {
    static Names of(String input) {
      return new Names(
          input + "s-source",
          "parse-" + input + "-event",
          input + "-",
          input + "-original-bytes",
          input + "-dead-letter-sink",
          input + "-event",
          "drop-redelivered-" + input + "-events");
    }
  }

  private static <T> KStream<String, T> read(
      StreamsBuilder builder,
      String topic,
      EventParser<T> parser,
      String dedupStore, // null: no de-duplication here
      Function<T, String> eventId,
      Names names) {
    Map<String, KStream<String, Parsed<T>>> parsed =
        builder.stream(topic, Consumed.with(STRING, BYTES).withName(names.source()))
            .processValues(() -> new ParseEvents<>(parser), Named.as(names.parse()))
            .split(Named.as(names.branch()))
            .branch((key, result) -> result.isAccepted(), Branched.as("accepted"))
            .defaultBranch(Branched.as("rejected"));

    parsed
        .get(names.branch() + "rejected")
        .mapValues(Parsed::original, Named.as(names.original()))
        .to(Topics.DEAD_LETTER, Produced.with(STRING, BYTES).withName(names.deadLetterSink()));

    KStream<String, T> events =
        parsed.get(names.branch() + "accepted").mapValues(Parsed::event, Named.as(names.event()));
    return dedupStore == null
        ? events
        : events.processValues(
            new DropRedeliveredEvents<>(dedupStore, eventId), Named.as(names.dedup()));
  }
}
