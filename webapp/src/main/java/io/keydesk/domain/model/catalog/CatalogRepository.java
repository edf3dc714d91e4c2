package io.keydesk.domain.model.catalog;

import java.util.Optional;

/** Suppliers, products and batches, found by their business codes. */
public interface CatalogRepository {
  Optional<Supplier> supplier(String code);

  Optional<Product> product(String sku);

  Optional<KeyBatch> batch(Product product, String code);

  Optional<Supplier> supplierById(long id);

  /** Every supplier, by code. */
  java.util.List<Supplier> suppliers();

  <T> T store(T supplierProductOrBatch);
}
