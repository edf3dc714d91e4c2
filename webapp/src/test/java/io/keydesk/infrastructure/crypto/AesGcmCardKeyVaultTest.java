package io.keydesk.infrastructure.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.domain.model.order.CardKeyVault;
import io.keydesk.domain.model.order.Sealed;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AesGcmCardKeyVaultTest {
  private static final byte[] KEY_1 = filled(32, 0x11);
  private static final byte[] KEY_2 = filled(32, 0x22);
  private static final byte[] FP_KEY = filled(32, 0x33);

  private static byte[] filled(int length, int value) {
    byte[] b = new byte[length];
    Arrays.fill(b, (byte) value);
    return b;
  }

  private static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  private static AesGcmCardKeyVault vault(Map<Integer, byte[]> keys, int active) {
    return new AesGcmCardKeyVault(keys, active, FP_KEY);
  }

  private final AesGcmCardKeyVault vault = vault(Map.of(1, KEY_1), 1);

  @ParameterizedTest
  @ValueSource(
      strings = {"ABCD-EFGH-IJKL-MNOP", "x", "卡密：ABCD-1234 密码 9876", "emoji 🔑 key", " spaced  "})
  void whatIsSealedOpensToTheSameText(String plaintext) {
    Sealed sealed = vault.seal(plaintext);

    assertEquals(plaintext, vault.open(sealed));
    assertEquals(1, sealed.keyVersion());
  }

  @Test
  void theSealedBytesDoNotContainThePlaintext() {
    String code = "ABCD-EFGH-IJKL-MNOP";

    byte[] bytes = vault.seal(code).bytes();

    assertFalse(new String(bytes, StandardCharsets.ISO_8859_1).contains(code), "plaintext visible");
    assertEquals(12 + code.length() + 16, bytes.length, "nonce || ciphertext || tag");
  }

  @Test
  void everySealUsesAFreshNonce() {
    Sealed a = vault.seal("ABCD-EFGH");
    Sealed b = vault.seal("ABCD-EFGH");

    assertNotEquals(a, b);
    assertFalse(
        Arrays.equals(Arrays.copyOf(a.bytes(), 12), Arrays.copyOf(b.bytes(), 12)),
        "same nonce twice");
    assertEquals("ABCD-EFGH", vault.open(a));
    assertEquals("ABCD-EFGH", vault.open(b));
  }

  @Test
  void anyFlippedBitIsDetected() {
    Sealed sealed = vault.seal("卡密 ABCD-EFGH");
    byte[] bytes = sealed.bytes();

    for (int i = 0; i < bytes.length; i++) {
      for (int bit = 0; bit < 8; bit += 7) {
        byte[] tampered = bytes.clone();
        tampered[i] ^= (byte) (1 << bit);
        Sealed changed = new Sealed(tampered, sealed.keyVersion());
        assertThrows(
            CardKeyVault.TamperedException.class,
            () -> vault.open(changed),
            "byte " + i + " bit " + bit);
      }
    }
  }

  @Test
  void aTruncatedOrExtendedValueIsDetected() {
    byte[] bytes = vault.seal("ABCD-EFGH").bytes();

    for (int length : new int[] {1, 12, 27, 28, bytes.length - 1}) {
      Sealed cut = new Sealed(Arrays.copyOf(bytes, length), 1);
      assertThrows(CardKeyVault.TamperedException.class, () -> vault.open(cut), "length " + length);
    }
    Sealed longer = new Sealed(Arrays.copyOf(bytes, bytes.length + 1), 1);
    assertThrows(CardKeyVault.TamperedException.class, () -> vault.open(longer));
  }

  @Test
  void aValueOfAnUnknownKeyVersionIsRefused() {
    Sealed sealed = vault.seal("ABCD-EFGH");

    assertThrows(
        CardKeyVault.TamperedException.class, () -> vault.open(new Sealed(sealed.bytes(), 7)));
  }

  @Test
  void aValueSealedWithAnotherKeyIsDetected() {
    Sealed sealed = vault(Map.of(1, KEY_2), 1).seal("ABCD-EFGH");

    assertThrows(CardKeyVault.TamperedException.class, () -> vault.open(sealed));
  }

  @Test
  void afterRotationOldValuesStillOpenAndNewOnesUseTheActiveVersion() {
    Sealed old = vault.seal("OLD-KEY-0001");
    AesGcmCardKeyVault rotated = vault(Map.of(1, KEY_1, 2, KEY_2), 2);

    Sealed fresh = rotated.seal("NEW-KEY-0002");

    assertEquals("OLD-KEY-0001", rotated.open(old));
    assertEquals(2, fresh.keyVersion());
    assertEquals("NEW-KEY-0002", rotated.open(fresh));
    assertThrows(CardKeyVault.TamperedException.class, () -> vault.open(fresh));
  }

  @Test
  void changingTheStoredVersionIsDetected() {
    AesGcmCardKeyVault rotated = vault(Map.of(1, KEY_1, 2, KEY_2), 2);
    Sealed v2 = rotated.seal("ABCD-EFGH");

    assertThrows(
        CardKeyVault.TamperedException.class, () -> rotated.open(new Sealed(v2.bytes(), 1)));
  }

  @Test
  void theVersionIsBoundIntoTheValueEvenWhenTwoVersionsShareKeyMaterial() {
    AesGcmCardKeyVault sameMaterial = vault(Map.of(1, KEY_1, 2, KEY_1), 1);
    Sealed v1 = sameMaterial.seal("ABCD-EFGH");

    assertThrows(
        CardKeyVault.TamperedException.class, () -> sameMaterial.open(new Sealed(v1.bytes(), 2)));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 16, 24, 31, 33, 64})
  void keysThatAreNot256BitsAreRefused(int length) {
    assertThrows(IllegalArgumentException.class, () -> vault(Map.of(1, filled(length, 1)), 1));
  }

  @Test
  void theActiveVersionMustHaveAKey() {
    assertThrows(IllegalArgumentException.class, () -> vault(Map.of(1, KEY_1), 2));
    assertThrows(IllegalArgumentException.class, () -> vault(Map.of(), 1));
  }

  @Test
  void theFingerprintKeyMustHaveAtLeast256Bits() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new AesGcmCardKeyVault(Map.of(1, KEY_1), 1, filled(31, 1)));
    assertThrows(
        IllegalArgumentException.class, () -> new AesGcmCardKeyVault(Map.of(1, KEY_1), 1, null));
  }

  @Test
  void changingTheGivenKeyArraysAfterwardsDoesNotChangeTheVault() {
    byte[] key = KEY_1.clone();
    byte[] fpKey = FP_KEY.clone();
    AesGcmCardKeyVault v = new AesGcmCardKeyVault(Map.of(1, key), 1, fpKey);
    Sealed sealed = v.seal("ABCD-EFGH");
    String fingerprint = v.fingerprint("ABCD-EFGH");

    Arrays.fill(key, (byte) 0);
    Arrays.fill(fpKey, (byte) 0);

    assertEquals("ABCD-EFGH", v.open(sealed));
    assertEquals(fingerprint, v.fingerprint("ABCD-EFGH"));
  }

  @Test
  void aKeyRingFromConfigurationSealsWithTheActiveVersionAndOpensOlderOnes() {
    Sealed old = vault.seal("OLD-KEY-0001");

    AesGcmCardKeyVault configured =
        AesGcmCardKeyVault.fromConfig(
            " 1:" + b64(KEY_1) + " , 2 : " + b64(KEY_2) + " ", 2, " " + b64(FP_KEY) + " ");

    assertEquals("OLD-KEY-0001", configured.open(old));
    assertEquals(2, configured.seal("x").keyVersion());
    assertEquals(vault.fingerprint("ABCD"), configured.fingerprint("ABCD"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "1",
        "MTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTE=",
        "one:MTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTE=",
        "1:not base64!",
        "1:MTEx",
        "1:MTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTE=;2:MjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjI="
      })
  void aMalformedKeyRingIsRefused(String keyRing) {
    assertThrows(
        IllegalArgumentException.class,
        () -> AesGcmCardKeyVault.fromConfig(keyRing, 1, b64(FP_KEY)));
  }

  @Test
  void aMalformedFingerprintKeyIsRefused() {
    String ring = "1:" + b64(KEY_1);

    assertThrows(
        IllegalArgumentException.class, () -> AesGcmCardKeyVault.fromConfig(ring, 1, "%%%"));
    assertThrows(
        IllegalArgumentException.class,
        () -> AesGcmCardKeyVault.fromConfig(ring, 1, b64(filled(16, 1))));
    assertThrows(
        IllegalArgumentException.class, () -> AesGcmCardKeyVault.fromConfig(ring, 2, b64(FP_KEY)));
  }

  /** fromConfig promises an error "naming the setting", so an operator knows what to fix. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "1",
        "one:MTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTE=",
        "1:not base64!",
        "1:MTEx"
      })
  void aMalformedKeyRingIsReportedByItsSettingName(String keyRing) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> AesGcmCardKeyVault.fromConfig(keyRing, 1, b64(FP_KEY)));

    assertTrue(
        String.valueOf(e.getMessage()).contains("keydesk.crypto.keys"),
        "message does not name the setting: " + e.getMessage());
  }

  @Test
  void aMalformedFingerprintKeyIsReportedByItsSettingName() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> AesGcmCardKeyVault.fromConfig("1:" + b64(KEY_1), 1, "%%%"));

    assertTrue(
        String.valueOf(e.getMessage()).contains("keydesk.crypto.fingerprint-key"),
        "message does not name the setting: " + e.getMessage());
  }

  @Test
  void errorsAboutTheKeyRingNeverShowTheKeys() {
    String shortKey = b64(filled(16, 0x5a));

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> AesGcmCardKeyVault.fromConfig("1:" + shortKey, 1, b64(FP_KEY)));

    assertFalse(String.valueOf(e.getMessage()).contains(shortKey));
    assertFalse(String.valueOf(e.getMessage()).contains(b64(FP_KEY)));
  }

  @Test
  void aFingerprintIsStableLowerCaseHex() {
    String fp = vault.fingerprint("ABCD-EFGH-IJKL");

    assertTrue(fp.matches("[0-9a-f]{64}"), fp);
    assertEquals(fp, vault.fingerprint("ABCD-EFGH-IJKL"));
    assertEquals(fp, vault(Map.of(1, KEY_1), 1).fingerprint("ABCD-EFGH-IJKL"));
  }

  @Test
  void theSameKeyTypedDifferentlyHasTheSameFingerprint() {
    String fp = vault.fingerprint("ABCDEFGHIJKL");

    assertEquals(fp, vault.fingerprint("abcd-efgh-ijkl"));
    assertEquals(fp, vault.fingerprint(" ABCD EFGH IJKL "));
    assertEquals(fp, vault.fingerprint("AbCd-EfGh\tIjKl\n"));
    assertEquals(fp, vault.fingerprint("ＡＢＣＤ－ＥＦＧＨ－ＩＪＫＬ"), "full-width input");
  }

  @Test
  void differentKeysHaveDifferentFingerprints() {
    assertNotEquals(vault.fingerprint("ABCD-EFGH-IJKL"), vault.fingerprint("ABCD-EFGH-IJKM"));
    assertNotEquals(vault.fingerprint("ABCD-EFGH-IJKL"), vault.fingerprint("ABCD-EFGH-IJK"));
  }

  @Test
  void theFingerprintIsKeyed() {
    AesGcmCardKeyVault otherFingerprintKey =
        new AesGcmCardKeyVault(Map.of(1, KEY_1), 1, filled(32, 0x44));

    assertNotEquals(
        vault.fingerprint("ABCDEFGHIJKL"), otherFingerprintKey.fingerprint("ABCDEFGHIJKL"));
    assertNotEquals(Digests.sha256Hex("ABCDEFGHIJKL"), vault.fingerprint("ABCDEFGHIJKL"));
    assertEquals(
        Digests.hmacSha256Hex(FP_KEY, "ABCDEFGHIJKL".getBytes(StandardCharsets.UTF_8)),
        vault.fingerprint("abcd-efgh-ijkl"));
  }

  @Test
  void rotatingTheSealingKeysKeepsFingerprints() {
    AesGcmCardKeyVault rotated = vault(Map.of(1, KEY_1, 2, KEY_2), 2);

    assertEquals(vault.fingerprint("ABCD-EFGH"), rotated.fingerprint("ABCD-EFGH"));
  }
}
