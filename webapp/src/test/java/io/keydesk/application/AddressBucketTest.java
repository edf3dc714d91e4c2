package io.keydesk.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressBucketTest {
  @Test
  void anIpv4AddressIsItsOwnBucket() {
    assertEquals("203.0.113.7", AddressBucket.of("203.0.113.7"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2001:db8:aa:1::1",
        "2001:db8:aa:1:ffff:ffff:ffff:fffe",
        "2001:0DB8:00AA:0001:0:0:0:42",
        "2001:db8:aa:1::"
      })
  void ipv6AddressesOfOneSlash64ShareABucket(String address) {
    assertEquals("2001:db8:aa:1::/64", AddressBucket.of(address));
  }

  @Test
  void anotherSlash64IsAnotherBucket() {
    assertEquals("2001:db8:aa:2::/64", AddressBucket.of("2001:db8:aa:2::1"));
  }

  @Test
  void nothingElseIsChanged() {
    assertEquals("unknown", AddressBucket.of("unknown"));
    assertNull(AddressBucket.of(null));
  }
}
