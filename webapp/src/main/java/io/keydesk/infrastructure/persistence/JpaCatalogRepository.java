package io.keydesk.infrastructure.persistence;

import io.keydesk.domain.model.catalog.CatalogRepository;
import io.keydesk.domain.model.catalog.KeyBatch;
import io.keydesk.domain.model.catalog.Product;
import io.keydesk.domain.model.catalog.Supplier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@ApplicationScoped
public class JpaCatalogRepository implements CatalogRepository {
  @PersistenceContext private EntityManager em;

  @Override
  public Optional<Supplier> supplier(String code) {
    return em.createNamedQuery("Supplier.byCode", Supplier.class)
        .setParameter("code", code)
        .getResultStream()
        .findFirst();
  }

  @Override
  public java.util.List<Supplier> suppliers() {
    return em.createNamedQuery("Supplier.all", Supplier.class).getResultList();
  }

  @Override
  public Optional<Supplier> supplierById(long id) {
    return Optional.ofNullable(em.find(Supplier.class, id));
  }

  @Override
  public Optional<Product> product(String sku) {
    return em.createNamedQuery("Product.bySku", Product.class)
        .setParameter("sku", sku)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<KeyBatch> batch(Product product, String code) {
    return em.createNamedQuery("KeyBatch.byProductAndCode", KeyBatch.class)
        .setParameter("product", product)
        .setParameter("code", code)
        .getResultStream()
        .findFirst();
  }

  @Override
  public <T> T store(T entity) {
    em.persist(entity);
    return entity;
  }
}
