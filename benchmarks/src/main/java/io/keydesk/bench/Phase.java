package io.keydesk.bench;

import io.keydesk.bench.ProcessStats.CpuUsage;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One phase of the benchmark and what was measured right after it.
 *
 * @param kind {@link Kind#TICKETS} or {@link Kind#RAW_INSERTS}
 * @param counted false for a warm-up
 * @param appRssBytes resident memory of the Payara JVM (and its descendants), if it ran
 * @param appHeapUsedBytes {@code base_memory_usedHeap_bytes} from the app's {@code /metrics}
 * @param outboxPending {@code keydesk_outbox_pending}: events not yet relayed to Kafka
 * @param dbRssBytes resident memory of MariaDB
 * @param dbPerOperation MariaDB's status counters ({@link DbCounters}) per successful operation
 */
record Phase(
    Kind kind,
    boolean counted,
    ClosedLoop.Result result,
    CpuUsage cpu,
    OptionalLong appRssBytes,
    OptionalDouble appHeapUsedBytes,
    OptionalDouble outboxPending,
    long dbRssBytes,
    Map<String, Double> dbPerOperation) {

  enum Kind {
    TICKETS("tickets via REST", "tickets/s"),
    RAW_INSERTS("raw durable inserts", "inserts/s");

    final String label;
    final String unit;

    Kind(String label, String unit) {
      this.label = label;
      this.unit = unit;
    }
  }

  /** CPU milliseconds one successful operation cost a process (or the machine), on average. */
  double cpuMillisPerOperation(double cores) {
    return cores * result.elapsed().toNanos() / 1e6 / result.succeeded();
  }

  String label() {
    return counted ? kind.label : kind.label + " (warm-up, not counted)";
  }
}
