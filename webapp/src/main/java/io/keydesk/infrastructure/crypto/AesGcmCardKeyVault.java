package io.keydesk.infrastructure.crypto;

import io.keydesk.domain.model.order.CardKeyVault;
import io.keydesk.domain.model.order.Sealed;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a random 96-bit nonce per value; the stored bytes are {@code nonce || ciphertext
 * || tag}. The key version is bound into the authentication tag (as associated data), so a value
 * cannot be moved to another version unnoticed. Old key versions stay readable for rotation; new
 * values are sealed with the active one.
 */
public final class AesGcmCardKeyVault implements CardKeyVault {
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<Integer, SecretKey> keys;
  private final int activeVersion;
  private final byte[] fingerprintKey;

  public AesGcmCardKeyVault(Map<Integer, byte[]> keys, int activeVersion, byte[] fingerprintKey) {
    this.keys = new TreeMap<>();
    keys.forEach(
        (version, key) -> {
          if (key.length != 32) {
            throw new IllegalArgumentException("key version " + version + " is not 256 bits");
          }
          this.keys.put(version, new SecretKeySpec(key.clone(), "AES"));
        });
    if (!this.keys.containsKey(activeVersion)) {
      throw new IllegalArgumentException("no key for the active version " + activeVersion);
    }
    if (fingerprintKey == null || fingerprintKey.length < 32) {
      throw new IllegalArgumentException("the fingerprint key must have at least 256 bits");
    }
    this.activeVersion = activeVersion;
    this.fingerprintKey = fingerprintKey.clone();
  }

  /**
   * Parses the configured key ring {@code "1:<base64>,2:<base64>"}.
   *
   * @throws IllegalArgumentException naming the setting when it is malformed
   */
  public static AesGcmCardKeyVault fromConfig(String keyRing, int activeVersion, String fpKey) {
    Map<Integer, byte[]> parsed = new TreeMap<>();
    for (String entry : (keyRing == null ? "" : keyRing).split(",", -1)) {
      String[] parts = entry.strip().split(":", 2);
      int version;
      byte[] key;
      try {
        version = Integer.parseInt(parts[0].strip());
        key = Base64.getDecoder().decode(parts.length == 2 ? parts[1].strip() : "");
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "keydesk.crypto.keys must look like 1:<base64 of 32 bytes>,2:<…>", e);
      }
      if (key.length != 32) {
        throw new IllegalArgumentException(
            "keydesk.crypto.keys: key version " + version + " is not 32 bytes (256 bits)");
      }
      if (parsed.put(version, key) != null) {
        throw new IllegalArgumentException(
            "keydesk.crypto.keys: key version " + version + " is given twice");
      }
    }
    if (!parsed.containsKey(activeVersion)) {
      throw new IllegalArgumentException(
          "keydesk.crypto.active-version " + activeVersion + " has no key in keydesk.crypto.keys");
    }
    byte[] fingerprintKey;
    try {
      fingerprintKey = Base64.getDecoder().decode(fpKey == null ? "" : fpKey.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("keydesk.crypto.fingerprint-key must be base64", e);
    }
    if (fingerprintKey.length < 32) {
      throw new IllegalArgumentException(
          "keydesk.crypto.fingerprint-key must be at least 32 bytes (256 bits)");
    }
    return new AesGcmCardKeyVault(parsed, activeVersion, fingerprintKey);
  }

  @Override
  public Sealed seal(String plaintext) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE, keys.get(activeVersion), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(versionBytes(activeVersion));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return new Sealed(
          ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array(),
          activeVersion);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  @Override
  public String open(Sealed sealed) {
    SecretKey key = keys.get(sealed.keyVersion());
    if (key == null) {
      throw new TamperedException("no key for version " + sealed.keyVersion(), null);
    }
    byte[] bytes = sealed.bytes();
    if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new TamperedException("sealed value too short", null);
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
      cipher.updateAAD(versionBytes(sealed.keyVersion()));
      byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new TamperedException("sealed value failed authentication", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  @Override
  public String fingerprint(String code) {
    return Digests.hmacSha256Hex(fingerprintKey, normalise(code).getBytes(StandardCharsets.UTF_8));
  }

  /** The same key typed with other case, spaces or dashes has the same fingerprint. */
  static String normalise(String code) {
    return Normalizer.normalize(code, Normalizer.Form.NFKC)
        .replaceAll("[\\s\\-]", "")
        .toUpperCase(java.util.Locale.ROOT);
  }

  private static byte[] versionBytes(int version) {
    return ByteBuffer.allocate(4).putInt(version).array();
  }
}
