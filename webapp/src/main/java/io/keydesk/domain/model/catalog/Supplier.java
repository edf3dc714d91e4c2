package io.keydesk.domain.model.catalog;

import static io.keydesk.domain.shared.Checks.notBlank;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A supplier of card keys. */
@Entity
@Cacheable
@Table(name = "supplier")
@NamedQuery(name = "Supplier.byCode", query = "SELECT s FROM Supplier s WHERE s.code = :code")
@NamedQuery(name = "Supplier.all", query = "SELECT s FROM Supplier s ORDER BY s.code")
public class Supplier {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "code")
  private String code;

  @Column(name = "name")
  private String name;

  @Column(name = "created_at")
  private Instant createdAt;

  protected Supplier() {}

  public Supplier(String code, String name, Instant createdAt) {
    this.code = notBlank(code, "supplier code", 64);
    this.name = notBlank(name, "supplier name", 200);
    this.createdAt = createdAt;
  }

  public Long id() {
    return id;
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  public void rename(String newName) {
    this.name = notBlank(newName, "supplier name", 200);
  }
}
