package io.keydesk.analytics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The most recently used values of one state store, kept deserialized in front of it by the one
 * processor that writes the store. Writes go through to the store at once (its record cache,
 * changelog and RocksDB stay exactly as without this), so only reads are saved: a hot key is
 * decoded once instead of on every event. The profile of the streams benchmark put decoding store
 * values at a sixth of the job's CPU (docs/benchmarks.md, streams throughput).
 *
 * <p>Safe under exactly-once because it is owned by one processor of one task and made anew in the
 * processor's {@code init}: when a transaction is aborted, Kafka Streams closes the task dirty,
 * restores its stores and initializes its processors again, so a value changed by an aborted
 * transaction is never read from here. Values must be written back with {@link #put} after every
 * change (the processors read, change and put a value in one {@code process} call).
 *
 * @param <K> the key
 * @param <V> the value
 */
final class ValueCache<K, V> {

  /** Values kept per processor (per task) by default: the hot keys, not the whole store. */
  static final int DEFAULT_CAPACITY = 10_000;

  private final Function<K, V> load;
  private final BiConsumer<K, V> store;
  private final Consumer<K> delete;
  private final Map<K, V> values;

  private ValueCache(
      Function<K, V> load, BiConsumer<K, V> store, Consumer<K> delete, int capacity) {
    this.load = load;
    this.store = store;
    this.delete = delete;
    this.values =
        new LinkedHashMap<>(256, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > capacity;
          }
        };
  }

  /** In front of a key-value store. */
  static <K, V> ValueCache<K, V> of(KeyValueStore<K, V> kv) {
    return new ValueCache<>(kv::get, kv::put, kv::delete, DEFAULT_CAPACITY);
  }

  /** In front of anything: how to read, write and delete one key. */
  static <K, V> ValueCache<K, V> of(
      Function<K, V> load, BiConsumer<K, V> store, Consumer<K> delete, int capacity) {
    return new ValueCache<>(load, store, delete, capacity);
  }

  /** The value of {@code key}, from memory or the store; null when there is none. */
  V get(K key) {
    V value = values.get(key);
    if (value == null) {
      value = load.apply(key);
      if (value != null) {
        values.put(key, value);
      }
    }
    return value;
  }

  /** Writes {@code value} to the store and keeps it. */
  void put(K key, V value) {
    store.accept(key, value);
    values.put(key, value);
  }

  /** Deletes {@code key} from the store and from memory. */
  void delete(K key) {
    delete.accept(key);
    values.remove(key);
  }
}
