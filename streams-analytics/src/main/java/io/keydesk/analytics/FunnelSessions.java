package io.keydesk.analytics;

import io.keydesk.events.AnalyticsStores;
import io.keydesk.events.FunnelEvent;
import io.keydesk.events.FunnelEvent.Action;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Session windows over the funnel events of one session id, with an inactivity gap of {@link #GAP},
 * turned into per-step deltas as soon as they are known:
 *
 * <ul>
 *   <li><b>entered</b> +1 the first time a session shows any action at a step;
 *   <li><b>completed</b> +1 the first time the step is {@code COMPLETED}, or ends the session
 *       ({@code DEFLECTED}, {@code HANDED_OFF}, {@code SUBMITTED}, {@code OUTCOME} viewed);
 *   <li><b>abandoned</b> +1 at the step of {@code LEFT} at once, or at the session's last step (the
 *       step of its latest event in event time, so out-of-order events do not move it back) when it
 *       has been idle for {@link #GAP} without ending.
 * </ul>
 *
 * Each delta is bucketed by the hour of the event time that caused it and by the session's mode,
 * language and channel (those of its first event; mode {@code unknown} when absent). Idleness is
 * judged against the highest event time this task has seen, checked every minute of stream time
 * (against an in-memory index of the open sessions by their latest event time, rebuilt from the
 * store when the task starts, instead of a scan of the store). Implemented as a processor rather
 * than DSL session windows so that a {@code LEFT} or a submitted case is counted at once instead of
 * when the window closes. An event arriving more than the gap after its session's last one starts a
 * new session.
 *
 * <p>Re-delivered events (same {@code eventId}, hence same key and task) are dropped here: the ids
 * of the events seen under a session id are kept in its entry with the record time of their first
 * delivery, for {@link #HORIZON} of record time, as the window store of {@link
 * DropRedeliveredEvents} keeps them for tickets — but without a store lookup, a store write and a
 * changelog record of their own per event. So an idled-out session's entry is not deleted but kept
 * closed, with its event ids only, until they are older than the horizon (checked every half
 * horizon of stream time).
 */
final class FunnelSessions implements ProcessorSupplier<String, FunnelEvent, String, FunnelDelta> {

  static final Duration GAP = Duration.ofMinutes(30);
  static final String UNKNOWN = "unknown";
  private static final Duration CHECK_EVERY = Duration.ofMinutes(1);

  /**
   * How long the id of a funnel event is remembered, in record time, to drop a re-delivery (the
   * outbox relay delivers at least once): as {@link DropRedeliveredEvents#HORIZON} for tickets.
   */
  static final Duration HORIZON = DropRedeliveredEvents.HORIZON;

  /**
   * How often (stream time) closed entries are looked for: every half horizon, so an entry is kept
   * 7 to 10.5 days, as the segments of a window store with a 7-day retention were, and each scan
   * (it reads every entry) comes twice a horizon, not daily.
   */
  private static final Duration FORGET_EVERY = HORIZON.dividedBy(2);

  private static final Logger LOG = LoggerFactory.getLogger(FunnelSessions.class);

  @Override
  public Set<StoreBuilder<?>> stores() {
    return Set.of(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(AnalyticsStores.FUNNEL_SESSIONS),
                Serdes.String(),
                JsonSerde.binary(FunnelSession.class))
            .withCachingEnabled());
  }

  @Override
  public Processor<String, FunnelEvent, String, FunnelDelta> get() {
    return new Processor<>() {
      private ProcessorContext<String, FunnelDelta> context;
      private KeyValueStore<String, FunnelSession> store;
      private ValueCache<String, FunnelSession> sessions;
      private long observed = Long.MIN_VALUE;

      /**
       * The open sessions by the event time of their latest event (session id → that time, and that
       * time → session ids), so that finding the idle ones does not scan the store: rebuilt from
       * the store in {@code init}, kept in step with every put and delete.
       */
      private final Map<String, Long> lastAtById = new HashMap<>();

      private final TreeMap<Long, Set<String>> idsByLastAt = new TreeMap<>();

      @Override
      public void init(ProcessorContext<String, FunnelDelta> context) {
        this.context = context;
        this.store = context.getStateStore(AnalyticsStores.FUNNEL_SESSIONS);
        this.sessions = ValueCache.of(store);
        lastAtById.clear();
        idsByLastAt.clear();
        try (KeyValueIterator<String, FunnelSession> all = store.all()) {
          while (all.hasNext()) {
            KeyValue<String, FunnelSession> next = all.next();
            if (next.value.open) {
              index(next.key, next.value.lastAt);
            }
          }
        }
        context.schedule(CHECK_EVERY, PunctuationType.STREAM_TIME, now -> closeIdle());
        context.schedule(FORGET_EVERY, PunctuationType.STREAM_TIME, this::forgetOldEventIds);
      }

      @Override
      public void process(Record<String, FunnelEvent> record) {
        FunnelEvent e = record.value();
        FunnelSession s = sessions.get(record.key());
        if (s != null && s.seen(e.eventId(), record.timestamp())) {
          LOG.debug("Dropped re-delivered event {} (key {})", e.eventId(), record.key());
          return;
        }
        long at = e.at().toEpochMilli();
        observed = Math.max(observed, at);
        Map<String, Long> eventIds = s == null ? new HashMap<>() : s.eventIds;
        if (s != null && s.open && at - s.lastAt >= GAP.toMillis()) {
          end(s); // the old session idled out before this event: a new one starts
          s = null;
        }
        if (s == null || !s.open) {
          s = new FunnelSession();
          s.eventIds = eventIds;
          s.lastAt = at;
          s.lastStep = e.step();
          s.mode = e.mode() == null || e.mode().isBlank() ? UNKNOWN : e.mode();
          s.language = e.language();
          s.channel = e.channel();
        }
        Action action = Action.valueOf(e.action());
        long entered = s.entered.add(e.step()) ? 1 : 0;
        boolean ends =
            action == Action.DEFLECTED
                || action == Action.HANDED_OFF
                || action == Action.SUBMITTED
                || ("OUTCOME".equals(e.step()) && action == Action.VIEWED);
        long completed = (ends || action == Action.COMPLETED) && s.completed.add(e.step()) ? 1 : 0;
        if (at >= s.lastAt) {
          s.lastAt = at;
          s.lastStep = e.step();
        }
        long abandoned = 0;
        if (action == Action.LEFT && !s.ended) {
          abandoned = 1;
          s.ended = true;
        }
        if (ends) {
          s.ended = true;
        }
        // one delta for all that this event changed at its step (same bucket, so same key)
        if (entered + completed + abandoned > 0) {
          emit(s, e.step(), at, entered, completed, abandoned);
        }
        long forgetBefore = context.currentStreamTimeMs() - HORIZON.toMillis();
        s.eventIds.values().removeIf(first -> first < forgetBefore);
        s.eventIds.putIfAbsent(e.eventId(), record.timestamp());
        sessions.put(record.key(), s);
        index(record.key(), s.lastAt);
      }

      private void index(String id, long lastAt) {
        Long before = lastAtById.put(id, lastAt);
        if (before != null && before == lastAt) {
          return;
        }
        if (before != null) {
          unindex(id, before);
        }
        idsByLastAt.computeIfAbsent(lastAt, t -> new HashSet<>()).add(id);
      }

      private void unindex(String id, long lastAt) {
        Set<String> ids = idsByLastAt.get(lastAt);
        if (ids != null && ids.remove(id) && ids.isEmpty()) {
          idsByLastAt.remove(lastAt);
        }
      }

      /** Ends every session idle for the gap (against the highest event time seen). */
      private void closeIdle() {
        if (observed == Long.MIN_VALUE) {
          return;
        }
        // idle: observed - lastAt >= GAP; in session id order, as a scan of the store would be
        List<String> idle = new ArrayList<>();
        idsByLastAt.headMap(observed - GAP.toMillis(), true).values().forEach(idle::addAll);
        Collections.sort(idle);
        for (String id : idle) {
          FunnelSession session = sessions.get(id);
          if (session != null) {
            end(session);
          }
          if (session == null || session.eventIds.isEmpty()) {
            sessions.delete(id);
          } else {
            sessions.put(id, closed(session.eventIds)); // its event ids are still needed
          }
          unindex(id, lastAtById.remove(id));
        }
      }

      /**
       * Deletes the closed entries whose event ids are all older than the horizon (in stream time,
       * i.e. record time), every {@link #FORGET_EVERY} of stream time: the store is scanned, as
       * {@link OrderFacts} does for old orders.
       */
      private void forgetOldEventIds(long streamTime) {
        long forgetBefore = streamTime - HORIZON.toMillis();
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, FunnelSession> all = store.all()) {
          while (all.hasNext()) {
            KeyValue<String, FunnelSession> next = all.next();
            if (!next.value.open && next.value.newestEventId() < forgetBefore) {
              old.add(next.key);
            }
          }
        }
        old.forEach(sessions::delete);
      }

      private FunnelSession closed(Map<String, Long> eventIds) {
        FunnelSession closed = new FunnelSession();
        closed.open = false;
        closed.ended = true;
        closed.eventIds = eventIds;
        return closed;
      }

      private void end(FunnelSession s) {
        if (!s.ended) {
          emit(s, s.lastStep, s.lastAt, 0, 0, 1);
          s.ended = true;
        }
      }

      private void emit(
          FunnelSession s, String step, long at, long entered, long completed, long abandoned) {
        FunnelDelta delta =
            new FunnelDelta(
                step,
                s.mode,
                s.language,
                s.channel,
                ComplaintRates.hourStart(at),
                entered,
                completed,
                abandoned);
        context.forward(new Record<>(delta.key(), delta, at));
      }
    };
  }
}
