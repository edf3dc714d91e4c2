package io.keydesk.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    String report =
        Evaluate.report(
            "p.tsv",
            List.of(
                new Corpus.Example("NOT_RECEIVED", "付了款一直没有发卡"),
                new Corpus.Example("USAGE_HELP", "how do I redeem this card")));
    for (String part :
        new String[] {
          "## Classifier accuracy",
          "held-out top-1 accuracy",
          "held-out top-2 accuracy",
          "| NOT_RECEIVED |",
          "Confusion matrix",
          "below the threshold",
          "Machine:",
          "classifier/evaluate",
          "### Probe set `p.tsv`",
          "| probe examples | 2 |",
          "probe top-1 accuracy",
          "Probe texts it gets wrong"
        }) {
      assertTrue(report.contains(part), part);
    }
  }

  @Test
  void aProbeFileIsReadInTheCorpusFormat() throws IOException {
    Path file = dir.resolve("probe.tsv");
    Files.writeString(file, "# probe\nOTHER\t能开发票吗\n\nINVALID_KEY\tcode already used\n");
    assertEquals(
        List.of(
            new Corpus.Example("OTHER", "能开发票吗"),
            new Corpus.Example("INVALID_KEY", "code already used")),
        Evaluate.probe(file));
    Files.writeString(file, "OTHER no tab\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Evaluate.probe(file));
    assertTrue(e.getMessage().contains("probe.tsv:1"), e.getMessage());
  }

  @Test
  void languagesAreToldApart() {
    assertEquals("zh", Evaluate.language("没收到卡密"));
    assertEquals("en", Evaluate.language("no code received"));
    assertEquals("mixed", Evaluate.language("我的steam code呢"));
  }
}
