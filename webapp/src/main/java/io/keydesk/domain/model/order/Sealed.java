package io.keydesk.domain.model.order;

import java.util.Arrays;

/**
 * A secret value as stored: AES-256-GCM output (nonce, ciphertext and tag) with the version of the
 * key that sealed it.
 */
public record Sealed(byte[] bytes, int keyVersion) {
  public Sealed {
    if (bytes == null || bytes.length == 0) {
      throw new IllegalArgumentException("sealed bytes are required");
    }
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Sealed s && keyVersion == s.keyVersion && Arrays.equals(bytes, s.bytes);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(bytes) + keyVersion;
  }

  @Override
  public String toString() {
    return "Sealed[v" + keyVersion + ", " + bytes.length + " bytes]";
  }
}
