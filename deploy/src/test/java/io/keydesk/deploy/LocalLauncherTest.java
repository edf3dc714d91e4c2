package io.keydesk.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.embedded.PortInUseException;
import io.keydesk.embedded.Ports;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalLauncherTest {
  @TempDir Path root;

  @Test
  void aTakenHttpPortIsReportedWithItsSettingBeforeAnythingStarts() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      Settings settings =
          Settings.load(
              Map.of(
                  "KEYDESK_HTTP_PORT", Integer.toString(taken.getLocalPort()),
                  "KEYDESK_DB_PORT", Integer.toString(Ports.freePort()),
                  "KEYDESK_KAFKA_PORT", Integer.toString(Ports.freePort()),
                  "KEYDESK_KAFKA_CONTROLLER_PORT", Integer.toString(Ports.freePort()),
                  "KEYDESK_MAIL_PORT", Integer.toString(Ports.freePort())),
              root);

      PortInUseException e =
          assertThrows(PortInUseException.class, () -> LocalLauncher.checkPorts(settings));

      assertEquals(
          "Port "
              + taken.getLocalPort()
              + " is already in use. Set KEYDESK_HTTP_PORT to another port.",
          e.getMessage());
      assertTrue(Files.notExists(root.resolve("data")), "nothing was created");
    }
  }

  @Test
  void twoSettingsWithTheSamePortAreRejected() {
    int port = Ports.freePort();
    Settings settings =
        Settings.load(
            Map.of(
                "KEYDESK_HTTP_PORT", Integer.toString(port),
                "KEYDESK_DB_PORT", Integer.toString(port),
                "KEYDESK_KAFKA_BOOTSTRAP", "kafka:9092"),
            root);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LocalLauncher.checkPorts(settings));
    assertEquals(
        "KEYDESK_DB_PORT and KEYDESK_HTTP_PORT both use port " + port + "; change one of them.",
        e.getMessage());
  }

  @Test
  void externalServicesBindNoLocalPorts() {
    Settings settings =
        Settings.load(
            Map.of(
                "KEYDESK_DB_URL", "jdbc:mariadb://db:3306/keydesk",
                "KEYDESK_KAFKA_BOOTSTRAP", "kafka:9092",
                "KEYDESK_MAIL_HOST", "smtp.example.com"),
            root);
    assertEquals(
        List.of(Settings.HTTP_PORT), List.copyOf(LocalLauncher.portsToBind(settings).keySet()));
    assertEquals(LocalLauncher.DatabaseMode.EXTERNAL, LocalLauncher.databaseMode(settings));
  }

  @Test
  void embeddedServicesBindTheirDefaultPorts() {
    assertEquals(
        Map.of(
            Settings.DB_PORT, 3307,
            Settings.KAFKA_PORT, 9092,
            Settings.KAFKA_CONTROLLER_PORT, 9093,
            Settings.MAIL_PORT, 3025,
            Settings.HTTP_PORT, 8080),
        LocalLauncher.portsToBind(Settings.load(Map.of(), root)));
  }

  @Test
  void theControllerPortRememberedByAFormattedKafkaFolderWins() throws IOException {
    Files.createDirectories(root.resolve("data/kafka"));
    Files.writeString(root.resolve("data/kafka/controller.port"), "19093\n");
    Settings settings = Settings.load(Map.of("KEYDESK_KAFKA_CONTROLLER_PORT", "9093"), root);
    assertEquals(19093, LocalLauncher.portsToBind(settings).get(Settings.KAFKA_CONTROLLER_PORT));
  }

  @Test
  void anUnknownDatabaseModeSaysWhichOnesExist() {
    Settings settings = Settings.load(Map.of("KEYDESK_DB_MODE", "postgres"), root);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LocalLauncher.databaseMode(settings));
    assertEquals(
        "KEYDESK_DB_MODE must be embedded or mariadbd, but is \"postgres\"", e.getMessage());
  }

  @Test
  void thePublicUrlFollowsTheHttpPortUnlessSet() {
    assertEquals(
        "http://localhost:8181",
        LocalLauncher.publicUrl(Settings.load(Map.of("KEYDESK_HTTP_PORT", "8181"), root)));
    assertEquals(
        "https://keydesk.example",
        LocalLauncher.publicUrl(
            Settings.load(Map.of("KEYDESK_PUBLIC_URL", "https://keydesk.example/"), root)));
  }

  @Test
  void theSimulatedSupplierAndShopAreUsedUnlessRealOnesAreConfigured() {
    Map<String, String> local = LocalLauncher.integrations(Settings.load(Map.of(), root), 8081);
    assertEquals("true", local.get("keydesk.supplier.simulated"));
    assertEquals(
        "http://127.0.0.1:8081/simulated-supplier/verify",
        local.get("keydesk.supplier.verify-url"));
    assertEquals("true", local.get("keydesk.shop.simulated"));
    assertEquals(
        "http://127.0.0.1:8081/simulated-shop/webhooks", local.get("keydesk.shop.webhook-url"));

    Map<String, String> real =
        LocalLauncher.integrations(
            Settings.load(
                Map.of(
                    "KEYDESK_SUPPLIER_VERIFY_URL", "https://supplier.example.com/verify",
                    "KEYDESK_SHOP_WEBHOOK_URL", "https://shop.example.com/keydesk"),
                root),
            8080);
    assertEquals("false", real.get("keydesk.supplier.simulated"));
    assertEquals("https://supplier.example.com/verify", real.get("keydesk.supplier.verify-url"));
    assertEquals("false", real.get("keydesk.shop.simulated"));
    assertEquals("https://shop.example.com/keydesk", real.get("keydesk.shop.webhook-url"));
  }
}
