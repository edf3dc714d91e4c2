package io.keydesk.domain.model.knowledge;

import io.keydesk.domain.model.category.CategoryCode;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The order in which answers are offered. Text relevance comes from the search index (0 when the
 * text does not match); everything else is decided here, without the index or a database.
 *
 * <ul>
 *   <li><b>Search</b> ({@link #search}): articles that apply (the category, if given; the product's
 *       own and the general ones, if a product is given), by relevance; with a text only those that
 *       match it; sort weight breaks ties.
 *   <li><b>Recommendations</b> ({@link #recommend}): the category's answers for the buyer's product
 *       first, then the category's general answers, each group by relevance to the buyer's text,
 *       then sort weight. Answers about other products are never recommended. Without a category,
 *       only answers matching the text (or about the product) are.
 * </ul>
 */
public final class Ranking {
  /** Most relevant first, then the highest sort weight, then the oldest article. */
  private static final Comparator<Ranked> BY_RELEVANCE =
      Comparator.comparingDouble(Ranked::relevance)
          .reversed()
          .thenComparing(r -> r.candidate().sortWeight(), Comparator.reverseOrder())
          .thenComparingLong(r -> r.candidate().id());

  private Ranking() {}

  /** What ranking needs of an article. {@code productSku} is null for a general answer. */
  public record Candidate(long id, CategoryCode category, String productSku, int sortWeight) {
    public Candidate {
      Objects.requireNonNull(category, "category");
    }

    boolean isGeneral() {
      return productSku == null;
    }

    boolean isAbout(String sku) {
      return productSku != null && productSku.equals(sku);
    }
  }

  /** Whether a recommended answer is about the buyer's product or general for the category. */
  public enum Scope {
    PRODUCT,
    GENERAL
  }

  /** A ranked candidate with its text relevance and scope. */
  public record Ranked(Candidate candidate, Scope scope, double relevance) {}

  /**
   * Search results.
   *
   * @param relevance relevance by article id; ignored (and every applying article listed) when
   *     {@code hasText} is false
   */
  public static List<Ranked> search(
      Collection<Candidate> candidates,
      Map<Long, Double> relevance,
      boolean hasText,
      CategoryCode category,
      String productSku,
      int limit) {
    return candidates.stream()
        .filter(c -> category == null || c.category() == category)
        .filter(c -> productSku == null || c.isGeneral() || c.isAbout(productSku))
        .map(c -> new Ranked(c, scope(c), relevance.getOrDefault(c.id(), 0.0)))
        .filter(r -> !hasText || r.relevance() > 0)
        .sorted(BY_RELEVANCE)
        .limit(limit)
        .toList();
  }

  /** Recommendations for a buyer's case: category, product and the buyer's own words. */
  public static List<Ranked> recommend(
      Collection<Candidate> candidates,
      Map<Long, Double> relevance,
      CategoryCode category,
      String productSku,
      int limit) {
    return candidates.stream()
        .filter(c -> category == null || c.category() == category)
        .filter(c -> c.isGeneral() || c.isAbout(productSku))
        .map(c -> new Ranked(c, scope(c), relevance.getOrDefault(c.id(), 0.0)))
        .filter(r -> category != null || r.relevance() > 0 || r.scope() == Scope.PRODUCT)
        .sorted(Comparator.comparing(Ranked::scope).thenComparing(BY_RELEVANCE))
        .limit(limit)
        .toList();
  }

  private static Scope scope(Candidate c) {
    return c.isGeneral() ? Scope.GENERAL : Scope.PRODUCT;
  }
}
