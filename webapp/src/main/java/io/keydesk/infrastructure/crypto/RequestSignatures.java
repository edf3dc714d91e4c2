package io.keydesk.infrastructure.crypto;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The signature Keydesk uses on every signed HTTP call, in both directions (shop → Keydesk, Keydesk
 * → shop webhooks, Keydesk → supplier): header {@code X-Keydesk-Signature: sha256=<hex>} where hex
 * is HMAC-SHA256, keyed with the shared secret, of {@code <X-Keydesk-Timestamp> + "." + <raw
 * body>}, the timestamp in Unix seconds.
 */
public final class RequestSignatures {
  public static final String TIMESTAMP = "X-Keydesk-Timestamp";
  public static final String SIGNATURE = "X-Keydesk-Signature";
  public static final String PREFIX = "sha256=";

  /** How far a timestamp may be from the receiver's clock. */
  public static final Duration WINDOW = Duration.ofMinutes(5);

  private RequestSignatures() {}

  /** The value of {@code X-Keydesk-Signature} for this timestamp and body. */
  public static String sign(String secret, String timestamp, String body) {
    return PREFIX
        + Digests.hmacSha256Hex(
            secret.getBytes(StandardCharsets.UTF_8),
            (timestamp + "." + (body == null ? "" : body)).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Checks a received request: the timestamp is Unix seconds within {@link #WINDOW} of {@code now}
   * and the signature matches (compared in constant time). Does not guard against replays.
   *
   * @return null when the request is good, otherwise why it is not
   */
  public static String problem(
      String secret, String timestamp, String signature, String body, Instant now) {
    if (timestamp == null || signature == null || !signature.startsWith(PREFIX)) {
      return TIMESTAMP + " and " + SIGNATURE + ": sha256=<hex> are required";
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      return TIMESTAMP + " must be Unix seconds";
    }
    if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(WINDOW) > 0) {
      return "the timestamp is outside the five-minute window";
    }
    String expected = sign(secret, timestamp.strip(), body);
    if (!Digests.equalsConstantTime(
        expected,
        PREFIX + signature.substring(PREFIX.length()).strip().toLowerCase(java.util.Locale.ROOT))) {
      return "the signature does not match";
    }
    return null;
  }
}
