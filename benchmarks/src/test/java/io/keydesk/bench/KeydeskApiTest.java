package io.keydesk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeydeskApiTest {
  private static final String METRICS =
      String.join(
          "\n",
          "# TYPE memory_usedHeap_bytes gauge",
          "memory_usedHeap_bytesMax{mp_scope=\"base\"} 1.0",
          "memory_usedHeap_bytes{mp_scope=\"base\"} 1.5E8",
          "keydesk_outbox_pending{mp_scope=\"application\"} 42.0",
          "");

  @Test
  void readsTheSampleOfExactlyTheNamedMetric() {
    assertEquals(1.5e8, KeydeskApi.metric(METRICS, "memory_usedHeap_bytes").getAsDouble());
    assertEquals(42.0, KeydeskApi.metric(METRICS, "keydesk_outbox_pending").getAsDouble());
    assertTrue(KeydeskApi.metric(METRICS, "base_memory_usedHeap_bytes").isEmpty());
  }
}
