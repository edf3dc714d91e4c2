package io.keydesk.classifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a trained classifier does on labelled examples: top-1 and top-2 accuracy, precision and
 * recall per category, the confusion matrix, and how answers split at a confidence threshold.
 */
public final class Evaluation {
  private final List<String> categories = Categories.CODES;
  private final int[][] confusion;
  private final List<Outcome> outcomes = new ArrayList<>();

  /** One evaluated example. */
  public record Outcome(Corpus.Example example, Classification result) {
    public boolean correct() {
      return example.category().equals(result.category());
    }

    public boolean inTopTwo() {
      return correct()
          || (!result.alternatives().isEmpty()
              && example.category().equals(result.alternatives().get(0).category()));
    }
  }

  /** Precision and recall of one category; {@code support} is its number of examples. */
  public record CategoryScore(String category, int support, double precision, double recall) {
    public double f1() {
      return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
  }

  /** How answers split at a threshold. */
  public record ThresholdRow(
      double threshold,
      double shareBelow,
      double accuracyAbove,
      double accuracyBelow,
      double topTwoBelow) {}

  private Evaluation() {
    confusion = new int[categories.size()][categories.size()];
  }

  /** Classifies every example. */
  public static Evaluation of(TextClassifier classifier, List<Corpus.Example> examples) {
    Evaluation e = new Evaluation();
    for (Corpus.Example example : examples) {
      Classification result = classifier.classify(example.text());
      e.outcomes.add(new Outcome(example, result));
      e.confusion[e.categories.indexOf(example.category())][
          e.categories.indexOf(result.category())]++;
    }
    return e;
  }

  public int size() {
    return outcomes.size();
  }

  public List<Outcome> outcomes() {
    return List.copyOf(outcomes);
  }

  public double top1() {
    return share(outcomes.stream().filter(Outcome::correct).count(), size());
  }

  public double top2() {
    return share(outcomes.stream().filter(Outcome::inTopTwo).count(), size());
  }

  /** Rows are the true categories, columns the predicted ones, both in {@link #categories()}. */
  public int[][] confusion() {
    int[][] copy = new int[confusion.length][];
    for (int i = 0; i < confusion.length; i++) {
      copy[i] = confusion[i].clone();
    }
    return copy;
  }

  public List<String> categories() {
    return categories;
  }

  public List<CategoryScore> perCategory() {
    List<CategoryScore> scores = new ArrayList<>();
    for (int c = 0; c < categories.size(); c++) {
      int truePositive = confusion[c][c];
      int actual = 0;
      int predicted = 0;
      for (int o = 0; o < categories.size(); o++) {
        actual += confusion[c][o];
        predicted += confusion[o][c];
      }
      scores.add(
          new CategoryScore(
              categories.get(c),
              actual,
              share(truePositive, predicted),
              share(truePositive, actual)));
    }
    return scores;
  }

  /** Share of answers whose confidence is below {@code threshold}. */
  public double shareBelow(double threshold) {
    return share(
        outcomes.stream().filter(o -> o.result().confidence() < threshold).count(), size());
  }

  public ThresholdRow atThreshold(double threshold) {
    List<Outcome> above =
        outcomes.stream().filter(o -> o.result().confidence() >= threshold).toList();
    List<Outcome> below =
        outcomes.stream().filter(o -> o.result().confidence() < threshold).toList();
    return new ThresholdRow(
        threshold,
        share(below.size(), size()),
        share(above.stream().filter(Outcome::correct).count(), above.size()),
        share(below.stream().filter(Outcome::correct).count(), below.size()),
        share(below.stream().filter(Outcome::inTopTwo).count(), below.size()));
  }

  /** Examples per true category. */
  public Map<String, Long> support() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String c : categories) {
      counts.put(c, outcomes.stream().filter(o -> o.example().category().equals(c)).count());
    }
    return counts;
  }

  private static double share(long part, long whole) {
    return whole == 0 ? Double.NaN : (double) part / whole;
  }
}
