package io.keydesk.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {
  @TempDir Path dir;

  @Test
  void generatesOnceInTheDocumentedFormatsAndReusesThem() throws IOException {
    Path file = dir.resolve("secrets.properties");

    Secrets first = Secrets.loadOrCreate(file);
    Secrets second = Secrets.loadOrCreate(file);

    assertEquals(first, second, "the second start reuses the stored secrets");
    assertTrue(first.cryptoKeys().startsWith("1:"), first.cryptoKeys().substring(0, 2));
    assertEquals(32, Base64.getDecoder().decode(first.cryptoKeys().substring(2)).length);
    assertEquals("1", first.cryptoActiveVersion());
    assertEquals(32, Base64.getDecoder().decode(first.fingerprintKey()).length);
    assertTrue(first.shopSecret().matches("[0-9a-f]{64}"), "32 random bytes as hex");
    assertTrue(first.dbPassword().matches("[0-9a-f]{32}"));
    assertTrue(first.supplierSecret().matches("[0-9a-f]{64}"));
    assertNotEquals(first.shopSecret(), first.supplierSecret());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }

  @Test
  void aMissingKeyIsAddedWithoutTouchingTheOthers() throws IOException {
    Path file = dir.resolve("secrets.properties");
    Files.writeString(file, "keydesk.crypto.keys=1:AAAA\n");

    Secrets secrets = Secrets.loadOrCreate(file);

    assertEquals("1:AAAA", secrets.cryptoKeys());
    assertTrue(Files.readString(file).contains("keydesk.db.password="));
    assertNotEquals(
        secrets.fingerprintKey(), Secrets.loadOrCreate(dir.resolve("other")).fingerprintKey());
  }

  @Test
  void neverPrintsItsValues() {
    Secrets secrets = Secrets.loadOrCreate(dir.resolve("secrets.properties"));
    assertEquals("Secrets[redacted]", secrets.toString());
  }
}
