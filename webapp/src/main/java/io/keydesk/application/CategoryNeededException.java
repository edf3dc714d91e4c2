package io.keydesk.application;

import io.keydesk.classifier.Classification;
import io.keydesk.domain.shared.DomainException;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A claim came without a category and the classifier is not sure enough of one: the buyer chooses.
 * The message names the likeliest categories with their confidence.
 */
public class CategoryNeededException extends DomainException {
  private static final long serialVersionUID = 1L;

  public CategoryNeededException(Classification reading) {
    super(
        "category-needed",
        "choose a category; the likeliest are "
            + Stream.concat(
                    Stream.of(
                        new Classification.Alternative(reading.category(), reading.confidence())),
                    reading.alternatives().stream().limit(2))
                .map(a -> a.category() + String.format(Locale.ROOT, " (%.2f)", a.confidence()))
                .collect(Collectors.joining(", ")));
  }
}
