package io.keydesk.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keydesk.analytics.ScalingWorkload.Event;
import io.keydesk.analytics.ScalingWorkload.Phase;
import io.keydesk.embedded.ChildProcess;
import io.keydesk.embedded.KafkaBroker;
import io.keydesk.embedded.Ports;
import io.keydesk.events.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real job on a real broker (input topics of 2 partitions, exactly_once_v2) gives the same
 * results however many instances run it, and when one of two instances is killed mid-way. Each run
 * gets its own broker and reads the same {@link ScalingWorkload}, phase by phase; the results are
 * read back with {@code read_committed}: the latest value per key of the result tables, and every
 * record of the event topics (alerts, fraud signals, dead letters), so a lost or double-counted
 * event, or an alert or signal raised twice, shows as a difference.
 */
class ScalingIT {

  private static final Duration PATIENCE = Duration.ofMinutes(2);
  private static final int PARTITIONS = 2;
  private static final List<Phase> WORKLOAD = ScalingWorkload.phases();

  /** Result topics read as tables: the latest record per key is the result. */
  private static final List<String> TABLES =
      List.of(Topics.TICKETS_PER_CATEGORY, Topics.COMPLAINT_RATES, Topics.FUNNEL_STEPS);

  /** Result topics read as events: every record counts. */
  private static final List<String> EVENTS =
      List.of(Topics.PRODUCT_ALERTS, Topics.FRAUD_SIGNALS, Topics.DEAD_LETTER);

  private static Map<String, Map<String, List<String>>> singleInstance;

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path tmp;

  private KafkaBroker broker;
  private final List<AutoCloseable> running = new ArrayList<>();

  /** The reference: one instance, one thread. */
  @BeforeAll
  static void runOneInstance(@TempDir Path dir) throws Exception {
    try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"), Ports.freePort());
        StreamsApp app = inProcess(broker, dir.resolve("streams"), "scaling-single")) {
      assertTrue(app.awaitRunning(PATIENCE), () -> "not RUNNING but " + app.state());
      for (Phase phase : WORKLOAD) {
        produce(broker, phase);
        awaitProcessed(broker, "scaling-single", phase);
      }
      singleInstance = results(broker);
    }
    assertTheWorkloadShowsEverything(singleInstance);
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = running.size() - 1; i >= 0; i--) {
      running.get(i).close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void twoInstancesGiveTheSameResultsAsOne() throws Exception {
    broker = KafkaBroker.start(tmp.resolve("kafka"), Ports.freePort());
    String appId = "scaling-pair";
    StreamsApp first = inProcess(broker, tmp.resolve("streams-a"), appId);
    running.add(first);
    StreamsApp second = inProcess(broker, tmp.resolve("streams-b"), appId);
    running.add(second);
    assertTrue(first.awaitRunning(PATIENCE), () -> "first not RUNNING but " + first.state());
    assertTrue(second.awaitRunning(PATIENCE), () -> "second not RUNNING but " + second.state());
    awaitMembers(appId, 2);

    for (Phase phase : WORKLOAD) {
      produce(broker, phase);
      awaitProcessed(broker, appId, phase);
    }

    assertSameResults(singleInstance, results(broker));
  }

  @Test
  void killingOneOfTwoInstancesMidwayLosesAndDoubleCountsNothing() throws Exception {
    broker = KafkaBroker.start(tmp.resolve("kafka"), Ports.freePort());
    String appId = "scaling-kill";
    ChildProcess survivor = instance("survivor", appId);
    ChildProcess victim = instance("victim", appId);
    awaitMembers(appId, 2);

    int half = WORKLOAD.size() / 2;
    for (Phase phase : WORKLOAD.subList(0, half)) {
      produce(broker, phase);
      awaitProcessed(broker, appId, phase);
    }
    // A real kill: SIGKILL, no close, no commit, no leaving the group; the group notices only
    // after the session timeout, and its tasks move to the survivor with their state restored
    // from the changelogs.
    ProcessHandle victimHandle = ProcessHandle.of(victim.pid()).orElseThrow();
    assertTrue(victimHandle.destroyForcibly(), "SIGKILL sent");
    victimHandle.onExit().get(30, TimeUnit.SECONDS);
    assertFalse(victim.isAlive(), "the killed instance is gone");
    for (Phase phase : WORKLOAD.subList(half, WORKLOAD.size())) {
      produce(broker, phase);
      awaitProcessed(broker, appId, phase);
    }
    assertTrue(survivor.isAlive(), () -> "survivor died:\n" + survivor.logTail(40));

    assertSameResults(singleInstance, results(broker));
  }

  // --- the job ---

  private static StreamsApp inProcess(KafkaBroker broker, Path stateDir, String appId) {
    StreamsApp app =
        new StreamsApp(
            ScalingInstance.settings(broker.bootstrapServers(), stateDir, appId, PARTITIONS),
            ScalingInstance.FAST_FAILOVER);
    app.start();
    return app;
  }

  /** Starts an instance in its own JVM (stopped after the test if still alive). */
  private ChildProcess instance(String name, String appId) {
    List<String> command =
        List.of(
            ChildProcess.javaExecutable(),
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            ScalingInstance.class.getName(),
            broker.bootstrapServers(),
            tmp.resolve("streams-" + name).toString(),
            appId,
            Integer.toString(PARTITIONS));
    ChildProcess child =
        ChildProcess.builder("streams-" + name, command)
            .logFile(tmp.resolve(name + ".log"))
            .stopGrace(Duration.ofSeconds(20))
            .start();
    running.add(child);
    return child;
  }

  /** Waits until the group is stable with {@code members} members (so both own tasks). */
  private void awaitMembers(String appId, int members) throws Exception {
    try (Admin admin = admin(broker)) {
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      ConsumerGroupDescription group = null;
      while (System.nanoTime() < deadline) {
        try {
          group = admin.describeConsumerGroups(List.of(appId)).all().get().get(appId);
          if (group.groupState() == GroupState.STABLE && group.members().size() == members) {
            return;
          }
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof GroupIdNotFoundException)) { // not yet: still starting
            throw e;
          }
        }
        Thread.sleep(200);
      }
      throw new AssertionError("group " + appId + " not stable with " + members + ": " + group);
    }
  }

  // --- input ---

  private static void produce(KafkaBroker broker, Phase phase) throws Exception {
    try (KafkaProducer<String, byte[]> relay =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true),
            new StringSerializer(),
            new ByteArraySerializer())) {
      for (Event event : phase.events()) {
        relay.send(
            new ProducerRecord<>(
                event.topic(), null, event.at().toEpochMilli(), event.key(), event.value()));
      }
      relay.flush();
    }
  }

  /**
   * Waits until the group has committed every record of the input and repartition topics. The
   * committed offsets are read before the end offsets: a transaction that writes to a repartition
   * topic also commits the offsets of the records it came from, so if it was not committed when the
   * committed offsets were read, the lag of its source shows. A transactional topic ends with a
   * commit marker, which the job need not commit past (hence "at most one" behind there).
   */
  private static void awaitProcessed(KafkaBroker broker, String appId, Phase phase)
      throws Exception {
    try (Admin admin = admin(broker)) {
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      Map<TopicPartition, Long> lag = Map.of();
      int quietChecks = 0;
      Map<TopicPartition, Long> previous = Map.of();
      while (System.nanoTime() < deadline) {
        Set<String> repartition =
            admin.listTopics().names().get().stream()
                .filter(name -> name.startsWith(appId + "-") && name.endsWith("-repartition"))
                .collect(Collectors.toSet());
        Set<String> inputs = Set.of(Topics.TICKETS, Topics.ORDERS, Topics.CARD_KEYS, Topics.FUNNEL);
        Set<TopicPartition> partitions = new TreeSet<>(ScalingIT::compare);
        for (String topic : union(inputs, repartition)) {
          partitions.addAll(partitionsOf(admin, topic));
        }
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin.listConsumerGroupOffsets(appId).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, ListOffsetsResultInfo> ends =
            admin
                .listOffsets(
                    partitions.stream()
                        .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                .all()
                .get();
        lag = new TreeMap<>(ScalingIT::compare);
        for (TopicPartition partition : partitions) {
          long end = ends.get(partition).offset();
          OffsetAndMetadata done = committed.get(partition);
          long behind = end - (done == null ? 0 : done.offset());
          long allowed = repartition.contains(partition.topic()) && end > 0 ? 1 : 0;
          if (behind > allowed) {
            lag.put(partition, behind);
          }
        }
        // and nothing moved since the last check (no commit or marker on its way)
        Map<TopicPartition, Long> snapshot = new HashMap<>();
        committed.forEach((partition, offset) -> snapshot.put(partition, offset.offset()));
        ends.forEach((partition, end) -> snapshot.put(partition, -1 - end.offset()));
        quietChecks = lag.isEmpty() && snapshot.equals(previous) ? quietChecks + 1 : 0;
        previous = snapshot;
        if (quietChecks == 2) {
          return;
        }
        Thread.sleep(250);
      }
      throw new AssertionError(appId + " did not process \"" + phase.name() + "\"; lag " + lag);
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  private static List<TopicPartition> partitionsOf(Admin admin, String topic)
      throws InterruptedException, ExecutionException {
    TopicDescription description =
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
    return description.partitions().stream()
        .map(info -> new TopicPartition(topic, info.partition()))
        .toList();
  }

  private static int compare(TopicPartition a, TopicPartition b) {
    int byTopic = a.topic().compareTo(b.topic());
    return byTopic != 0 ? byTopic : Integer.compare(a.partition(), b.partition());
  }

  // --- results ---

  /**
   * Result topic → key → values (read_committed): the latest value for the tables, every value in
   * order for the event topics.
   */
  private static Map<String, Map<String, List<String>>> results(KafkaBroker broker)
      throws Exception {
    Map<String, Map<String, List<String>>> results = new TreeMap<>();
    for (String topic : TABLES) {
      results.put(topic, read(broker, topic, true));
    }
    for (String topic : EVENTS) {
      results.put(topic, read(broker, topic, false));
    }
    return results;
  }

  private static Map<String, List<String>> read(KafkaBroker broker, String topic, boolean latest)
      throws Exception {
    Map<String, List<String>> values = new TreeMap<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new StringDeserializer(),
            new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(info -> new TopicPartition(info.topic(), info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      // Wait until no transaction is open (a killed instance's is aborted after the transaction
      // timeout): the last stable offset, where a read_committed reader stops, is then the end.
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (!consumer.endOffsets(partitions).equals(highWatermarks(broker, partitions))) {
        if (System.nanoTime() > deadline) {
          throw new TimeoutException("a transaction stays open on " + topic);
        }
        Thread.sleep(200);
      }
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new TimeoutException("reading " + topic + " up to " + ends);
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          List<String> list = values.computeIfAbsent(record.key(), key -> new ArrayList<>());
          if (latest) {
            list.clear();
          }
          list.add(record.value());
        }
      }
    }
    return values;
  }

  private static Map<TopicPartition, Long> highWatermarks(
      KafkaBroker broker, List<TopicPartition> partitions) throws Exception {
    try (Admin admin = admin(broker)) {
      Map<TopicPartition, Long> ends = new HashMap<>();
      admin
          .listOffsets(
              partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
          .all()
          .get()
          .forEach((partition, info) -> ends.put(partition, info.offset()));
      return ends;
    }
  }

  private static void assertSameResults(
      Map<String, Map<String, List<String>>> expected,
      Map<String, Map<String, List<String>>> actual) {
    for (String topic : expected.keySet()) {
      Map<String, List<String>> want = expected.get(topic);
      Map<String, List<String>> got = actual.get(topic);
      assertEquals(want.keySet(), got.keySet(), () -> topic + ": keys; all results " + actual);
      for (String key : want.keySet()) {
        assertEquals(want.get(key), got.get(key), topic + " " + key);
      }
    }
  }

  /**
   * Guards against a comparison of empty or trivial results: the reference run shows every kind of
   * result the workload is built to produce.
   */
  private static void assertTheWorkloadShowsEverything(
      Map<String, Map<String, List<String>>> results) {
    Map<String, List<String>> rates = results.get(Topics.COMPLAINT_RATES);
    for (String key :
        List.of(
            "product|SKU-A|1h",
            "product|SKU-A|24h",
            "product|SKU-B|7d",
            "supplier|SUP-2|24h",
            "batch|BATCH-A1|24h",
            "batch|BATCH-A2|24h")) {
      assertTrue(rates.containsKey(key), () -> key + " in " + rates.keySet());
    }
    JsonNode day = json(rates.get("product|SKU-A|24h"));
    assertEquals(100, day.path("delivered").asLong(), "SKU-A delivered over 5 hours");
    assertEquals(12, day.path("complaints").asLong(), "SKU-A complaints over 5 hours");

    List<String> alerts = results.get(Topics.PRODUCT_ALERTS).get("SKU-A");
    assertEquals(1, alerts == null ? 0 : alerts.size(), () -> "one alert for SKU-A: " + alerts);

    Set<String> kinds =
        results.get(Topics.FRAUD_SIGNALS).keySet().stream()
            .map(key -> key.substring(0, key.indexOf('|')))
            .collect(Collectors.toSet());
    assertEquals(
        Set.of(
            "BUYER_CLAIM_VELOCITY",
            "SHARED_IP",
            "SHARED_DEVICE",
            "DUPLICATE_KEY_CLAIM",
            "CLAIM_AFTER_REDEMPTION",
            "REFUND_RATIO"),
        kinds,
        () -> "fraud signals " + results.get(Topics.FRAUD_SIGNALS).keySet());

    long abandoned = 0;
    long completed = 0;
    for (List<String> values : results.get(Topics.FUNNEL_STEPS).values()) {
      JsonNode count = json(values);
      abandoned += count.path("abandoned").asLong();
      completed += count.path("completed").asLong();
    }
    assertTrue(abandoned > 0 && completed > 0, "funnel counts abandoned and completed steps");
    assertEquals(1, results.get(Topics.DEAD_LETTER).size(), "the corrupt record, once");
    assertFalse(results.get(Topics.TICKETS_PER_CATEGORY).isEmpty());
  }

  private static JsonNode json(Collection<String> values) {
    try {
      return JsonSerde.MAPPER.readTree(values.iterator().next());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Admin admin(KafkaBroker broker) {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
            10_000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            10_000));
  }
}
