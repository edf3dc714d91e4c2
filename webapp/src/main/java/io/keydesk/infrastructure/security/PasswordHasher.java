package io.keydesk.infrastructure.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Slow salted password hashes: PBKDF2-HMAC-SHA512, 210,000 iterations, 32-byte salt (OWASP's 2023
 * guidance), through Jakarta Security's {@link Pbkdf2PasswordHash}.
 */
@ApplicationScoped
public class PasswordHasher {
  @Inject Pbkdf2PasswordHash pbkdf2;

  private String dummyHash;

  @PostConstruct
  void configure() {
    pbkdf2.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    dummyHash = pbkdf2.generate("not-a-password".toCharArray());
  }

  public String hash(char[] password) {
    if (password == null || password.length < 8) {
      throw new IllegalArgumentException("a password needs at least 8 characters");
    }
    return pbkdf2.generate(password);
  }

  public boolean verify(char[] password, String hash) {
    return pbkdf2.verify(password, hash);
  }

  /** Spends the same time as a real check, for unknown users. */
  public void verifyNothing(char[] password) {
    pbkdf2.verify(password, dummyHash);
  }
}
