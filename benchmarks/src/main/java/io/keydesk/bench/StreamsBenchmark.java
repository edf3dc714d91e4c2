package io.keydesk.bench;

import static java.lang.System.Logger.Level.INFO;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.keydesk.analytics.StreamsApp;
import io.keydesk.analytics.StreamsSettings;
import io.keydesk.embedded.KafkaBroker;
import io.keydesk.events.CardKeyEvent;
import io.keydesk.events.EventTypes;
import io.keydesk.events.FunnelEvent;
import io.keydesk.events.OrderEvent;
import io.keydesk.events.TicketEvent;
import io.keydesk.events.Topics;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Sustained throughput of the whole streams job (issue 5, item 11, first figure): a realistic mix
 * of events is produced onto the four input topics of a real local broker, then the job's topology
 * ({@link StreamsApp}, {@code exactly_once_v2}) is started in this JVM and consumes the backlog.
 * Events/s = input records ÷ time from start until the job's committed offsets reach the end of
 * every input partition (read with the AdminClient). CPU of the job (this JVM; the producer has
 * finished before the job starts) and of the broker are measured over the same interval.
 *
 * <p>The mix, per 100 orders: 100 {@code OrderImported} (one delivered key each), 100 card keys
 * {@code DELIVERED}, 30 {@code REDEEMED}, 8 {@code TicketCreated} (with buyer, IP, device and key
 * fingerprint), 16 {@code TicketTransitioned} (to IN_REVIEW, then RESOLVED), and 77 funnel steps (8
 * filing sessions of 6 steps, 5 deflected sessions of 4, 3 abandoned sessions of 3): 331 events.
 * Event times are spread over the last {@code --hours} hours in order-number order.
 */
public final class StreamsBenchmark {
  private static final System.Logger LOG = System.getLogger(StreamsBenchmark.class.getName());
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();
  private static final List<String> INPUTS =
      List.of(Topics.ORDERS, Topics.CARD_KEYS, Topics.TICKETS, Topics.FUNNEL);
  private static final String APP_ID = "keydesk-analytics-bench";

  private StreamsBenchmark() {}

  record Options(
      int orders,
      int hours,
      int threads,
      Duration timeout,
      boolean keepData,
      boolean sql,
      int sqlOrders,
      int sqlTickets,
      int repeats,
      boolean freshness,
      int tickets,
      int perSecond) {
    static final String USAGE =
        String.join(
            "\n",
            "Usage: benchmarks/streams [options]",
            "  --orders 150000   orders in the backlog (331 events per 100 orders)",
            "  --hours 48        event times spread over this many past hours",
            "  --threads 1       stream threads of the job (the input topics have 3 partitions)",
            "  --timeout-seconds 900  give up when the lag is not 0 by then",
            "  --keep-data       keep the data folder under benchmarks/target",
            "  --sql             instead: complaint rates by SQL on MariaDB vs the streamed read"
                + " model",
            "  --sql-orders 5000000   orders loaded for --sql",
            "  --sql-tickets 1000000  tickets loaded for --sql",
            "  --repeats 10      timed runs of each query for --sql",
            "  --freshness       instead: API 201 → updated complaint rate (Payara + job + broker)",
            "  --tickets 200     tickets filed for --freshness",
            "  --per-second 5    tickets per second for --freshness");

    static Options parse(String... args) {
      int orders = 150_000;
      int hours = 48;
      int threads = 1;
      Duration timeout = Duration.ofSeconds(900);
      boolean keep = false;
      boolean sql = false;
      int sqlOrders = 5_000_000;
      int sqlTickets = 1_000_000;
      int repeats = 10;
      boolean freshness = false;
      int tickets = 200;
      int perSecond = 5;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--orders" -> orders = positive(args, ++i);
          case "--hours" -> hours = positive(args, ++i);
          case "--threads" -> threads = positive(args, ++i);
          case "--timeout-seconds" -> timeout = Duration.ofSeconds(positive(args, ++i));
          case "--keep-data" -> keep = true;
          case "--sql" -> sql = true;
          case "--sql-orders" -> sqlOrders = positive(args, ++i);
          case "--sql-tickets" -> sqlTickets = positive(args, ++i);
          case "--repeats" -> repeats = positive(args, ++i);
          case "--freshness" -> freshness = true;
          case "--tickets" -> tickets = positive(args, ++i);
          case "--per-second" -> perSecond = positive(args, ++i);
          case "--help", "-h" -> {
            System.out.println(USAGE);
            System.exit(0);
          }
          default -> throw new IllegalArgumentException("Unknown option " + args[i] + "\n" + USAGE);
        }
      }
      if (sqlTickets > sqlOrders) {
        throw new IllegalArgumentException("--sql-tickets must not exceed --sql-orders");
      }
      return new Options(
          orders,
          hours,
          threads,
          timeout,
          keep,
          sql,
          sqlOrders,
          sqlTickets,
          repeats,
          freshness,
          tickets,
          perSecond);
    }

    private static int positive(String[] args, int i) {
      if (i >= args.length) {
        throw new IllegalArgumentException(args[i - 1] + " needs a value\n" + USAGE);
      }
      int value = Integer.parseInt(args[i]);
      if (value < 1) {
        throw new IllegalArgumentException(args[i - 1] + " must be at least 1");
      }
      return value;
    }
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    Path root = Path.of(System.getProperty("keydesk.root", ".")).toAbsolutePath();
    MachineFacts machine = MachineFacts.collect(root);
    if (options.freshness()) {
      String report =
          FreshnessBenchmark.run(
              root, machine, String.join(" ", args), options.tickets(), options.perSecond());
      System.out.println(report);
      Files.writeString(
          root.resolve("benchmarks/target/freshness-report.md"), report, StandardCharsets.UTF_8);
      return;
    }
    if (options.sql()) {
      StringBuilder report =
          new StringBuilder(
              SqlRatesBenchmark.run(
                  root, machine, options.sqlOrders(), options.sqlTickets(), options.repeats()));
      report.insert(
          report.indexOf("\n\n") + 2,
          String.format(
              Locale.ROOT,
              "- Machine: %s CPUs (%s), %s RAM, Linux %s; load average at start %s%n"
                  + "- Java: %s; commit %s%n- Command: `benchmarks/streams %s`%n",
              machine.nproc(),
              machine.cpuModel(),
              machine.memory(),
              machine.kernel(),
              machine.loadAverage(),
              machine.java(),
              machine.commit(),
              String.join(" ", args)));
      System.out.println(report);
      Files.writeString(
          root.resolve("benchmarks/target/sql-rates-report.md"),
          report.toString(),
          StandardCharsets.UTF_8);
      return;
    }
    Path work = root.resolve("benchmarks/target/streams-bench");
    Servers.deleteRecursively(work);
    Files.createDirectories(work);
    try (KafkaBroker kafka = Servers.startKafka(work)) {
      String bootstrap = kafka.bootstrapServers();
      long brokerPid =
          ProcessStats.pidFromFile(work.resolve("kafka").resolve(KafkaBroker.PID_FILE));

      long produceStart = System.nanoTime();
      Map<String, Long> produced = produce(bootstrap, options);
      double produceSeconds = (System.nanoTime() - produceStart) / 1e9;
      long total = produced.values().stream().mapToLong(Long::longValue).sum();
      LOG.log(INFO, "Produced {0} events in {1} s: {2}", total, produceSeconds, produced);

      StreamsSettings settings =
          new StreamsSettings(
              bootstrap, work.resolve("state"), APP_ID, (short) 1, options.threads(), 3, true);
      try (Admin admin =
          Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
        Map<TopicPartition, Long> ends = endOffsets(admin, INPUTS);
        ProcessStats.CpuSnapshot cpu = ProcessStats.CpuSnapshot.take(Map.of("broker", brokerPid));
        long start = System.nanoTime();
        AtomicReference<Double> runningAfter = new AtomicReference<>();
        try (StreamsApp app = new StreamsApp(settings)) {
          app.start();
          long deadline = start + options.timeout().toNanos();
          long lag = Long.MAX_VALUE;
          long lastLog = start;
          while (System.nanoTime() < deadline) {
            if (runningAfter.get() == null && app.state() == KafkaStreams.State.RUNNING) {
              runningAfter.set((System.nanoTime() - start) / 1e9);
            }
            if (app.state() == KafkaStreams.State.ERROR
                || app.state() == KafkaStreams.State.NOT_RUNNING) {
              throw new IllegalStateException("The job stopped in state " + app.state());
            }
            lag = lag(admin, ends);
            if (lag == 0) {
              break;
            }
            if (System.nanoTime() - lastLog > TimeUnit.SECONDS.toNanos(10)) {
              LOG.log(INFO, "lag {0} of {1}", lag, total);
              lastLog = System.nanoTime();
            }
            Thread.sleep(100);
          }
          double seconds = (System.nanoTime() - start) / 1e9;
          ProcessStats.CpuUsage usage = cpu.since();
          if (lag != 0) {
            throw new IllegalStateException(
                "Lag still " + lag + " after " + options.timeout().toSeconds() + " s");
          }
          Map<String, Long> outputs =
              sums(
                  endOffsets(
                      admin,
                      List.of(
                          Topics.COMPLAINT_RATES,
                          Topics.FUNNEL_STEPS,
                          Topics.FRAUD_SIGNALS,
                          Topics.PRODUCT_ALERTS,
                          Topics.TICKETS_PER_CATEGORY,
                          Topics.DEAD_LETTER)));
          List<String> internal =
              admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                  .filter(name -> name.startsWith(APP_ID + "-"))
                  .sorted()
                  .toList();
          outputs.putAll(sums(endOffsets(admin, internal)));
          String report =
              report(
                  machine,
                  options,
                  args,
                  produced,
                  produceSeconds,
                  total,
                  seconds,
                  runningAfter.get(),
                  usage,
                  outputs);
          System.out.println(report);
          Files.writeString(
              root.resolve("benchmarks/target/streams-report.md"), report, StandardCharsets.UTF_8);
        }
      }
    } finally {
      if (!options.keepData()) {
        Servers.deleteRecursively(work);
      }
    }
  }

  private static Map<String, Long> produce(String bootstrap, Options options) throws Exception {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    Map<String, Long> counts = new LinkedHashMap<>();
    INPUTS.forEach(topic -> counts.put(topic, 0L));
    SplittableRandom random = new SplittableRandom(42);
    Instant from = Instant.now().minus(options.hours(), ChronoUnit.HOURS);
    long spanMillis = Duration.ofHours(options.hours()).toMillis();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      Sender send =
          (topic, key, at, event) -> {
            producer.send(
                new ProducerRecord<>(
                    topic, null, at.toEpochMilli(), key, JSON.writeValueAsBytes(event)));
            counts.merge(topic, 1L, Long::sum);
          };
      for (int i = 0; i < options.orders(); i++) {
        Instant at = from.plusMillis(spanMillis * i / options.orders());
        String orderNo = "B" + i;
        int product = random.nextInt(50);
        String sku = "SKU-" + product;
        String supplier = "SUP-" + (product % 5);
        String batch = sku + "-B" + random.nextInt(4);
        String fingerprint = Servers.hex(16);
        send.send(
            Topics.ORDERS,
            orderNo,
            at,
            new OrderEvent(
                id(),
                EventTypes.ORDER_IMPORTED,
                EventTypes.SCHEMA_VERSION,
                at,
                orderNo,
                sku,
                supplier,
                1,
                new BigDecimal("9.90"),
                "CNY",
                at,
                1));
        send.send(
            Topics.CARD_KEYS, orderNo, at, key(orderNo, fingerprint, batch, sku, "DELIVERED", at));
        int slot = i % 100;
        if (slot < 30) {
          Instant redeemed = at.plusSeconds(60);
          send.send(
              Topics.CARD_KEYS,
              orderNo,
              redeemed,
              key(orderNo, fingerprint, batch, sku, "REDEEMED", redeemed));
        }
        if (slot >= 30 && slot < 38) {
          ticket(send, random, i, orderNo, sku, supplier, fingerprint, at.plusSeconds(120));
        } else if (slot >= 38 && slot < 43) {
          session(send, i, orderNo, at.plusSeconds(60), "DEFLECTED");
        } else if (slot >= 43 && slot < 46) {
          session(send, i, orderNo, at.plusSeconds(60), "ABANDONED");
        }
      }
      producer.flush();
    }
    return counts;
  }

  @FunctionalInterface
  private interface Sender {
    void send(String topic, String key, Instant at, Object event) throws IOException;
  }

  private static CardKeyEvent key(
      String orderNo, String fingerprint, String batch, String sku, String status, Instant at) {
    return new CardKeyEvent(
        id(),
        EventTypes.CARD_KEY_STATUS_CHANGED,
        EventTypes.SCHEMA_VERSION,
        at,
        orderNo,
        0,
        fingerprint,
        batch,
        sku,
        status);
  }

  private static final String[] CATEGORIES = {
    "NOT_RECEIVED", "INVALID_KEY", "WRONG_PURCHASE", "PAYMENT_ISSUE", "USAGE_HELP", "OTHER"
  };

  private static void ticket(
      Sender send,
      SplittableRandom random,
      int i,
      String orderNo,
      String sku,
      String supplier,
      String fingerprint,
      Instant at)
      throws IOException {
    String sessionId = "S" + i;
    String[][] steps = {
      {"ORDER", "VIEWED"},
      {"ORDER", "COMPLETED"},
      {"CATEGORY", "VIEWED"},
      {"CATEGORY", "COMPLETED"},
      {"DETAILS", "VIEWED"},
      {"SUBMIT", "SUBMITTED"}
    };
    for (int s = 0; s < steps.length; s++) {
      funnel(send, sessionId, orderNo, steps[s][0], steps[s][1], at.plusSeconds(10L * s));
    }
    Instant created = at.plusSeconds(60);
    String ticketNo = "T" + i;
    String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
    String buyer = "buyer-" + random.nextInt(20_000);
    String ip = "10.0." + random.nextInt(20) + "." + random.nextInt(250);
    String device = "dev-" + random.nextInt(15_000);
    send.send(
        Topics.TICKETS,
        ticketNo,
        created,
        new TicketEvent(
            id(),
            EventTypes.TICKET_CREATED,
            EventTypes.SCHEMA_VERSION,
            created,
            ticketNo,
            orderNo,
            sku,
            supplier,
            category,
            null,
            "SUBMITTED",
            null,
            "BUYER",
            buyer,
            ip,
            device,
            List.of(fingerprint)));
    Instant review = created.plusSeconds(300);
    send.send(
        Topics.TICKETS,
        ticketNo,
        review,
        transition(
            ticketNo,
            orderNo,
            sku,
            supplier,
            category,
            "SUBMITTED",
            "IN_REVIEW",
            null,
            buyer,
            review));
    Instant resolved = review.plusSeconds(300);
    send.send(
        Topics.TICKETS,
        ticketNo,
        resolved,
        transition(
            ticketNo,
            orderNo,
            sku,
            supplier,
            category,
            "IN_REVIEW",
            "RESOLVED",
            random.nextInt(4) == 0 ? "REFUNDED" : "REPLACED",
            buyer,
            resolved));
  }

  private static TicketEvent transition(
      String ticketNo,
      String orderNo,
      String sku,
      String supplier,
      String category,
      String from,
      String to,
      String resolution,
      String buyer,
      Instant at) {
    return new TicketEvent(
        id(),
        EventTypes.TICKET_TRANSITIONED,
        EventTypes.SCHEMA_VERSION,
        at,
        ticketNo,
        orderNo,
        sku,
        supplier,
        category,
        from,
        to,
        resolution,
        "STAFF",
        buyer,
        null,
        null,
        null);
  }

  private static void session(Sender send, int i, String orderNo, Instant at, String kind)
      throws IOException {
    String sessionId = "S" + i;
    funnel(send, sessionId, orderNo, "ORDER", "VIEWED", at);
    funnel(send, sessionId, orderNo, "ORDER", "COMPLETED", at.plusSeconds(10));
    if (kind.equals("DEFLECTED")) {
      funnel(send, sessionId, orderNo, "KNOWLEDGE_BASE", "VIEWED", at.plusSeconds(20));
      funnel(send, sessionId, orderNo, "KNOWLEDGE_BASE", "DEFLECTED", at.plusSeconds(40));
    } else {
      funnel(send, sessionId, orderNo, "CATEGORY", "VIEWED", at.plusSeconds(20));
    }
  }

  private static void funnel(
      Sender send, String sessionId, String orderNo, String step, String action, Instant at)
      throws IOException {
    send.send(
        Topics.FUNNEL,
        sessionId,
        at,
        new FunnelEvent(
            id(),
            EventTypes.FUNNEL_STEP,
            EventTypes.SCHEMA_VERSION,
            at,
            sessionId,
            step,
            action,
            sessionId.hashCode() % 3 == 0 ? "expert" : "novice",
            sessionId.hashCode() % 2 == 0 ? "zh-CN" : "en",
            "web",
            null,
            orderNo,
            null));
  }

  private static long nextId;

  private static String id() {
    return "e" + (nextId++);
  }

  private static Map<TopicPartition, Long> endOffsets(Admin admin, List<String> topics)
      throws Exception {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    admin
        .describeTopics(topics)
        .allTopicNames()
        .get(30, TimeUnit.SECONDS)
        .forEach(
            (name, description) ->
                description
                    .partitions()
                    .forEach(
                        p ->
                            request.put(
                                new TopicPartition(name, p.partition()), OffsetSpec.latest())));
    Map<TopicPartition, Long> ends = new HashMap<>();
    for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> entry :
        admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).entrySet()) {
      ends.put(entry.getKey(), entry.getValue().offset());
    }
    return ends;
  }

  private static long lag(Admin admin, Map<TopicPartition, Long> ends) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin
            .listConsumerGroupOffsets(APP_ID)
            .partitionsToOffsetAndMetadata()
            .get(30, TimeUnit.SECONDS);
    long lag = 0;
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      OffsetAndMetadata offset = committed.get(end.getKey());
      lag += Math.max(0, end.getValue() - (offset == null ? 0 : offset.offset()));
    }
    return lag;
  }

  private static Map<String, Long> sums(Map<TopicPartition, Long> offsets) {
    Map<String, Long> sums = new java.util.TreeMap<>();
    offsets.forEach((tp, offset) -> sums.merge(tp.topic(), offset, Long::sum));
    return sums;
  }

  private static String report(
      MachineFacts machine,
      Options options,
      String[] args,
      Map<String, Long> produced,
      double produceSeconds,
      long total,
      double seconds,
      Double runningAfter,
      ProcessStats.CpuUsage usage,
      Map<String, Long> outputs) {
    StringBuilder out = new StringBuilder();
    out.append("### Streams job throughput, run of ").append(machine.date()).append("\n\n");
    out.append(
        String.format(
            Locale.ROOT,
            "- Machine: %s CPUs (%s), %s RAM, Linux %s; load average at start %s%n",
            machine.nproc(),
            machine.cpuModel(),
            machine.memory(),
            machine.kernel(),
            machine.loadAverage()));
    out.append("- Java: ").append(machine.java()).append("; commit ").append(machine.commit());
    out.append("\n- Command: `benchmarks/streams");
    for (String arg : args) {
      out.append(' ').append(arg);
    }
    out.append("`\n");
    out.append(
        String.format(
            Locale.ROOT,
            "- Backlog: %,d orders → %,d input events (%s), produced in %.1f s before the job"
                + " started; event times spread over %d h%n",
            options.orders(),
            total,
            String.join(
                ", ",
                produced.entrySet().stream()
                    .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%,d", e.getValue()))
                    .toList()),
            produceSeconds,
            options.hours()));
    out.append(
        String.format(
            Locale.ROOT,
            "- Job: AnalyticsTopology via StreamsApp in this JVM, exactly_once_v2, %d stream"
                + " thread(s), 3 partitions per input topic%n%n",
            options.threads()));
    double rate = total / seconds;
    out.append(
        "| input events | seconds to lag 0 (from start) | RUNNING after s | events/s | events/s"
            + " after RUNNING | goal |\n");
    out.append("|---:|---:|---:|---:|---:|---|\n");
    out.append(
        String.format(
            Locale.ROOT,
            "| %,d | %.1f | %s | **%,.0f** | %s | ≥ 50,000/s %s |%n%n",
            total,
            seconds,
            runningAfter == null ? "—" : String.format(Locale.ROOT, "%.1f", runningAfter),
            rate,
            runningAfter == null
                ? "—"
                : String.format(Locale.ROOT, "%,.0f", total / (seconds - runningAfter)),
            rate >= 50_000 ? "**met**" : "**not met**"));
    out.append("CPU during consumption, in cores (the machine has ").append(machine.nproc());
    out.append("):\n\n| job (this JVM) | broker | others | machine busy | stolen |\n");
    out.append("|---:|---:|---:|---:|---:|\n");
    out.append(
        String.format(
            Locale.ROOT,
            "| %.2f | %.2f | %.2f | %.2f | %.2f |%n%n",
            usage.cores().get(ProcessStats.CpuUsage.LOAD_GENERATOR),
            usage.cores().get("broker"),
            usage.others(),
            usage.machine(),
            usage.stolen()));
    out.append(
        String.format(
            Locale.ROOT,
            "CPU per 1,000 input events: job %.1f ms, broker %.1f ms.%n%n",
            usage.cores().get(ProcessStats.CpuUsage.LOAD_GENERATOR) * seconds / total * 1e6,
            usage.cores().get("broker") * seconds / total * 1e6));
    out.append(
        "Records written by the job (end offsets, including transaction markers), per topic and per"
            + " input event:\n\n| topic | records | per input event |\n|---|---:|---:|\n");
    outputs.forEach(
        (topic, n) ->
            out.append(
                String.format(
                    Locale.ROOT,
                    "| %s | %,d | %.2f |%n",
                    topic.replace(APP_ID + "-", "(internal) "),
                    n,
                    (double) n / total)));
    return out.toString();
  }
}
