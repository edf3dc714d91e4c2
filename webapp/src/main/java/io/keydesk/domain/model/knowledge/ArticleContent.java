package io.keydesk.domain.model.knowledge;

import static io.keydesk.domain.shared.Checks.notNull;

import io.keydesk.domain.model.catalog.Product;
import io.keydesk.domain.model.category.Category;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What an article says and where it applies: its category, optionally one product (else it is a
 * general answer of the category), the text in both languages, keywords that help search find it,
 * and a sort weight (higher first among equally relevant answers).
 *
 * <p>Keywords are stripped, each 1 to {@value #MAX_KEYWORD} characters without a comma, at most
 * {@value #MAX_KEYWORDS}; duplicates (ignoring case) are dropped.
 */
public record ArticleContent(
    Category category,
    Product product,
    ArticleText zh,
    ArticleText en,
    List<String> keywords,
    int sortWeight) {
  public static final int MAX_KEYWORDS = 20;
  public static final int MAX_KEYWORD = 40;
  public static final int MIN_WEIGHT = -1000;
  public static final int MAX_WEIGHT = 1000;

  public ArticleContent {
    notNull(category, "category");
    notNull(zh, "zh-CN text");
    notNull(en, "en text");
    keywords = normalise(keywords);
    if (sortWeight < MIN_WEIGHT || sortWeight > MAX_WEIGHT) {
      throw new IllegalArgumentException(
          "sort weight must be between " + MIN_WEIGHT + " and " + MAX_WEIGHT);
    }
  }

  /** The text in {@code language}. */
  public ArticleText text(Language language) {
    return language == Language.ZH_CN ? zh : en;
  }

  private static List<String> normalise(List<String> keywords) {
    if (keywords == null) {
      return List.of();
    }
    Set<String> seen = new LinkedHashSet<>();
    List<String> kept = new ArrayList<>();
    for (String k : keywords) {
      if (k == null || k.isBlank()) {
        throw new IllegalArgumentException("a keyword must not be blank");
      }
      String s = k.strip();
      if (s.length() > MAX_KEYWORD || s.contains(",")) {
        throw new IllegalArgumentException(
            "a keyword is at most " + MAX_KEYWORD + " characters and has no comma: " + s);
      }
      if (seen.add(s.toLowerCase(Locale.ROOT))) {
        kept.add(s);
      }
    }
    if (kept.size() > MAX_KEYWORDS) {
      throw new IllegalArgumentException("at most " + MAX_KEYWORDS + " keywords");
    }
    return List.copyOf(kept);
  }
}
