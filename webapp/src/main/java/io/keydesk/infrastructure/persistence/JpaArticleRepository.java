package io.keydesk.infrastructure.persistence;

import io.keydesk.domain.model.knowledge.Article;
import io.keydesk.domain.model.knowledge.ArticleRepository;
import io.keydesk.domain.model.knowledge.Deflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class JpaArticleRepository implements ArticleRepository {
  @PersistenceContext private EntityManager em;

  @Override
  public Optional<Article> find(long id) {
    return Optional.ofNullable(em.find(Article.class, id));
  }

  @Override
  public List<Article> published() {
    return em.createNamedQuery("Article.published", Article.class).getResultList();
  }

  @Override
  public Page list(Filter filter) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Article> select = cb.createQuery(Article.class);
    Root<Article> a = select.from(Article.class);
    select
        .where(predicates(cb, a, filter))
        .orderBy(
            cb.asc(a.get("category").get("code")),
            cb.desc(a.get("sortWeight")),
            cb.asc(a.get("id")));
    List<Article> page =
        em.createQuery(select)
            .setFirstResult(filter.page() * filter.size())
            .setMaxResults(filter.size())
            .getResultList();

    CriteriaQuery<Long> count = cb.createQuery(Long.class);
    Root<Article> c = count.from(Article.class);
    count.select(cb.count(c)).where(predicates(cb, c, filter));
    return new Page(page, em.createQuery(count).getSingleResult());
  }

  private static Predicate[] predicates(CriteriaBuilder cb, Root<Article> a, Filter filter) {
    List<Predicate> where = new ArrayList<>();
    if (filter.category() != null) {
      where.add(cb.equal(a.get("category").get("code"), filter.category()));
    }
    if (filter.productSku() != null) {
      where.add(cb.equal(a.join("product").get("sku"), filter.productSku()));
    }
    if (filter.state() == null) {
      where.add(cb.isNull(a.get("archivedAt")));
    } else {
      switch (filter.state()) {
        case PUBLISHED -> where.add(cb.isTrue(a.get("published")));
        case DRAFT -> {
          where.add(cb.isFalse(a.get("published")));
          where.add(cb.isNull(a.get("archivedAt")));
        }
        case ARCHIVED -> where.add(cb.isNotNull(a.get("archivedAt")));
      }
    }
    return where.toArray(Predicate[]::new);
  }

  @Override
  public Article store(Article article) {
    if (article.id() == null) {
      em.persist(article);
    }
    em.createNativeQuery("UPDATE kb_revision SET revision = revision + 1 WHERE id = 1")
        .executeUpdate();
    em.flush();
    return article;
  }

  @Override
  public long revision() {
    return ((Number)
            em.createNativeQuery("SELECT revision FROM kb_revision WHERE id = 1").getSingleResult())
        .longValue();
  }

  @Override
  public boolean recordDeflection(Deflection d) {
    boolean counted =
        !em.createNativeQuery("SELECT 1 FROM kb_deflection WHERE article_id = ? AND session_id = ?")
            .setParameter(1, d.articleId())
            .setParameter(2, d.sessionId())
            .getResultList()
            .isEmpty();
    if (counted) {
      return false;
    }
    // Two requests of one session racing past the check: the unique key refuses the second,
    // whose retry then finds the first.
    em.createNativeQuery(
            "INSERT INTO kb_deflection (article_id, session_id, order_no, category_code,"
                + " language, channel, mode, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .setParameter(1, d.articleId())
        .setParameter(2, d.sessionId())
        .setParameter(3, d.orderNo())
        .setParameter(4, d.category().name())
        .setParameter(5, d.language().tag())
        .setParameter(6, d.channel())
        .setParameter(7, d.mode())
        .setParameter(8, SqlTimes.utc(d.at()))
        .executeUpdate();
    return true;
  }

  @Override
  public Map<Long, Long> deflections(Collection<Long> articleIds) {
    Map<Long, Long> counts = new HashMap<>();
    if (articleIds.isEmpty()) {
      return counts;
    }
    List<Long> ids = List.copyOf(articleIds);
    Query query =
        em.createNativeQuery(
            "SELECT article_id, COUNT(*) FROM kb_deflection WHERE article_id IN ("
                + String.join(",", ids.stream().map(id -> "?").toList())
                + ") GROUP BY article_id");
    for (int i = 0; i < ids.size(); i++) {
      query.setParameter(i + 1, ids.get(i));
    }
    for (Object row : query.getResultList()) {
      Object[] cells = (Object[]) row;
      counts.put(((Number) cells[0]).longValue(), ((Number) cells[1]).longValue());
    }
    return counts;
  }
}
