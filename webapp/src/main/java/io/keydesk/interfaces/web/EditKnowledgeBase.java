package io.keydesk.interfaces.web;

import io.keydesk.application.ArticleViews.ArticlePage;
import io.keydesk.application.ArticleViews.ArticleView;
import io.keydesk.application.KnowledgeBaseAdmin;
import io.keydesk.application.WriteArticle;
import io.keydesk.domain.model.category.CategoryCode;
import io.keydesk.domain.model.knowledge.ArticleRepository;
import io.keydesk.domain.model.staff.Role;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * Admins keep the knowledge base: list and filter the articles, write one in zh-CN and en, publish
 * or withdraw it, archive it. Through {@link KnowledgeBaseAdmin}, like the REST API.
 */
@Named
@ViewScoped
public class EditKnowledgeBase implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int PAGE_SIZE = 20;

  @Inject KnowledgeBaseAdmin service;
  @Inject CurrentStaff staff;

  private CategoryCode filterCategory;
  private ArticleRepository.State filterState;
  private String filterProduct;
  private int page;
  private ArticlePage articles;

  private boolean editing;
  private Long id;
  private Integer version;
  private CategoryCode category = CategoryCode.USAGE_HELP;
  private String productSku;
  private String titleZh;
  private String bodyZh;
  private String titleEn;
  private String bodyEn;
  private String keywords;
  private boolean published;
  private Integer sortWeight = 0;

  public void load() {
    if (ConsoleAccess.require(staff.get(), Role.ADMIN)) {
      articles =
          service.list(
              new KnowledgeBaseAdmin.Filter(
                  filterCategory,
                  filterProduct == null || filterProduct.isBlank() ? null : filterProduct.strip(),
                  filterState,
                  page,
                  PAGE_SIZE));
    }
  }

  public void filter() {
    page = 0;
    load();
  }

  public void next() {
    if (articles != null && (long) (page + 1) * PAGE_SIZE < articles.total()) {
      page++;
      load();
    }
  }

  public void previous() {
    if (page > 0) {
      page--;
      load();
    }
  }

  public boolean hasNext() {
    return articles != null && (long) (page + 1) * PAGE_SIZE < articles.total();
  }

  public void newArticle() {
    editing = true;
    id = null;
    version = null;
    category = CategoryCode.USAGE_HELP;
    productSku = null;
    titleZh = null;
    bodyZh = null;
    titleEn = null;
    bodyEn = null;
    keywords = null;
    published = false;
    sortWeight = 0;
  }

  public void edit(long articleId) {
    ArticleView a = service.article(articleId);
    editing = true;
    id = a.id();
    version = a.version();
    category = CategoryCode.valueOf(a.category());
    productSku = a.productSku();
    titleZh = a.titleZh();
    bodyZh = a.bodyZh();
    titleEn = a.titleEn();
    bodyEn = a.bodyEn();
    keywords = String.join(", ", a.keywords());
    published = a.published();
    sortWeight = a.sortWeight();
  }

  public void cancel() {
    editing = false;
  }

  public void save() {
    if (!ConsoleAccess.require(staff.get(), Role.ADMIN)) {
      return;
    }
    try {
      WriteArticle cmd =
          new WriteArticle(
              category == null ? null : category.name(),
              productSku == null || productSku.isBlank() ? null : productSku.strip(),
              titleZh,
              bodyZh,
              titleEn,
              bodyEn,
              keywordList(),
              published,
              sortWeight,
              version);
      if (id == null) {
        service.create(staff.get(), cmd);
      } else {
        service.revise(staff.get(), id, cmd);
      }
      editing = false;
      Pages.info("admin.saved");
      load();
    } catch (RuntimeException e) {
      ConsoleAccess.show("article", e);
    }
  }

  /** Publishes a draft or withdraws a published article, against the version listed. */
  public void togglePublished(long articleId) {
    if (!ConsoleAccess.require(staff.get(), Role.ADMIN)) {
      return;
    }
    try {
      ArticleView a = service.article(articleId);
      service.revise(
          staff.get(),
          articleId,
          new WriteArticle(
              a.category(),
              a.productSku(),
              a.titleZh(),
              a.bodyZh(),
              a.titleEn(),
              a.bodyEn(),
              a.keywords(),
              !a.published(),
              a.sortWeight(),
              a.version()));
      Pages.info(a.published() ? "admin.kb.withdrawn" : "admin.kb.published");
      load();
    } catch (RuntimeException e) {
      ConsoleAccess.show("articles", e);
    }
  }

  public void archive(long articleId) {
    if (!ConsoleAccess.require(staff.get(), Role.ADMIN)) {
      return;
    }
    try {
      service.archive(staff.get(), articleId, null);
      Pages.info("admin.kb.archived");
      load();
    } catch (RuntimeException e) {
      ConsoleAccess.show("articles", e);
    }
  }

  private List<String> keywordList() {
    if (keywords == null || keywords.isBlank()) {
      return List.of();
    }
    return Arrays.stream(keywords.split("[,，]"))
        .map(String::strip)
        .filter(k -> !k.isEmpty())
        .toList();
  }

  /** The article's state, as {@link ArticleRepository.State} names it. */
  public String state(ArticleView a) {
    ArticleRepository.State state =
        a.archived()
            ? ArticleRepository.State.ARCHIVED
            : a.published() ? ArticleRepository.State.PUBLISHED : ArticleRepository.State.DRAFT;
    return state.name();
  }

  public List<CategoryCode> getCategories() {
    return Arrays.asList(CategoryCode.values());
  }

  public List<ArticleRepository.State> getStates() {
    return Arrays.asList(ArticleRepository.State.values());
  }

  public ArticlePage getArticles() {
    return articles;
  }

  public int getPage() {
    return page;
  }

  public boolean isEditing() {
    return editing;
  }

  public Long getId() {
    return id;
  }

  public CategoryCode getFilterCategory() {
    return filterCategory;
  }

  public void setFilterCategory(CategoryCode filterCategory) {
    this.filterCategory = filterCategory;
  }

  public ArticleRepository.State getFilterState() {
    return filterState;
  }

  public void setFilterState(ArticleRepository.State filterState) {
    this.filterState = filterState;
  }

  public String getFilterProduct() {
    return filterProduct;
  }

  public void setFilterProduct(String filterProduct) {
    this.filterProduct = filterProduct;
  }

  public CategoryCode getCategory() {
    return category;
  }

  public void setCategory(CategoryCode category) {
    this.category = category;
  }

  public String getProductSku() {
    return productSku;
  }

  public void setProductSku(String productSku) {
    this.productSku = productSku;
  }

  public String getTitleZh() {
    return titleZh;
  }

  public void setTitleZh(String titleZh) {
    this.titleZh = titleZh;
  }

  public String getBodyZh() {
    return bodyZh;
  }

  public void setBodyZh(String bodyZh) {
    this.bodyZh = bodyZh;
  }

  public String getTitleEn() {
    return titleEn;
  }

  public void setTitleEn(String titleEn) {
    this.titleEn = titleEn;
  }

  public String getBodyEn() {
    return bodyEn;
  }

  public void setBodyEn(String bodyEn) {
    this.bodyEn = bodyEn;
  }

  public String getKeywords() {
    return keywords;
  }

  public void setKeywords(String keywords) {
    this.keywords = keywords;
  }

  public boolean isPublished() {
    return published;
  }

  public void setPublished(boolean published) {
    this.published = published;
  }

  public Integer getSortWeight() {
    return sortWeight;
  }

  public void setSortWeight(Integer sortWeight) {
    this.sortWeight = sortWeight;
  }
}
