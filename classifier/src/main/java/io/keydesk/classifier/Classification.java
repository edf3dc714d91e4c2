package io.keydesk.classifier;

import java.util.List;

/**
 * What the classifier made of one text.
 *
 * @param category the most probable category code ({@link Categories#CODES})
 * @param confidence the model's probability of that category, 0..1
 * @param alternatives every other category with its probability, most probable first
 * @param confident whether {@code confidence} reaches the classifier's threshold: below it, a
 *     caller should let the buyer choose (offering {@code category} and the first alternatives)
 * @param hints facts found in the text by rules, independent of the category
 */
public record Classification(
    String category,
    double confidence,
    List<Alternative> alternatives,
    boolean confident,
    List<Hint> hints) {

  public Classification {
    alternatives = List.copyOf(alternatives);
    hints = List.copyOf(hints);
  }

  /** A runner-up category and its probability. */
  public record Alternative(String category, double confidence) {}
}
