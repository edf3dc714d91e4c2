package io.keydesk.analytics;

import io.keydesk.events.AnalyticsStores;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards each event of one input topic once per {@code eventId}: the outbox relay delivers at
 * least once, so the same event can arrive again (same key, hence same partition and task). Seen
 * ids are kept in a window store (e.g. {@link AnalyticsStores#TICKET_EVENT_IDS}) for {@link
 * #HORIZON}: a re-delivery whose record timestamp is within the horizon of the first delivery's
 * (either side, so out-of-order is fine) is dropped, as long as stream time has not moved more than
 * the horizon past the first one; beyond it the store has forgotten the id and the event would
 * count again.
 */
final class DropRedeliveredEvents<T> implements FixedKeyProcessorSupplier<String, T, T> {

  /** How long an event id is remembered, in record time. */
  static final Duration HORIZON = Duration.ofDays(7);

  private static final Logger LOG = LoggerFactory.getLogger(DropRedeliveredEvents.class);

  private final String storeName;
  private final Function<T, String> eventId;

  DropRedeliveredEvents(String storeName, Function<T, String> eventId) {
    this.storeName = storeName;
    this.eventId = eventId;
  }

  @Override
  public Set<StoreBuilder<?>> stores() {
    return Set.of(
        Stores.windowStoreBuilder(
            Stores.persistentWindowStore(storeName, HORIZON, HORIZON, false),
            Serdes.String(),
            Serdes.Long()));
  }

  @Override
  public FixedKeyProcessor<String, T, T> get() {
    return new Processor();
  }

  private final class Processor implements FixedKeyProcessor<String, T, T> {
    private FixedKeyProcessorContext<String, T> context;
    private WindowStore<String, Long> seen;

    @Override
    public void init(FixedKeyProcessorContext<String, T> context) {
      this.context = context;
      this.seen = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, T> record) {
      String id = eventId.apply(record.value());
      long time = record.timestamp();
      long horizon = HORIZON.toMillis();
      try (WindowStoreIterator<Long> earlier =
          seen.fetch(id, Math.max(0, time - horizon), time + horizon)) {
        if (earlier.hasNext()) {
          LOG.debug("Dropped re-delivered event {} (key {})", id, record.key());
          return;
        }
      }
      seen.put(id, time, time);
      context.forward(record);
    }
  }
}
