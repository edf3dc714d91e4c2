package io.keydesk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatenciesTest {
  @Test
  void percentilesAreNearestRankOverEveryRecordedValue() {
    Latencies.Recorder a = new Latencies.Recorder();
    Latencies.Recorder b = new Latencies.Recorder();
    for (int ms = 1; ms <= 100; ms++) {
      (ms % 2 == 0 ? a : b).record(ms * 1_000_000L);
    }
    Latencies latencies = Latencies.of(List.of(a, b));

    assertEquals(100, latencies.count());
    assertEquals(50.0, latencies.percentileMillis(0.50));
    assertEquals(90.0, latencies.percentileMillis(0.90));
    assertEquals(99.0, latencies.percentileMillis(0.99));
    assertEquals(100.0, latencies.maxMillis());
  }

  @Test
  void aRecorderGrowsBeyondItsFirstArray() {
    Latencies.Recorder recorder = new Latencies.Recorder();
    for (int i = 0; i < 10_000; i++) {
      recorder.record(i);
    }
    assertEquals(10_000, Latencies.of(List.of(recorder)).count());
  }

  @Test
  void nothingRecordedHasNoPercentiles() {
    Latencies none = Latencies.of(List.of(new Latencies.Recorder()));
    assertTrue(Double.isNaN(none.percentileMillis(0.99)));
    assertTrue(Double.isNaN(none.maxMillis()));
  }
}
