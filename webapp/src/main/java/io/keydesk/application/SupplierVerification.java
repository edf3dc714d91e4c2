package io.keydesk.application;

import java.time.Duration;
import java.util.Objects;

/**
 * Asks a key's supplier whether the key is good. Implementations never throw: a supplier that times
 * out, fails or answers nonsense gives {@link Verdict.Outcome#UNAVAILABLE}, and callers send the
 * case to a human. The answer comes within the configured timeout (default 3 s) or at once while
 * the supplier's circuit is open.
 */
public interface SupplierVerification {
  Verdict verify(KeyCheck check);

  /**
   * What the supplier needs to identify one key. {@code code} is the decrypted key: it goes to the
   * supplier and nowhere else (never into a log, an answer or {@link #toString()}).
   */
  record KeyCheck(
      String supplierCode, String productSku, String batchCode, String fingerprint, String code) {
    public KeyCheck {
      Objects.requireNonNull(supplierCode, "supplierCode");
      Objects.requireNonNull(productSku, "productSku");
      Objects.requireNonNull(fingerprint, "fingerprint");
      Objects.requireNonNull(code, "code");
    }

    @Override
    public String toString() {
      return "KeyCheck[supplier="
          + supplierCode
          + ", sku="
          + productSku
          + ", batch="
          + batchCode
          + ", fingerprint="
          + fingerprint
          + ", code=<redacted>]";
    }
  }

  /** The supplier's answer, a readable detail, and how long it took to get it. */
  record Verdict(Outcome outcome, String detail, Duration took) {
    public Verdict {
      Objects.requireNonNull(outcome, "outcome");
      detail = detail == null ? "" : detail;
      took = took == null ? Duration.ZERO : took;
    }

    /** What the supplier says about the key. */
    public enum Outcome {
      /** The key is good and unused. */
      VALID,
      /** The key is faulty: it never worked. */
      DEFECTIVE,
      /** The key was already redeemed. */
      REDEEMED,
      /** No usable answer: timeout, error, a bad answer, or the supplier's circuit is open. */
      UNAVAILABLE
    }
  }
}
