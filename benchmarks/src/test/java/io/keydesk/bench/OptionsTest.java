package io.keydesk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {
  @Test
  void defaultsAreThePublishedFigures() {
    Options options = Options.parse();
    assertEquals(List.of(16, 64), options.clients());
    assertEquals(Duration.ofSeconds(15), options.warmup());
    assertEquals(Duration.ofSeconds(30), options.measure());
    assertEquals(Duration.ofSeconds(30), options.rawMeasure());
    assertEquals(500, options.orders());
  }

  @Test
  void rawPhasesFollowTheMeasuredPhasesUnlessSet() {
    assertEquals(Duration.ofSeconds(5), Options.parse("--seconds", "5").rawMeasure());
    assertEquals(
        Duration.ofSeconds(3), Options.parse("--seconds", "5", "--raw-seconds", "3").rawMeasure());
  }

  @Test
  void refusesWhatItDoesNotKnow() {
    assertThrows(IllegalArgumentException.class, () -> Options.parse("--client", "8"));
    assertThrows(IllegalArgumentException.class, () -> Options.parse("--clients", "0"));
    assertThrows(IllegalArgumentException.class, () -> Options.parse("--seconds"));
  }
}
