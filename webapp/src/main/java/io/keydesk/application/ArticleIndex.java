package io.keydesk.application;

import io.keydesk.domain.model.category.CategoryCode;
import io.keydesk.domain.model.knowledge.Article;
import io.keydesk.domain.model.knowledge.ArticleText;
import io.keydesk.domain.model.knowledge.Language;
import io.keydesk.domain.model.knowledge.Ranking;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The published articles as buyers search them: an immutable snapshot per knowledge-base revision,
 * with text relevance for a query in Chinese, English or both. Every app instance keeps its own and
 * rebuilds it when the revision in the database moves on.
 */
public interface ArticleIndex {
  /** The snapshot of the current revision (checked against the database at most once a second). */
  Snapshot current();

  /** The published articles of one revision. */
  interface Snapshot {
    long revision();

    List<PublishedArticle> articles();

    Optional<PublishedArticle> article(long id);

    /**
     * Relevance of the articles matching {@code text} (any of its words, in either language; title
     * and keywords count more than the body), by article id. Empty for a text without words.
     */
    Map<Long, Double> relevance(String text);
  }

  /** A published article as the index holds it. {@code productSku} is null for a general one. */
  record PublishedArticle(
      long id,
      CategoryCode category,
      String productSku,
      ArticleText zh,
      ArticleText en,
      List<String> keywords,
      int sortWeight) {
    public static PublishedArticle of(Article a) {
      return new PublishedArticle(
          a.id(),
          a.category().code(),
          a.product().map(p -> p.sku()).orElse(null),
          a.text(Language.ZH_CN),
          a.text(Language.EN),
          a.keywords(),
          a.sortWeight());
    }

    public ArticleText text(Language language) {
      return language == Language.ZH_CN ? zh : en;
    }

    public Ranking.Candidate candidate() {
      return new Ranking.Candidate(id, category, productSku, sortWeight);
    }
  }
}
