package io.keydesk.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The local installation's secrets, generated on the first start into {@code secrets.properties} in
 * the data folder (readable by the owner only, never in git) and reused afterwards. A key missing
 * from the file is generated and added; existing keys are never changed, so encrypted card keys
 * stay readable.
 */
record Secrets(
    String cryptoKeys,
    String cryptoActiveVersion,
    String fingerprintKey,
    String shopSecret,
    String dbPassword,
    String dbOwnerPassword,
    String supplierSecret) {
  static final String CRYPTO_KEYS = "keydesk.crypto.keys";
  static final String CRYPTO_ACTIVE_VERSION = "keydesk.crypto.active-version";
  static final String FINGERPRINT_KEY = "keydesk.crypto.fingerprint-key";
  static final String SHOP_SECRET = "keydesk.shop.secret";
  static final String DB_PASSWORD = "keydesk.db.password";
  static final String DB_OWNER_PASSWORD = "keydesk.db.owner-password";
  static final String SUPPLIER_SECRET = "keydesk.supplier.secret";

  private static final SecureRandom RANDOM = new SecureRandom();

  /** Reads {@code file}, generating and storing whatever is missing. */
  static Secrets loadOrCreate(Path file) {
    Properties properties = new Properties();
    try {
      if (Files.exists(file)) {
        try (Reader reader = Files.newBufferedReader(file)) {
          properties.load(reader);
        }
      }
      int before = properties.size();
      properties.putIfAbsent(CRYPTO_KEYS, "1:" + base64(randomBytes(32)));
      properties.putIfAbsent(CRYPTO_ACTIVE_VERSION, "1");
      properties.putIfAbsent(FINGERPRINT_KEY, base64(randomBytes(32)));
      properties.putIfAbsent(SHOP_SECRET, HexFormat.of().formatHex(randomBytes(32)));
      properties.putIfAbsent(DB_PASSWORD, HexFormat.of().formatHex(randomBytes(16)));
      properties.putIfAbsent(DB_OWNER_PASSWORD, HexFormat.of().formatHex(randomBytes(16)));
      properties.putIfAbsent(SUPPLIER_SECRET, HexFormat.of().formatHex(randomBytes(32)));
      if (properties.size() != before) {
        store(properties, file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read or write the secrets file " + file, e);
    }
    return new Secrets(
        properties.getProperty(CRYPTO_KEYS),
        properties.getProperty(CRYPTO_ACTIVE_VERSION),
        properties.getProperty(FINGERPRINT_KEY),
        properties.getProperty(SHOP_SECRET),
        properties.getProperty(DB_PASSWORD),
        properties.getProperty(DB_OWNER_PASSWORD),
        properties.getProperty(SUPPLIER_SECRET));
  }

  @Override
  public String toString() {
    return "Secrets[redacted]";
  }

  private static void store(Properties properties, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path temporary = file.resolveSibling(file.getFileName() + ".new");
    Files.deleteIfExists(temporary);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          temporary,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    try (Writer writer = Files.newBufferedWriter(temporary)) {
      properties.store(writer, "Keydesk local secrets: generated once, keep private, never commit");
    }
    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
  }

  private static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
