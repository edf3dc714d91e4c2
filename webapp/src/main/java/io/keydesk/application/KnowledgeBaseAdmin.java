package io.keydesk.application;

import io.keydesk.application.AccessTokens.StaffIdentity;
import io.keydesk.application.ArticleViews.ArticlePage;
import io.keydesk.application.ArticleViews.ArticleView;
import io.keydesk.domain.model.catalog.CatalogRepository;
import io.keydesk.domain.model.catalog.Product;
import io.keydesk.domain.model.category.Category;
import io.keydesk.domain.model.category.CategoryCode;
import io.keydesk.domain.model.category.CategoryRepository;
import io.keydesk.domain.model.knowledge.Article;
import io.keydesk.domain.model.knowledge.ArticleContent;
import io.keydesk.domain.model.knowledge.ArticleRepository;
import io.keydesk.domain.model.knowledge.ArticleText;
import io.keydesk.domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Staff manage the knowledge base: list and read articles (any staff), write, revise and archive
 * them (admins; the resource checks the role). Every change advances the knowledge-base revision,
 * so every app instance rebuilds its search index.
 */
@ApplicationScoped
public class KnowledgeBaseAdmin {
  @Inject ArticleRepository articles;
  @Inject CategoryRepository categories;
  @Inject CatalogRepository catalog;
  @Inject Event<KnowledgeBaseChanged> changed;
  @Inject Audit audit;
  @Inject Clock clock;

  /** Staff's filter; null fields do not filter. */
  public record Filter(
      CategoryCode category,
      String productSku,
      ArticleRepository.State state,
      int page,
      int size) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  public ArticlePage list(Filter filter) {
    ArticleRepository.Page page =
        articles.list(
            new ArticleRepository.Filter(
                filter.category(),
                filter.productSku(),
                filter.state(),
                filter.page(),
                filter.size()));
    Map<Long, Long> deflections =
        articles.deflections(page.articles().stream().map(Article::id).toList());
    List<ArticleView> items =
        page.articles().stream()
            .map(a -> ArticleViews.article(a, deflections.getOrDefault(a.id(), 0L)))
            .toList();
    return new ArticlePage(items, page.total(), filter.page(), filter.size());
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public ArticleView article(long id) {
    return view(load(id));
  }

  @Transactional
  public ArticleView create(StaffIdentity staff, @NotNull @Valid WriteArticle cmd) {
    Instant now = clock.instant();
    Article article = Article.write(content(cmd), Boolean.TRUE.equals(cmd.published()), now);
    articles.store(article);
    audited(staff, "kb.article-created", article.id(), cmd, now);
    changed.fire(new KnowledgeBaseChanged(article.id()));
    return view(article);
  }

  /** Replaces an article's content, against the version the editor read (else 409). */
  @Transactional
  public ArticleView revise(StaffIdentity staff, long id, @NotNull @Valid WriteArticle cmd) {
    if (cmd.version() == null) {
      throw new InvalidFieldException("version", "the version you read is required");
    }
    Article article = load(id);
    article.revise(
        content(cmd), Boolean.TRUE.equals(cmd.published()), cmd.version(), clock.instant());
    articles.store(article);
    audited(staff, "kb.article-revised", id, cmd, clock.instant());
    changed.fire(new KnowledgeBaseChanged(id));
    return view(article);
  }

  /** Takes an article away from buyers for good; with a version, only if it is still that one. */
  @Transactional
  public ArticleView archive(StaffIdentity staff, long id, Integer version) {
    Article article = load(id);
    boolean wasArchived = article.isArchived();
    article.archive(version, clock.instant());
    if (!wasArchived) {
      articles.store(article);
      audited(staff, "kb.article-archived", id, null, clock.instant());
      changed.fire(new KnowledgeBaseChanged(id));
    }
    return view(article);
  }

  private void audited(StaffIdentity staff, String action, long id, WriteArticle cmd, Instant at) {
    java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();
    if (cmd != null) {
      details.put("category", cmd.category());
      details.put("productSku", cmd.productSku());
      details.put("published", Boolean.TRUE.equals(cmd.published()));
      details.put("titleEn", cmd.titleEn());
      details.put("titleZh", cmd.titleZh());
    }
    audit.record(
        io.keydesk.domain.model.ticket.Actor.staff(staff.username()),
        action,
        "kb-article",
        Long.toString(id),
        details,
        at);
  }

  private ArticleContent content(WriteArticle cmd) {
    Category category =
        categories
            .find(CategoryCode.valueOf(cmd.category()))
            .orElseThrow(
                () -> new InvalidFieldException("category", "unknown category " + cmd.category()));
    Product product = null;
    if (cmd.productSku() != null) {
      product =
          catalog
              .product(cmd.productSku())
              .orElseThrow(
                  () ->
                      new InvalidFieldException(
                          "productSku", "unknown product " + cmd.productSku()));
    }
    return new ArticleContent(
        category,
        product,
        new ArticleText(cmd.titleZh(), cmd.bodyZh()),
        new ArticleText(cmd.titleEn(), cmd.bodyEn()),
        cmd.keywords(),
        cmd.sortWeight() == null ? 0 : cmd.sortWeight());
  }

  private Article load(long id) {
    return articles.find(id).orElseThrow(() -> new NotFoundException("article"));
  }

  private ArticleView view(Article a) {
    return ArticleViews.article(a, articles.deflections(List.of(a.id())).getOrDefault(a.id(), 0L));
  }
}
