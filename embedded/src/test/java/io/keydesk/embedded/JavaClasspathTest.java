package io.keydesk.embedded;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaClasspathTest {
  @Test
  void followsManifestClassPathsSoAChildJvmSeesTheKafkaJars() {
    List<String> entries = Arrays.asList(JavaClasspath.current().split(File.pathSeparator));
    assertTrue(
        entries.stream().anyMatch(entry -> entry.endsWith("kafka_2.13-4.4.0.jar")),
        () -> "kafka_2.13 not found in " + entries);
    assertTrue(
        entries.stream().anyMatch(entry -> entry.endsWith("kafka-server-4.4.0.jar")),
        () -> "kafka-server not found in " + entries);
  }
}
