package io.keydesk.bench.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SimulationOptionsTest {
  @Test
  void defaultsAreThePublishedRun() {
    SimulationOptions options = SimulationOptions.parse();
    assertEquals(20261201L, options.seed());
    assertEquals(3000, options.cases());
    assertEquals("512m", options.heap());
  }

  @Test
  void readsEveryOption() {
    SimulationOptions options =
        SimulationOptions.parse("--seed", "7", "--cases", "500", "--heap", "1g", "--keep-data");
    assertEquals(7, options.seed());
    assertEquals(500, options.cases());
    assertEquals("1g", options.heap());
    assertTrue(options.keepData());
  }

  @Test
  void refusesWhatItDoesNotKnow() {
    assertThrows(IllegalArgumentException.class, () -> SimulationOptions.parse("--cases", "10"));
    assertThrows(IllegalArgumentException.class, () -> SimulationOptions.parse("--cases", "x"));
    assertThrows(IllegalArgumentException.class, () -> SimulationOptions.parse("--seed"));
    assertThrows(IllegalArgumentException.class, () -> SimulationOptions.parse("--heap", "lots"));
    assertThrows(IllegalArgumentException.class, () -> SimulationOptions.parse("--case", "5"));
  }
}
