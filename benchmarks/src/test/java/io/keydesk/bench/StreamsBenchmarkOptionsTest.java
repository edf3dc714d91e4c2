package io.keydesk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StreamsBenchmarkOptionsTest {
  @Test
  void theDefaultsAreThePublishedRuns() {
    StreamsBenchmark.Options options = StreamsBenchmark.Options.parse();

    assertEquals(150_000, options.orders());
    assertEquals(1, options.threads());
    assertFalse(options.sql());
    assertEquals(5_000_000, options.sqlOrders());
    assertEquals(1_000_000, options.sqlTickets());
  }

  @Test
  void theSqlComparisonTakesItsOwnSizes() {
    StreamsBenchmark.Options options =
        StreamsBenchmark.Options.parse(
            "--sql", "--sql-orders", "1000", "--sql-tickets", "200", "--repeats", "3");

    assertTrue(options.sql());
    assertEquals(1000, options.sqlOrders());
    assertEquals(200, options.sqlTickets());
    assertEquals(3, options.repeats());
  }

  @Test
  void freshnessTakesItsRate() {
    StreamsBenchmark.Options options =
        StreamsBenchmark.Options.parse("--freshness", "--tickets", "20", "--per-second", "2");

    assertTrue(options.freshness());
    assertEquals(20, options.tickets());
    assertEquals(2, options.perSecond());
    assertThrows(
        IllegalArgumentException.class, () -> StreamsBenchmark.Options.parse("--per-second", "0"));
  }

  @Test
  void badValuesAreRefusedWithTheOptionNamed() {
    IllegalArgumentException zero =
        assertThrows(
            IllegalArgumentException.class, () -> StreamsBenchmark.Options.parse("--orders", "0"));
    assertTrue(zero.getMessage().contains("--orders"), zero.getMessage());
    assertThrows(IllegalArgumentException.class, () -> StreamsBenchmark.Options.parse("--threads"));
    assertThrows(
        IllegalArgumentException.class, () -> StreamsBenchmark.Options.parse("--hours", "x"));
    assertThrows(IllegalArgumentException.class, () -> StreamsBenchmark.Options.parse("--nope"));
    assertThrows(
        IllegalArgumentException.class,
        () -> StreamsBenchmark.Options.parse("--sql-orders", "10", "--sql-tickets", "11"));
  }
}
