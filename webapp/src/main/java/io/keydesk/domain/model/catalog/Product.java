package io.keydesk.domain.model.catalog;

import static io.keydesk.domain.shared.Checks.notBlank;
import static io.keydesk.domain.shared.Checks.notNull;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A product of the shop, sold with card keys from one supplier. */
@Entity
@Cacheable
@Table(name = "product")
@NamedQuery(name = "Product.bySku", query = "SELECT p FROM Product p WHERE p.sku = :sku")
public class Product {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "sku")
  private String sku;

  @Column(name = "name")
  private String name;

  @ManyToOne(optional = false)
  @JoinColumn(name = "supplier_id")
  private Supplier supplier;

  @Column(name = "created_at")
  private Instant createdAt;

  protected Product() {}

  public Product(String sku, String name, Supplier supplier, Instant createdAt) {
    this.sku = notBlank(sku, "product sku", 64);
    this.name = notBlank(name, "product name", 200);
    this.supplier = notNull(supplier, "supplier");
    this.createdAt = createdAt;
  }

  public Long id() {
    return id;
  }

  public String sku() {
    return sku;
  }

  public String name() {
    return name;
  }

  public Supplier supplier() {
    return supplier;
  }

  /** The shop renamed the product; the supplier of a product never changes. */
  public void rename(String newName) {
    this.name = notBlank(newName, "product name", 200);
  }
}
