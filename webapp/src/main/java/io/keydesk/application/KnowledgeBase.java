package io.keydesk.application;

import io.keydesk.application.ArticleIndex.PublishedArticle;
import io.keydesk.application.ArticleIndex.Snapshot;
import io.keydesk.application.ArticleViews.AnswerView;
import io.keydesk.application.ArticleViews.Answers;
import io.keydesk.domain.model.category.CategoryCode;
import io.keydesk.domain.model.knowledge.Article;
import io.keydesk.domain.model.knowledge.ArticleRepository;
import io.keydesk.domain.model.knowledge.Deflection;
import io.keydesk.domain.model.knowledge.Language;
import io.keydesk.domain.model.knowledge.Ranking;
import io.keydesk.domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * What buyers get from the knowledge base before they open a ticket: search, recommendations for
 * their case, one article, and "this solved it" (a deflection: counted per article and announced on
 * the funnel topic through the outbox). Reads come from the in-memory index, not the database.
 */
@ApplicationScoped
public class KnowledgeBase {
  @Inject ArticleIndex index;
  @Inject ArticleRepository articles;
  @Inject DomainEvents events;
  @Inject Clock clock;

  /**
   * A search: every field optional; {@code productSku} keeps that product's and general answers.
   */
  public record Query(
      String text, CategoryCode category, String productSku, Language language, int limit) {}

  /** Whether a "solved" report was counted (false: this session had already reported it). */
  public record Solved(long articleId, boolean counted) {}

  public Answers search(Query q) {
    Snapshot snapshot = index.current();
    boolean hasText = q.text() != null && !q.text().isBlank();
    Map<Long, Double> relevance = hasText ? snapshot.relevance(q.text()) : Map.of();
    List<Ranking.Ranked> ranked =
        Ranking.search(
            candidates(snapshot), relevance, hasText, q.category(), q.productSku(), q.limit());
    return answers(snapshot, ranked, q.language());
  }

  /**
   * Answers for a buyer's case: the category's answers about the product first, then the category's
   * general ones, each by relevance to the buyer's text.
   */
  public Answers recommend(Query q) {
    Snapshot snapshot = index.current();
    Map<Long, Double> relevance =
        q.text() == null || q.text().isBlank() ? Map.of() : snapshot.relevance(q.text());
    List<Ranking.Ranked> ranked =
        Ranking.recommend(candidates(snapshot), relevance, q.category(), q.productSku(), q.limit());
    return answers(snapshot, ranked, q.language());
  }

  /** A published article; anything else is not found. */
  public AnswerView article(long id, Language language) {
    return index
        .current()
        .article(id)
        .map(a -> ArticleViews.answer(a, language, null))
        .orElseThrow(() -> new NotFoundException("article"));
  }

  /**
   * Records that an article solved a buyer's problem: once per article and session, with one funnel
   * event ({@code DEFLECTED}) in the same transaction.
   */
  @Transactional
  public Solved solved(long articleId, @NotNull @Valid ReportSolved report) {
    Article article =
        articles
            .find(articleId)
            .filter(Article::isPublished)
            .orElseThrow(() -> new NotFoundException("article"));
    Deflection deflection =
        new Deflection(
            article.id(),
            report.sessionId(),
            report.orderNo(),
            report.category() == null
                ? article.category().code()
                : CategoryCode.valueOf(report.category()),
            Language.ofTag(report.language()).orElseThrow(),
            report.channel(),
            report.mode(),
            clock.instant());
    boolean counted = articles.recordDeflection(deflection);
    if (counted) {
      events.deflected(deflection);
    }
    return new Solved(article.id(), counted);
  }

  private static List<Ranking.Candidate> candidates(Snapshot snapshot) {
    return snapshot.articles().stream().map(PublishedArticle::candidate).toList();
  }

  private static Answers answers(Snapshot snapshot, List<Ranking.Ranked> ranked, Language lang) {
    return new Answers(
        lang.tag(),
        ranked.stream()
            .map(
                r ->
                    ArticleViews.answer(
                        snapshot.article(r.candidate().id()).orElseThrow(), lang, r))
            .toList());
  }
}
