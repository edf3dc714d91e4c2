package io.keydesk.classifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Labelled buyer texts, one per line: {@code CATEGORY<TAB>text}. Blank lines and lines starting
 * with {@code #} are skipped. The training corpus and the separately written held-out set ship as
 * resources next to this class.
 */
public final class Corpus {
  /** The training corpus resource. */
  public static final String TRAINING = "train.tsv";

  /** The held-out evaluation set: written apart from the training corpus, never trained on. */
  public static final String HELD_OUT = "heldout.tsv";

  private Corpus() {}

  /** One labelled text. */
  public record Example(String category, String text) {
    public Example {
      if (!Categories.CODES.contains(category)) {
        throw new IllegalArgumentException("unknown category " + category);
      }
      if (text == null || text.isBlank()) {
        throw new IllegalArgumentException("an example needs a text");
      }
    }
  }

  public static List<Example> training() {
    return resource(TRAINING);
  }

  public static List<Example> heldOut() {
    return resource(HELD_OUT);
  }

  /** A corpus shipped next to this class. */
  public static List<Example> resource(String name) {
    try (InputStream in = Corpus.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no corpus resource " + name);
      }
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8), name);
    } catch (IOException e) {
      throw new UncheckedIOException("reading corpus " + name, e);
    }
  }

  /**
   * @throws IllegalArgumentException naming the line of a malformed entry
   */
  public static List<Example> parse(Reader reader, String name) throws IOException {
    List<Example> examples = new ArrayList<>();
    BufferedReader lines = new BufferedReader(reader);
    String line;
    int number = 0;
    while ((line = lines.readLine()) != null) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab < 0) {
        throw new IllegalArgumentException(name + ":" + number + ": expected CATEGORY<TAB>text");
      }
      try {
        examples.add(new Example(line.substring(0, tab).strip(), line.substring(tab + 1).strip()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(name + ":" + number + ": " + e.getMessage(), e);
      }
    }
    return List.copyOf(examples);
  }
}
