package io.keydesk.domain.model.order;

/**
 * Seals card keys for storage, opens them for their verified buyer, and fingerprints them so the
 * same key can be recognised anywhere without decrypting.
 */
public interface CardKeyVault {
  Sealed seal(String plaintext);

  /**
   * @throws TamperedException when the stored value was changed or sealed with another key
   */
  String open(Sealed sealed);

  /** HMAC-SHA256 of the normalised code, lower-case hex. */
  String fingerprint(String code);

  /** The stored value cannot be authenticated. */
  class TamperedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TamperedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
