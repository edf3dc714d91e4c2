package io.keydesk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConsoleOptionsTest {
  @Test
  void theDefaultsAreTheIssuesFigures() {
    ConsoleOptions options = ConsoleOptions.parse();

    assertEquals(1_000_000, options.tickets());
    assertEquals(10_000, options.open());
    assertEquals(300, options.requests());
    assertFalse(options.keepData());
  }

  @Test
  void valuesAreRead() {
    ConsoleOptions options =
        ConsoleOptions.parse("--tickets", "50_000", "--open", "500", "--keep-data", "--heap", "2g");

    assertEquals(50_000, options.tickets());
    assertEquals(500, options.open());
    assertEquals("2g", options.heap());
    assertTrue(options.keepData());
  }

  @Test
  void badValuesAreRefusedWithTheOptionNamed() {
    IllegalArgumentException more =
        assertThrows(
            IllegalArgumentException.class,
            () -> ConsoleOptions.parse("--tickets", "100", "--open", "101"));
    assertTrue(more.getMessage().contains("--open"), more.getMessage());
    IllegalArgumentException zero =
        assertThrows(IllegalArgumentException.class, () -> ConsoleOptions.parse("--requests", "0"));
    assertTrue(zero.getMessage().contains("--requests"), zero.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ConsoleOptions.parse("--span-days", "7"));
    assertThrows(IllegalArgumentException.class, () -> ConsoleOptions.parse("--heap", "lots"));
    assertThrows(IllegalArgumentException.class, () -> ConsoleOptions.parse("--tickets"));
    assertThrows(IllegalArgumentException.class, () -> ConsoleOptions.parse("--nope"));
  }
}
