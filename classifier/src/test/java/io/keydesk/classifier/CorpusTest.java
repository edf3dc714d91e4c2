package io.keydesk.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The labelled corpora: big enough, balanced, in both languages, and the held-out set apart. */
class CorpusTest {
  private static final List<Corpus.Example> TRAINING = Corpus.training();
  private static final List<Corpus.Example> HELD_OUT = Corpus.heldOut();

  @Test
  void trainingCorpusIsLargeAndBalanced() {
    assertTrue(TRAINING.size() >= 600, "training examples: " + TRAINING.size());
    Map<String, Long> perCategory = countBy(TRAINING, Corpus.Example::category);
    assertEquals(Set.copyOf(Categories.CODES), perCategory.keySet());
    perCategory.forEach(
        (category, n) -> assertTrue(n >= 80, category + " has only " + n + " examples"));
    long max = perCategory.values().stream().mapToLong(Long::longValue).max().orElseThrow();
    long min = perCategory.values().stream().mapToLong(Long::longValue).min().orElseThrow();
    assertTrue(max <= 2 * min, "categories unbalanced: " + perCategory);
  }

  @Test
  void heldOutSetCoversEveryCategory() {
    assertTrue(HELD_OUT.size() >= 180, "held-out examples: " + HELD_OUT.size());
    countBy(HELD_OUT, Corpus.Example::category)
        .forEach((category, n) -> assertTrue(n >= 25, category + " has only " + n));
    assertEquals(6, countBy(HELD_OUT, Corpus.Example::category).size());
  }

  @Test
  void bothLanguagesAndMixedTextsArePresentInEachCategory() {
    for (List<Corpus.Example> set : List.of(TRAINING, HELD_OUT)) {
      Map<String, Long> languages = countBy(set, e -> Evaluate.language(e.text()));
      assertTrue(languages.getOrDefault("zh", 0L) >= set.size() / 4, "Chinese: " + languages);
      assertTrue(languages.getOrDefault("en", 0L) >= set.size() / 4, "English: " + languages);
      assertTrue(languages.getOrDefault("mixed", 0L) >= set.size() / 20, "mixed: " + languages);
    }
    for (String category : Categories.CODES) {
      Set<String> languages =
          TRAINING.stream()
              .filter(e -> e.category().equals(category))
              .map(e -> Evaluate.language(e.text()))
              .collect(Collectors.toSet());
      assertEquals(Set.of("zh", "en", "mixed"), languages, category);
    }
  }

  @Test
  void textsRangeFromAFewCharactersToSeveralSentences() {
    int shortest = TRAINING.stream().mapToInt(e -> e.text().length()).min().orElseThrow();
    int longest = TRAINING.stream().mapToInt(e -> e.text().length()).max().orElseThrow();
    assertTrue(shortest <= 4, "shortest " + shortest);
    assertTrue(longest >= 150, "longest " + longest);
    for (String category : Categories.CODES) {
      assertTrue(
          TRAINING.stream()
              .filter(e -> e.category().equals(category))
              .anyMatch(e -> e.text().length() >= 100),
          category + " needs long, several-sentence examples");
    }
  }

  @Test
  void noTextIsListedTwice() {
    List<String> all = new ArrayList<>();
    TRAINING.forEach(e -> all.add(TextFeatures.normalise(e.text())));
    HELD_OUT.forEach(e -> all.add(TextFeatures.normalise(e.text())));
    Set<String> seen = new HashSet<>();
    List<String> repeated = all.stream().filter(t -> !seen.add(t)).toList();
    assertEquals(List.of(), repeated);
  }

  /**
   * The held-out set must measure generalisation, not memory: no held-out text may share more than
   * 80% of its character trigrams (Jaccard) with any training text.
   */
  @Test
  void noHeldOutTextNearlyDuplicatesATrainingText() {
    List<Set<String>> training = TRAINING.stream().map(e -> trigrams(e.text())).toList();
    List<String> tooClose = new ArrayList<>();
    for (Corpus.Example held : HELD_OUT) {
      Set<String> h = trigrams(held.text());
      for (int i = 0; i < training.size(); i++) {
        double similarity = jaccard(h, training.get(i));
        if (similarity > 0.8) {
          tooClose.add(held.text() + "  ~  " + TRAINING.get(i).text());
        }
      }
    }
    assertEquals(List.of(), tooClose);
  }

  /**
   * The probe sets (each written before the training texts added that day) must stay apart too: no
   * training text may nearly duplicate a probe text.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"probe-2026-11-25.tsv, 173", "probe-2026-11-26.tsv, 234"})
  void noTrainingTextNearlyDuplicatesAProbeText(String name, int size) throws IOException {
    List<Corpus.Example> probe;
    try (var in = CorpusTest.class.getResourceAsStream("/" + name)) {
      probe =
          Corpus.parse(
              new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8), name);
    }
    assertEquals(size, probe.size());
    List<Set<String>> training = TRAINING.stream().map(e -> trigrams(e.text())).toList();
    List<String> tooClose = new ArrayList<>();
    for (Corpus.Example p : probe) {
      Set<String> g = trigrams(p.text());
      for (int i = 0; i < training.size(); i++) {
        if (jaccard(g, training.get(i)) > 0.8) {
          tooClose.add(p.text() + "  ~  " + TRAINING.get(i).text());
        }
      }
    }
    assertEquals(List.of(), tooClose);
  }

  @Test
  void theSimilarityCheckCatchesAParaphrase() {
    double close =
        jaccard(
            trigrams("I paid but I never received my Steam code"),
            trigrams("I paid but never received my Steam code!"));
    double far = jaccard(trigrams("I paid but I never received my Steam code"), trigrams("怎么激活"));
    assertTrue(close > 0.8, "close " + close);
    assertTrue(far < 0.1, "far " + far);
  }

  @Test
  void malformedLinesAreNamed() {
    IllegalArgumentException noTab =
        assertThrows(
            IllegalArgumentException.class,
            () -> Corpus.parse(new StringReader("# c\nNOT_RECEIVED no tab here\n"), "x.tsv"));
    assertTrue(noTab.getMessage().startsWith("x.tsv:2:"), noTab.getMessage());
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class,
            () -> Corpus.parse(new StringReader("LOST\tsomething\n"), "x.tsv"));
    assertTrue(unknown.getMessage().contains("unknown category LOST"), unknown.getMessage());
  }

  @Test
  void commentsAndBlankLinesAreSkipped() throws IOException {
    List<Corpus.Example> parsed =
        Corpus.parse(new StringReader("# header\n\nOTHER\t需要发票\n  \nUSAGE_HELP\thow?\n"), "t");
    assertEquals(
        List.of(new Corpus.Example("OTHER", "需要发票"), new Corpus.Example("USAGE_HELP", "how?")),
        parsed);
  }

  /** Character trigrams of the normalised text, spaces removed. */
  static Set<String> trigrams(String text) {
    String s = TextFeatures.normalise(text).replace(" ", "");
    int[] cps = s.codePoints().toArray();
    Set<String> grams = new HashSet<>();
    for (int i = 0; i + 3 <= cps.length; i++) {
      grams.add(new String(cps, i, 3));
    }
    if (grams.isEmpty()) {
      grams.add(s);
    }
    return grams;
  }

  static double jaccard(Set<String> a, Set<String> b) {
    Set<String> union = new HashSet<>(a);
    union.addAll(b);
    Set<String> intersection = new HashSet<>(a);
    intersection.retainAll(b);
    return union.isEmpty() ? 0 : (double) intersection.size() / union.size();
  }

  private static <K> Map<K, Long> countBy(
      List<Corpus.Example> examples, Function<Corpus.Example, K> key) {
    return examples.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
  }
}
