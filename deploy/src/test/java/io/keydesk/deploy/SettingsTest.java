package io.keydesk.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  @TempDir Path root;

  @Test
  void environmentBeatsTheFileWhichBeatsTheDefault() throws IOException {
    Files.createDirectories(root.resolve("data"));
    Files.writeString(
        root.resolve("data/keydesk-local.properties"),
        "KEYDESK_HTTP_PORT=8181\nKEYDESK_DB_PORT=3310\n");

    Settings settings = Settings.load(Map.of("KEYDESK_HTTP_PORT", "8282"), root);

    assertEquals(8282, settings.port(Settings.HTTP_PORT, 8080), "environment wins");
    assertEquals(3310, settings.port(Settings.DB_PORT, 3307), "file beats the default");
    assertEquals(9092, settings.port(Settings.KAFKA_PORT, 9092), "default when nobody sets it");
  }

  @Test
  void theDataFolderDefaultsToDataUnderTheRootAndFollowsKeydeskHome() {
    assertEquals(root.resolve("data"), Settings.load(Map.of(), root).home());
    assertEquals(
        root.resolve("elsewhere"),
        Settings.load(Map.of("KEYDESK_HOME", "elsewhere"), root).home(),
        "relative to the repository root");
    assertEquals(
        Path.of("/srv/keydesk"),
        Settings.load(Map.of("KEYDESK_HOME", "/srv/keydesk"), root).home());
  }

  @Test
  void keydeskConfigNamesTheFileAndMayMoveTheDataFolder() throws IOException {
    Path file =
        Files.writeString(
            root.resolve("team.properties"),
            "KEYDESK_HOME=shared-data\nKEYDESK_DB_MODE=mariadbd\n");
    Files.createDirectories(root.resolve("shared-data"));
    Files.writeString(
        root.resolve("shared-data/keydesk-local.properties"), "KEYDESK_DB_MODE=ignored\n");

    Settings settings = Settings.load(Map.of("KEYDESK_CONFIG", file.toString()), root);

    assertEquals(root.resolve("shared-data"), settings.home());
    assertEquals(file, settings.configFile());
    assertEquals(Optional.of("mariadbd"), settings.find(Settings.DB_MODE));
  }

  @Test
  void blankValuesCountAsUnset() {
    Settings settings = Settings.load(Map.of("KEYDESK_DB_URL", "  "), root);
    assertEquals(Optional.empty(), settings.find(Settings.DB_URL));
  }

  @Test
  void aPortThatIsNotANumberNamesTheSetting() {
    Settings settings = Settings.load(Map.of("KEYDESK_KAFKA_PORT", "ninety"), root);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> settings.port(Settings.KAFKA_PORT, 9092));
    assertEquals("KEYDESK_KAFKA_PORT must be a whole number, but is \"ninety\"", e.getMessage());
  }
}
