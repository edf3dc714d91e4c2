package io.keydesk.analytics;

import io.keydesk.events.AnalyticsResults;
import io.keydesk.events.AnalyticsStores;
import io.keydesk.events.CardKeyEvent;
import io.keydesk.events.EventTypes;
import io.keydesk.events.FraudSignal;
import io.keydesk.events.OrderEvent;
import io.keydesk.events.TicketEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Joins the events of one order (orders, card keys, tickets; keyed by order number) in the store
 * {@link AnalyticsStores#ORDER_FACTS} and derives:
 *
 * <ul>
 *   <li>a delivered {@link Measure} for the product and the supplier, the first time an order event
 *       says keys were delivered ({@code deliveredKeys > 0});
 *   <li>a delivered measure for a key batch, the first time a {@code DELIVERED} card key of that
 *       batch is seen for the order;
 *   <li>a complaint measure for the product, the supplier and the batches of the order's keys (of
 *       the keys the ticket names, if it names any) on {@code TicketCreated};
 *   <li>a {@link FraudSignal.Kind#CLAIM_AFTER_REDEMPTION} signal, once per ticket and key, when
 *       such a ticket is about a key the shop reported redeemed before the ticket was created —
 *       whichever of the two events arrives first (the ticket is remembered with the order, and a
 *       later redemption or key is checked against it).
 * </ul>
 *
 * There is no order between topics: a ticket that arrives before its order's card keys is counted
 * for its product and supplier but for no batch. An order without any event for {@link #RETENTION}
 * (in stream time) is forgotten by the next pass over the store, within {@link #PURGE_PASS_EVERY}
 * more; a later ticket on it counts for its product and supplier only, and a later delivery event
 * counts it again.
 *
 * <p>A pass walks the whole store every {@link #PURGE_PASS_EVERY} of stream time, a slice at a
 * time: every {@link #PURGE_EVERY} it reads the next {@link #PURGE_SLICE} orders after where the
 * last slice ended, until it reaches the end of the store. A store of millions of orders is thus
 * read in short steps, never in one go that would hold up the stream thread for seconds, and each
 * order is read about 13 times in its 90 days rather than 90 (a pass a day).
 */
final class OrderFacts implements ProcessorSupplier<String, OrderInput, String, OrderFacts.Output> {

  /** How long an order without new events is remembered. */
  static final Duration RETENTION = Duration.ofDays(90);

  /** How often (stream time) a pass over the store for orders to forget begins. */
  static final Duration PURGE_PASS_EVERY = Duration.ofDays(7);

  /** How often (stream time) the next slice of a pass is read. */
  static final Duration PURGE_EVERY = Duration.ofMinutes(1);

  /** How many orders one check reads. */
  static final int PURGE_SLICE = 10_000;

  private final int purgeSlice;

  OrderFacts() {
    this(PURGE_SLICE);
  }

  /** With {@code purgeSlice} orders read per check (tests use small slices). */
  OrderFacts(int purgeSlice) {
    if (purgeSlice < 1) {
      throw new IllegalArgumentException("purgeSlice must be at least 1");
    }
    this.purgeSlice = purgeSlice;
  }

  /** Either a measure or a signal. */
  record Output(Measure measure, FraudSignal signal) {}

  @Override
  public Set<StoreBuilder<?>> stores() {
    return Set.of(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(AnalyticsStores.ORDER_FACTS),
                Serdes.String(),
                JsonSerde.binary(OrderState.class))
            .withCachingEnabled());
  }

  @Override
  public Processor<String, OrderInput, String, Output> get() {
    return new Processor<>() {
      private ProcessorContext<String, Output> context;
      private KeyValueStore<String, OrderState> factsStore;
      private ValueCache<String, OrderState> facts;

      /** Whether a pass over the store is under way. */
      private boolean purging;

      /** Where the next slice of the pass begins; null: at the beginning of the store. */
      private String purgeFrom;

      /** Stream time from which the next pass may begin. */
      private long nextPassAt = Long.MIN_VALUE;

      @Override
      public void init(ProcessorContext<String, Output> context) {
        this.context = context;
        this.factsStore = context.getStateStore(AnalyticsStores.ORDER_FACTS);
        this.facts = ValueCache.of(factsStore);
        context.schedule(PURGE_EVERY, PunctuationType.STREAM_TIME, this::forgetOldOrders);
      }

      private void forgetOldOrders(long streamTime) {
        if (!purging) {
          if (streamTime < nextPassAt) {
            return;
          }
          purging = true;
          purgeFrom = null;
          nextPassAt = streamTime + PURGE_PASS_EVERY.toMillis();
        }
        List<String> old = new ArrayList<>();
        String nextSlice = null;
        try (KeyValueIterator<String, OrderState> slice =
            purgeFrom == null ? factsStore.all() : factsStore.range(purgeFrom, null)) {
          for (int read = 0; slice.hasNext() && nextSlice == null; read++) {
            if (read == purgeSlice) {
              nextSlice = slice.peekNextKey();
            } else {
              KeyValue<String, OrderState> next = slice.next();
              if (next.value.lastAt < streamTime - RETENTION.toMillis()) {
                old.add(next.key);
              }
            }
          }
        }
        purgeFrom = nextSlice;
        purging = nextSlice != null;
        old.forEach(facts::delete);
      }

      @Override
      public void process(Record<String, OrderInput> record) {
        OrderState state = facts.get(record.key());
        if (state == null) {
          state = new OrderState();
        }
        state.lastAt = Math.max(state.lastAt, record.timestamp());
        OrderInput in = record.value();
        if (in.order() != null) {
          order(in.order(), state, record);
        } else if (in.cardKey() != null) {
          cardKey(in.cardKey(), state, record);
        } else if (in.ticket() != null) {
          ticket(in.ticket(), state, record);
        }
        facts.put(record.key(), state);
      }

      private void order(OrderEvent e, OrderState state, Record<String, OrderInput> record) {
        state.sku = e.productSku();
        state.supplier = e.supplierCode();
        if (e.deliveredKeys() > 0 && !state.deliveredCounted) {
          state.deliveredCounted = true;
          measure(record, Measure.DELIVERED, Measure.PRODUCT, e.productSku(), null, state);
          measure(record, Measure.DELIVERED, Measure.SUPPLIER, e.supplierCode(), null, state);
        }
      }

      private void cardKey(CardKeyEvent e, OrderState state, Record<String, OrderInput> record) {
        if (state.sku == null) {
          state.sku = e.productSku();
        }
        OrderState.KeyState key =
            state.keys.computeIfAbsent(
                Integer.toString(e.keyIndex()), i -> new OrderState.KeyState());
        key.fingerprint = e.fingerprint();
        if (e.batchCode() != null && !e.batchCode().isBlank()) {
          key.batch = e.batchCode();
        }
        switch (e.status()) {
          case "DELIVERED" -> {
            if (key.batch != null && state.batchesCounted.add(key.batch)) {
              measure(record, Measure.DELIVERED, Measure.BATCH, key.batch, null, state);
            }
          }
          case "REDEEMED" -> {
            if (key.redeemedAt == null) {
              key.redeemedAt = e.occurredAt().toEpochMilli();
            }
          }
          default -> {
            // VOIDED and future statuses change nothing here
          }
        }
        for (OrderState.Claim claim : state.claims) {
          if (key.concerns(claim)) {
            claimAfterRedemption(key, claim, record);
          }
        }
      }

      private void ticket(TicketEvent e, OrderState state, Record<String, OrderInput> record) {
        if (!EventTypes.TICKET_CREATED.equals(e.type())) {
          return;
        }
        Collection<OrderState.KeyState> concerned = concernedKeys(e, state);
        Set<String> batches = new LinkedHashSet<>();
        for (OrderState.KeyState key : concerned) {
          if (key.batch != null) {
            batches.add(key.batch);
          }
        }
        String sku = e.productSku() != null ? e.productSku() : state.sku;
        String supplier = e.supplierCode() != null ? e.supplierCode() : state.supplier;
        List<String> batchList = List.copyOf(batches);
        if (sku != null) {
          forward(record, complaint(Measure.PRODUCT, sku, e, sku, supplier, batchList));
        }
        if (supplier != null) {
          forward(record, complaint(Measure.SUPPLIER, supplier, e, sku, supplier, batchList));
        }
        for (String batch : batchList) {
          forward(record, complaint(Measure.BATCH, batch, e, sku, supplier, batchList));
        }
        OrderState.Claim claim = new OrderState.Claim();
        claim.ticketNo = e.ticketNo();
        claim.at = e.occurredAt().toEpochMilli();
        if (e.keyFingerprints() != null) {
          claim.fingerprints.addAll(e.keyFingerprints());
        }
        if (state.claims.stream().noneMatch(c -> c.ticketNo.equals(claim.ticketNo))) {
          state.claims.add(claim);
        }
        for (OrderState.KeyState key : concerned) {
          claimAfterRedemption(key, claim, record);
        }
      }

      /** Signals the claim once if it came after the key's redemption. */
      private void claimAfterRedemption(
          OrderState.KeyState key, OrderState.Claim claim, Record<String, OrderInput> record) {
        if (key.redeemedAt == null
            || key.redeemedAt >= claim.at
            || key.fingerprint == null
            || !key.claimedAfterRedemption.add(claim.ticketNo)) {
          return;
        }
        FraudSignal signal =
            new FraudSignal(
                AnalyticsResults.SCHEMA_VERSION,
                FraudSignal.Kind.CLAIM_AFTER_REDEMPTION.name(),
                "fingerprint",
                key.fingerprint,
                1,
                0,
                "all",
                null,
                "ticket "
                    + claim.ticketNo
                    + " on order "
                    + record.key()
                    + " claims a key reported redeemed at "
                    + Instant.ofEpochMilli(key.redeemedAt),
                Instant.ofEpochMilli(claim.at));
        context.forward(
            record
                .withKey(signal.kind() + "|" + key.fingerprint)
                .withValue(new Output(null, signal)));
      }

      /** The keys a ticket is about: those it names by fingerprint, else all keys of the order. */
      private Collection<OrderState.KeyState> concernedKeys(TicketEvent e, OrderState state) {
        List<String> named = e.keyFingerprints();
        if (named == null || named.isEmpty()) {
          return state.keys.values();
        }
        List<OrderState.KeyState> keys = new ArrayList<>();
        for (OrderState.KeyState key : state.keys.values()) {
          if (named.contains(key.fingerprint)) {
            keys.add(key);
          }
        }
        return keys;
      }

      private Measure complaint(
          String scope,
          String id,
          TicketEvent e,
          String sku,
          String supplier,
          List<String> batches) {
        return new Measure(Measure.COMPLAINT, scope, id, e.category(), sku, supplier, batches);
      }

      private void measure(
          Record<String, OrderInput> record,
          String kind,
          String scope,
          String id,
          String category,
          OrderState state) {
        forward(
            record, new Measure(kind, scope, id, category, state.sku, state.supplier, List.of()));
      }

      private void forward(Record<String, OrderInput> record, Measure measure) {
        context.forward(record.withKey(measure.key()).withValue(new Output(measure, null)));
      }
    };
  }
}
