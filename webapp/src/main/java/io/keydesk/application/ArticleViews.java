package io.keydesk.application;

import io.keydesk.domain.model.knowledge.Article;
import io.keydesk.domain.model.knowledge.ArticleText;
import io.keydesk.domain.model.knowledge.Language;
import io.keydesk.domain.model.knowledge.Ranking;
import java.time.Instant;
import java.util.List;

/** What staff and buyers get of knowledge-base articles; never the entity. */
public final class ArticleViews {
  private ArticleViews() {}

  /** An article for staff: both languages, its state, how often it solved a case, its version. */
  public record ArticleView(
      long id,
      String category,
      String productSku,
      String titleZh,
      String bodyZh,
      String titleEn,
      String bodyEn,
      List<String> keywords,
      boolean published,
      boolean archived,
      int sortWeight,
      long deflections,
      Instant createdAt,
      Instant updatedAt,
      Instant archivedAt,
      int version) {}

  /** A page of articles for staff. */
  public record ArticlePage(List<ArticleView> items, long total, int page, int size) {}

  /**
   * An answer for a buyer in one language. {@code score} is the text relevance (0 when there was no
   * text or it did not match; absent on a single article); {@code scope} is PRODUCT for an answer
   * about the product, GENERAL for one of the whole category.
   */
  public record AnswerView(
      long id,
      String category,
      String productSku,
      String language,
      String title,
      String body,
      Double score,
      String scope) {}

  /** Answers, best first. */
  public record Answers(String language, List<AnswerView> items) {}

  public static ArticleView article(Article a, long deflections) {
    ArticleText zh = a.text(Language.ZH_CN);
    ArticleText en = a.text(Language.EN);
    return new ArticleView(
        a.id(),
        a.category().code().name(),
        a.product().map(p -> p.sku()).orElse(null),
        zh.title(),
        zh.body(),
        en.title(),
        en.body(),
        a.keywords(),
        a.isPublished(),
        a.isArchived(),
        a.sortWeight(),
        deflections,
        a.createdAt(),
        a.updatedAt(),
        a.archivedAt().orElse(null),
        a.version());
  }

  /** The article in {@code language}, or in the other one where that text is missing. */
  public static AnswerView answer(
      ArticleIndex.PublishedArticle a, Language language, Ranking.Ranked ranked) {
    ArticleText text = a.text(language);
    Language used = language;
    if (text == null) {
      text = a.text(language.other());
      used = language.other();
    }
    return new AnswerView(
        a.id(),
        a.category().name(),
        a.productSku(),
        used.tag(),
        text.title(),
        text.body(),
        ranked == null ? null : Math.round(ranked.relevance() * 10_000) / 10_000.0,
        a.productSku() == null ? Ranking.Scope.GENERAL.name() : Ranking.Scope.PRODUCT.name());
  }
}
