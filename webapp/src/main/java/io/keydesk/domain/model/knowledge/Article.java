package io.keydesk.domain.model.knowledge;

import static io.keydesk.domain.shared.Checks.notNull;

import io.keydesk.domain.model.catalog.Product;
import io.keydesk.domain.model.category.Category;
import io.keydesk.domain.shared.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An answer of the knowledge base, in zh-CN and en, for one category and optionally one product.
 * Staff write it ({@link #write}), revise it against the version they read ({@link #revise}) and
 * archive it ({@link #archive}); only published articles are shown to buyers. An archived article
 * is never published again and no longer changes.
 */
@Entity
@Table(name = "kb_article")
@NamedQuery(
    name = "Article.published",
    query = "SELECT a FROM Article a WHERE a.published = TRUE ORDER BY a.id")
public class Article {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "category_code")
  private Category category;

  @ManyToOne
  @JoinColumn(name = "product_id")
  private Product product;

  @Column(name = "title_zh")
  private String titleZh;

  @Column(name = "body_zh")
  private String bodyZh;

  @Column(name = "title_en")
  private String titleEn;

  @Column(name = "body_en")
  private String bodyEn;

  @Column(name = "keywords")
  private String keywords;

  @Column(name = "published")
  private boolean published;

  @Column(name = "archived_at")
  private Instant archivedAt;

  @Column(name = "sort_weight")
  private int sortWeight;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @Version private int version;

  protected Article() {}

  /** A new article, published at once or kept as a draft. */
  public static Article write(ArticleContent content, boolean published, Instant now) {
    Article a = new Article();
    a.apply(notNull(content, "content"));
    a.published = published;
    a.createdAt = notNull(now, "now");
    a.updatedAt = now;
    return a;
  }

  /**
   * Replaces the content and the published flag. {@code expectedVersion} is the version the editor
   * read: if someone changed the article since, nothing is changed.
   *
   * @throws DomainException {@code version-conflict} for a stale version, {@code article-archived}
   *     for an archived article
   */
  public void revise(ArticleContent content, boolean publish, int expectedVersion, Instant now) {
    requireVersion(expectedVersion);
    if (isArchived()) {
      throw new DomainException("article-archived", "an archived article cannot be changed");
    }
    apply(notNull(content, "content"));
    published = publish;
    updatedAt = notNull(now, "now");
  }

  /**
   * Takes the article away from buyers for good (it stays readable for staff, with its
   * deflections). Archiving an archived article changes nothing.
   *
   * @param expectedVersion the version the editor read, or null to archive whatever it is now
   */
  public void archive(Integer expectedVersion, Instant now) {
    if (expectedVersion != null) {
      requireVersion(expectedVersion);
    }
    if (isArchived()) {
      return;
    }
    published = false;
    archivedAt = notNull(now, "now");
    updatedAt = now;
  }

  private void requireVersion(int expectedVersion) {
    if (expectedVersion != version) {
      throw new DomainException(
          "version-conflict",
          "the article was changed since version "
              + expectedVersion
              + " (it is at version "
              + version
              + " now); reload it and apply your change again");
    }
  }

  private void apply(ArticleContent c) {
    category = c.category();
    product = c.product();
    titleZh = c.zh().title();
    bodyZh = c.zh().body();
    titleEn = c.en().title();
    bodyEn = c.en().body();
    keywords = String.join(",", c.keywords());
    sortWeight = c.sortWeight();
  }

  /** Whether this article applies to the product with this SKU (general articles apply to all). */
  public boolean appliesTo(String productSku) {
    return product == null || product.sku().equals(productSku);
  }

  public Long id() {
    return id;
  }

  public Category category() {
    return category;
  }

  /** The product it is about; empty for a general answer of its category. */
  public Optional<Product> product() {
    return Optional.ofNullable(product);
  }

  public ArticleContent content() {
    return new ArticleContent(
        category,
        product,
        new ArticleText(titleZh, bodyZh),
        new ArticleText(titleEn, bodyEn),
        keywords(),
        sortWeight);
  }

  /** The text in {@code language}. */
  public ArticleText text(Language language) {
    return language == Language.ZH_CN
        ? new ArticleText(titleZh, bodyZh)
        : new ArticleText(titleEn, bodyEn);
  }

  public List<String> keywords() {
    return keywords == null || keywords.isEmpty()
        ? List.of()
        : Arrays.stream(keywords.split(",")).toList();
  }

  public boolean isPublished() {
    return published;
  }

  public boolean isArchived() {
    return archivedAt != null;
  }

  public Optional<Instant> archivedAt() {
    return Optional.ofNullable(archivedAt);
  }

  public int sortWeight() {
    return sortWeight;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /** The optimistic-lock version; an editor sends it back with a change. */
  public int version() {
    return version;
  }
}
