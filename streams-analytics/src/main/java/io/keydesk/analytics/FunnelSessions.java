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
 */
final class FunnelSessions implements ProcessorSupplier<String, FunnelEvent, String, FunnelDelta> {

  static final Duration GAP = Duration.ofMinutes(30);
  static final String UNKNOWN = "unknown";
  private static final Duration CHECK_EVERY = Duration.ofMinutes(1);

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
            index(next.key, next.value.lastAt);
          }
        }
        context.schedule(CHECK_EVERY, PunctuationType.STREAM_TIME, now -> closeIdle());
      }

      @Override
      public void process(Record<String, FunnelEvent> record) {
        FunnelEvent e = record.value();
        long at = e.at().toEpochMilli();
        observed = Math.max(observed, at);
        FunnelSession s = sessions.get(record.key());
        if (s != null && at - s.lastAt >= GAP.toMillis()) {
          end(s); // the old session idled out before this event: a new one starts
          s = null;
        }
        if (s == null) {
          s = new FunnelSession();
          s.lastAt = at;
          s.lastStep = e.step();
          s.mode = e.mode() == null || e.mode().isBlank() ? UNKNOWN : e.mode();
          s.language = e.language();
          s.channel = e.channel();
        }
        Action action = Action.valueOf(e.action());
        if (s.entered.add(e.step())) {
          emit(s, e.step(), at, 1, 0, 0);
        }
        boolean ends =
            action == Action.DEFLECTED
                || action == Action.HANDED_OFF
                || action == Action.SUBMITTED
                || ("OUTCOME".equals(e.step()) && action == Action.VIEWED);
        if ((ends || action == Action.COMPLETED) && s.completed.add(e.step())) {
          emit(s, e.step(), at, 0, 1, 0);
        }
        if (at >= s.lastAt) {
          s.lastAt = at;
          s.lastStep = e.step();
        }
        if (action == Action.LEFT && !s.ended) {
          emit(s, e.step(), at, 0, 0, 1);
          s.ended = true;
        }
        if (ends) {
          s.ended = true;
        }
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
          sessions.delete(id);
          unindex(id, lastAtById.remove(id));
        }
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
