package io.keydesk.domain.model.knowledge;

import io.keydesk.domain.model.category.CategoryCode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface ArticleRepository {
  Optional<Article> find(long id);

  /** Every published article, for the search index. */
  List<Article> published();

  /** A page of articles for staff, by category, then sort weight (highest first), then id. */
  Page list(Filter filter);

  /**
   * Stores a new or changed article and advances the knowledge-base {@link #revision()} in the same
   * transaction, so every app instance rebuilds its search index. The article's version is current
   * when this returns.
   */
  Article store(Article article);

  /**
   * The revision of the whole knowledge base: it changes with every stored article. Cheap (one row
   * by primary key).
   */
  long revision();

  /**
   * Counts a deflection once per article and session.
   *
   * @return false when this session had already said the article solved its problem
   */
  boolean recordDeflection(Deflection deflection);

  /** How many deflections each of these articles has (articles without any are left out). */
  Map<Long, Long> deflections(Collection<Long> articleIds);

  /** Which articles staff list. Null fields do not filter. */
  record Filter(CategoryCode category, String productSku, State state, int page, int size) {}

  /** The life of an article as staff filter it; null means published and drafts. */
  enum State {
    PUBLISHED,
    DRAFT,
    ARCHIVED
  }

  /** One page with the total count. */
  record Page(List<Article> articles, long total) {}
}
