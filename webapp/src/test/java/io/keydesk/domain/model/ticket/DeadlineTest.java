package io.keydesk.domain.model.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Where a target stands: ok, at risk after the configured share of its time, breached after it. */
class DeadlineTest {
  private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
  private static final Instant DUE = START.plusSeconds(100 * 60);

  @ParameterizedTest(name = "{0} min of 100 at share {1}: {2}")
  @CsvSource({
    "0, 0.8, OK",
    "79, 0.8, OK",
    "80, 0.8, AT_RISK",
    "100, 0.8, AT_RISK",
    "101, 0.8, BREACHED",
    "49, 0.5, OK",
    "50, 0.5, AT_RISK",
    "99, 1.0, OK",
    "100, 1.0, AT_RISK",
    "500, 0.5, BREACHED"
  })
  void stateAtAMinute(int minute, double share, Deadline.State expected) {
    assertEquals(expected, Deadline.state(START, DUE, START.plusSeconds(minute * 60L), share));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, -0.1, 1.01, Double.NaN})
  void theShareMustBeAFractionOfTheTime(double share) {
    assertThrows(IllegalArgumentException.class, () -> Deadline.state(START, DUE, START, share));
  }

  @org.junit.jupiter.api.Test
  void atRiskFromIsTheShareOfTheTime() {
    assertEquals(START.plusSeconds(75 * 60), Deadline.atRiskFrom(START, DUE, 0.75));
  }
}
