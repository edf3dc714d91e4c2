package io.keydesk.bench.claims;

import io.keydesk.embedded.EmbeddedMariaDb;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The one staff account the simulation needs (an admin: help articles, block list, audit check).
 * Keydesk has no API that creates staff accounts (with demo data off none exist), so this is the
 * operator's step, done once before any traffic: one {@code staff_user} row written with the app's
 * own database account, its password stored as Jakarta Security's PBKDF2 hash with the app's
 * parameters ({@code PasswordHasher}: PBKDF2-HMAC-SHA512, 210,000 iterations, 32-byte salt and
 * key). It is the only row the simulation writes directly; everything else goes through the API.
 */
record StaffAccount(String username, String password) {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALGORITHM = "PBKDF2WithHmacSHA512";
  private static final int ITERATIONS = 210_000;

  @Override
  public String toString() {
    return "StaffAccount[" + username + "]";
  }

  static StaffAccount createAdmin(EmbeddedMariaDb db) throws SQLException {
    byte[] secret = new byte[24];
    RANDOM.nextBytes(secret);
    StaffAccount account = new StaffAccount("simulation-admin", HexFormat.of().formatHex(secret));
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO staff_user (username, display_name, password_hash, role, language,"
                    + " active, created_at) VALUES (?, ?, ?, 'ADMIN', 'en', TRUE, ?)")) {
      insert.setString(1, account.username());
      insert.setString(2, "Simulation admin");
      insert.setString(3, hash(account.password().toCharArray()));
      insert.setTimestamp(4, Timestamp.from(Instant.now()));
      insert.executeUpdate();
    }
    return account;
  }

  /** {@code algorithm:iterations:base64(salt):base64(hash)}, as Jakarta Security stores it. */
  static String hash(char[] password) {
    byte[] salt = new byte[32];
    RANDOM.nextBytes(salt);
    try {
      byte[] hash =
          SecretKeyFactory.getInstance(ALGORITHM)
              .generateSecret(new PBEKeySpec(password, salt, ITERATIONS, 32 * 8))
              .getEncoded();
      Base64.Encoder b64 = Base64.getEncoder();
      return ALGORITHM
          + ":"
          + ITERATIONS
          + ":"
          + b64.encodeToString(salt)
          + ":"
          + b64.encodeToString(hash);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is not available", e);
    }
  }
}
