package io.keydesk.domain.model.order;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SealedTest {
  @Test
  void sealedValuesAreEqualByBytesAndVersion() {
    Sealed a = new Sealed(new byte[] {1, 2, 3}, 1);
    Sealed b = new Sealed(new byte[] {1, 2, 3}, 1);

    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, new Sealed(new byte[] {1, 2, 4}, 1));
    assertNotEquals(a, new Sealed(new byte[] {1, 2, 3}, 2));
    assertNotEquals(a, new Sealed(new byte[] {1, 2, 3, 0}, 1));
    assertNotEquals(a, null);
  }

  @Test
  void changingTheGivenArrayAfterwardsDoesNotChangeTheValue() {
    byte[] bytes = {1, 2, 3};
    Sealed s = new Sealed(bytes, 1);

    bytes[0] = 9;

    assertArrayEquals(new byte[] {1, 2, 3}, s.bytes());
  }

  @Test
  void changingTheReturnedArrayDoesNotChangeTheValue() {
    Sealed s = new Sealed(new byte[] {1, 2, 3}, 1);

    s.bytes()[0] = 9;

    assertArrayEquals(new byte[] {1, 2, 3}, s.bytes());
    assertEquals(new Sealed(new byte[] {1, 2, 3}, 1), s);
  }

  @Test
  void emptyValuesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Sealed(null, 1));
    assertThrows(IllegalArgumentException.class, () -> new Sealed(new byte[0], 1));
  }

  @Test
  void toStringDoesNotShowTheBytes() {
    Sealed s = new Sealed(new byte[] {42, 43, 44}, 2);

    assertEquals("Sealed[v2, 3 bytes]", s.toString());
    assertFalse(s.toString().contains("42"));
  }
}
