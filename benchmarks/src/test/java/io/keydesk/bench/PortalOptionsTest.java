package io.keydesk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PortalOptionsTest {
  @Test
  void theDefaultsAreThePublishedRun() {
    PortalOptions options = PortalOptions.parse();

    assertEquals(50, options.buyers());
    assertEquals(Duration.ofSeconds(2), options.think());
    assertFalse(options.lighthouse());
  }

  @Test
  void lighthouseOnlyImpliesLighthouse() {
    PortalOptions options = PortalOptions.parse("--lighthouse-only", "--think-ms", "0");

    assertTrue(options.lighthouse());
    assertTrue(options.lighthouseOnly());
    assertTrue(options.think().isZero());
  }

  @Test
  void badValuesAreRefusedWithTheOptionNamed() {
    IllegalArgumentException zero =
        assertThrows(IllegalArgumentException.class, () -> PortalOptions.parse("--buyers", "0"));
    assertTrue(zero.getMessage().contains("--buyers"), zero.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PortalOptions.parse("--think-ms", "-1"));
    assertThrows(IllegalArgumentException.class, () -> PortalOptions.parse("--seconds", "x"));
    assertThrows(IllegalArgumentException.class, () -> PortalOptions.parse("--heap", "lots"));
    assertThrows(IllegalArgumentException.class, () -> PortalOptions.parse("--orders"));
    assertThrows(IllegalArgumentException.class, () -> PortalOptions.parse("--nope"));
  }
}
