package io.keydesk.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateTest {
  @TempDir Path dir;

  @Test
  void theSectionReplacesOnlyItself() throws IOException {
    Path file = dir.resolve("benchmarks.md");
    Files.writeString(
        file,
        "# Benchmarks\n\n## Throughput\n\nfast\n\n## Classifier accuracy\n\nold\n\n### detail\n\nold"
            + " detail\n\n## Latency\n\nlow\n");
    Evaluate.writeSection(file, "## Classifier accuracy\n\nnew\n\n### detail\n\nnew detail\n");
    assertEquals(
        "# Benchmarks\n\n## Throughput\n\nfast\n\n## Classifier accuracy\n\nnew\n\n### detail\n\n"
            + "new detail\n\n## Latency\n\nlow\n",
        Files.readString(file));
  }

  @Test
  void aMissingSectionOrFileIsAdded() throws IOException {
    Path file = dir.resolve("new.md");
    Evaluate.writeSection(file, "## Classifier accuracy\n\nfirst\n");
    assertEquals("# Benchmarks\n\n## Classifier accuracy\n\nfirst\n", Files.readString(file));

    Path other = dir.resolve("other.md");
    Files.writeString(other, "# Benchmarks\n\n## Latency\n\nlow\n");
    Evaluate.writeSection(other, "## Classifier accuracy\n\nx\n");
    assertEquals(
        "# Benchmarks\n\n## Latency\n\nlow\n\n## Classifier accuracy\n\nx\n",
        Files.readString(other));
  }

  @Test
  void theReportHasEveryFigure() {
    String report = Evaluate.report();
    for (String part :
        new String[] {
          "## Classifier accuracy",
          "held-out top-1 accuracy",
          "held-out top-2 accuracy",
          "| NOT_RECEIVED |",
          "Confusion matrix",
          "below the threshold",
          "Machine:",
          "classifier/evaluate"
        }) {
      assertTrue(report.contains(part), part);
    }
  }

  @Test
  void languagesAreToldApart() {
    assertEquals("zh", Evaluate.language("没收到卡密"));
    assertEquals("en", Evaluate.language("no code received"));
    assertEquals("mixed", Evaluate.language("我的steam code呢"));
  }
}
