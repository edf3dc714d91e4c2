package io.keydesk.infrastructure.persistence;

import io.keydesk.domain.model.category.Category;
import io.keydesk.domain.model.category.CategoryCode;
import io.keydesk.domain.model.category.CategoryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaCategoryRepository implements CategoryRepository {
  @PersistenceContext private EntityManager em;

  @Override
  public Optional<Category> find(CategoryCode code) {
    return Optional.ofNullable(em.find(Category.class, code));
  }

  @Override
  public Category store(Category category) {
    return em.merge(category);
  }

  @Override
  public List<Category> all() {
    return em.createNamedQuery("Category.all", Category.class).getResultList();
  }
}
