package io.keydesk.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadmeTest {
  @Test
  void theSettingsTableListsEverySettingTheLauncherReads() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    List<String> undocumented =
        Arrays.stream(Settings.class.getDeclaredFields())
            .filter(field -> Modifier.isStatic(field.getModifiers()))
            .filter(field -> field.getType() == String.class)
            .map(ReadmeTest::value)
            .filter(name -> !readme.contains("| `" + name + "` |"))
            .toList();
    assertEquals(List.of(), undocumented, "settings missing from deploy/README.md");
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
