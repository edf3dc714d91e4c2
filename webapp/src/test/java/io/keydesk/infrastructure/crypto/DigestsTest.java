package io.keydesk.infrastructure.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigestsTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] repeated(int value, int count) {
    byte[] b = new byte[count];
    Arrays.fill(b, (byte) value);
    return b;
  }

  /** RFC 4231, test cases 1, 2, 3 and 6 (HMAC-SHA-256). */
  @Test
  void hmacSha256MatchesTheRfc4231TestVectors() {
    assertEquals(
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
        Digests.hmacSha256Hex(repeated(0x0b, 20), utf8("Hi There")));
    assertEquals(
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        Digests.hmacSha256Hex(utf8("Jefe"), utf8("what do ya want for nothing?")));
    assertEquals(
        "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
        Digests.hmacSha256Hex(repeated(0xaa, 20), repeated(0xdd, 50)));
    assertEquals(
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
        Digests.hmacSha256Hex(
            repeated(0xaa, 131), utf8("Test Using Larger Than Block-Size Key - Hash Key First")));
  }

  /**
   * The shop signs {@code <timestamp> + "." + <raw body>} with its secret (see ShopSignatures); the
   * expected value was computed with {@code openssl dgst -sha256 -hmac}.
   */
  @Test
  void theShopSignatureSchemeMatchesAnIndependentlyComputedSignature() {
    String timestamp = "1767225600";
    String body = "{\"orderNo\":\"A-1001\",\"quantity\":1}";

    String signature = Digests.hmacSha256Hex(utf8("it-shop-secret"), utf8(timestamp + "." + body));

    assertEquals("e8133e5e80c45e022e19d337cd441236faab98044790d8bdb586a5887f13cc4d", signature);
    assertNotEquals(
        signature,
        Digests.hmacSha256Hex(utf8("it-shop-secret"), utf8("1767225601." + body)),
        "another timestamp");
    assertNotEquals(
        signature,
        Digests.hmacSha256Hex(utf8("it-shop-secret"), utf8(timestamp + "." + body + " ")),
        "another body");
    assertNotEquals(
        signature,
        Digests.hmacSha256Hex(utf8("other-secret"), utf8(timestamp + "." + body)),
        "another secret");
  }

  @ParameterizedTest
  @CsvSource({
    "abc,ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    "'',e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "卡密,2a47320cc9fdf36305b37b738d2e7c5ac2d5b3284b8a5a6bfde3ea6f0b742ae0"
  })
  void sha256OfUtf8Text(String text, String expected) {
    assertEquals(expected, Digests.sha256Hex(text));
    assertEquals(expected, Digests.sha256Hex(utf8(text)));
  }

  @Test
  void constantTimeEqualsComparesWholeStrings() {
    assertTrue(Digests.equalsConstantTime("a1b2c3", "a1b2c3"));
    assertTrue(Digests.equalsConstantTime("", ""));
    assertTrue(Digests.equalsConstantTime("卡密", "卡密"));
    assertFalse(Digests.equalsConstantTime("a1b2c3", "a1b2c4"));
    assertFalse(Digests.equalsConstantTime("a1b2c3", "a1b2c"));
    assertFalse(Digests.equalsConstantTime("a1b2c", "a1b2c3"));
    assertFalse(Digests.equalsConstantTime("a1b2c3", "A1B2C3"));
    assertFalse(Digests.equalsConstantTime("a1b2c3", ""));
    assertFalse(Digests.equalsConstantTime(null, "a1b2c3"));
    assertFalse(Digests.equalsConstantTime("a1b2c3", null));
    assertFalse(Digests.equalsConstantTime(null, null));
  }

  @Test
  void randomTokensCarryThePrefixAndAtLeast128RandomBits() {
    String token = Digests.randomToken("kdb_", 16);

    assertTrue(token.startsWith("kdb_"), token);
    String random = token.substring("kdb_".length());
    assertTrue(random.matches("[A-Za-z0-9_-]+"), "URL-safe without padding: " + token);
    assertTrue(Base64.getUrlDecoder().decode(random).length * 8 >= 128);
  }

  @Test
  void randomTokensAreDistinct() {
    Set<String> tokens = new HashSet<>();
    Set<String> firstBytes = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String token = Digests.randomToken("t_", 16);
      tokens.add(token);
      firstBytes.add(
          HexFormat.of().formatHex(Base64.getUrlDecoder().decode(token.substring(2)), 0, 1));
    }

    assertEquals(10_000, tokens.size());
    assertEquals(256, firstBytes.size(), "every value of the first byte occurs");
  }
}
