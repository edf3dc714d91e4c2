package io.keydesk.interfaces.rest;

import io.keydesk.infrastructure.crypto.Digests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks requests from the shop: {@code X-Keydesk-Signature: sha256=<hex>} must be the HMAC-SHA256,
 * keyed with the shop secret, of {@code <X-Keydesk-Timestamp> + "." + <raw body>}; the timestamp
 * (Unix seconds) must be within five minutes of now; and a signature is accepted once only.
 */
@ApplicationScoped
public class ShopSignatures {
  public static final String TIMESTAMP = "X-Keydesk-Timestamp";
  public static final String SIGNATURE = "X-Keydesk-Signature";
  static final Duration WINDOW = Duration.ofMinutes(5);

  @Inject
  @ConfigProperty(name = "keydesk.shop.secret")
  String secret;

  @Inject Clock clock;

  @PersistenceContext private EntityManager em;

  /**
   * @throws RequestException 401 for a missing or wrong signature or a stale timestamp, 409 for a
   *     replay
   */
  @Transactional
  public void verify(String timestamp, String signature, String body) {
    if (timestamp == null || signature == null || !signature.startsWith("sha256=")) {
      throw unauthorized("X-Keydesk-Timestamp and X-Keydesk-Signature: sha256=<hex> are required");
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      throw unauthorized("X-Keydesk-Timestamp must be Unix seconds");
    }
    Instant now = clock.instant();
    Instant sent = Instant.ofEpochSecond(seconds);
    if (Duration.between(sent, now).abs().compareTo(WINDOW) > 0) {
      throw unauthorized("the timestamp is outside the five-minute window");
    }
    String expected =
        Digests.hmacSha256Hex(
            secret.getBytes(StandardCharsets.UTF_8),
            (timestamp.strip() + "." + (body == null ? "" : body))
                .getBytes(StandardCharsets.UTF_8));
    String given = signature.substring("sha256=".length()).strip().toLowerCase();
    if (!Digests.equalsConstantTime(expected, given)) {
      throw unauthorized("the signature does not match");
    }
    int inserted =
        em.createNativeQuery(
                "INSERT IGNORE INTO shop_request (signature, received_at) VALUES (?, ?)")
            .setParameter(1, expected)
            .setParameter(2, LocalDateTime.ofInstant(now, ZoneOffset.UTC))
            .executeUpdate();
    if (inserted == 0) {
      throw new RequestException(
          Problem.of(
              409,
              "replayed",
              "Replayed request",
              "this signed request was already"
                  + " received; sign each request with a fresh timestamp"));
    }
    if (now.getNano() % 50 == 0) {
      em.createNativeQuery("DELETE FROM shop_request WHERE received_at < ? LIMIT 1000")
          .setParameter(
              1, LocalDateTime.ofInstant(now.minus(WINDOW.multipliedBy(3)), ZoneOffset.UTC))
          .executeUpdate();
    }
  }

  private static RequestException unauthorized(String detail) {
    return new RequestException(Problem.of(401, "bad-signature", "Signature check failed", detail));
  }
}
