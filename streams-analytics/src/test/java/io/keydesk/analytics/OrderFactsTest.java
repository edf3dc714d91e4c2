package io.keydesk.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keydesk.events.AnalyticsStores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the order facts forget orders that have been quiet for longer than the retention. */
class OrderFactsTest {

  private static final long OLD = Instant.parse("2026-08-01T00:00:00Z").toEpochMilli();
  private static final long NOW = OLD + OrderFacts.RETENTION.plusDays(1).toMillis();
  private static final long RECENT = NOW - Duration.ofDays(3).toMillis();
  private static final long MINUTE = OrderFacts.PURGE_EVERY.toMillis();

  private KeyValueStore<String, OrderState> store;
  private Punctuator purge;

  @BeforeEach
  void start() {
    MockProcessorContext<String, OrderFacts.Output> context = new MockProcessorContext<>();
    store =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(AnalyticsStores.ORDER_FACTS),
                Serdes.String(),
                JsonSerde.binary(OrderState.class))
            .withLoggingDisabled()
            .build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
    new OrderFacts(2).get().init(context);
    purge = context.scheduledPunctuators().get(0).getPunctuator();
  }

  @Test
  void aPassReadsTheStoreASliceAtATimeAndForgetsOnlyQuietOrders() {
    remember("O-1", OLD);
    remember("O-2", RECENT);
    remember("O-3", OLD);
    remember("O-4", RECENT);
    remember("O-5", OLD);

    purge.punctuate(NOW);
    assertEquals(List.of("O-2", "O-3", "O-4", "O-5"), orders(), "the first slice: O-1 and O-2");
    purge.punctuate(NOW + MINUTE);
    assertEquals(List.of("O-2", "O-4", "O-5"), orders(), "the second slice: O-3 and O-4");
    purge.punctuate(NOW + 2 * MINUTE);
    assertEquals(List.of("O-2", "O-4"), orders(), "the last slice: O-5");

    remember("O-6", OLD);
    purge.punctuate(NOW + 3 * MINUTE);
    purge.punctuate(NOW + 4 * MINUTE);
    assertEquals(List.of("O-2", "O-4", "O-6"), orders(), "the next pass begins a week later");

    long nextPass = NOW + OrderFacts.PURGE_PASS_EVERY.toMillis();
    purge.punctuate(nextPass - MINUTE);
    assertEquals(List.of("O-2", "O-4", "O-6"), orders());
    purge.punctuate(nextPass);
    purge.punctuate(nextPass + MINUTE);
    assertEquals(List.of("O-2", "O-4"), orders());
  }

  @Test
  void anOrderIsKeptForTheWholeRetention() {
    remember("O-1", NOW - OrderFacts.RETENTION.toMillis());
    remember("O-2", NOW - OrderFacts.RETENTION.toMillis() - 1);

    purge.punctuate(NOW);
    purge.punctuate(NOW + MINUTE);
    assertEquals(List.of("O-1"), orders());
  }

  @Test
  void aSliceHoldsAtLeastOneOrder() {
    assertThrows(IllegalArgumentException.class, () -> new OrderFacts(0));
  }

  private void remember(String orderNo, long lastAt) {
    OrderState state = new OrderState();
    state.sku = "SKU-" + orderNo;
    state.lastAt = lastAt;
    store.put(orderNo, state);
  }

  private List<String> orders() {
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator<String, OrderState> all = store.all()) {
      all.forEachRemaining(kv -> keys.add(kv.key));
    }
    return keys;
  }
}
