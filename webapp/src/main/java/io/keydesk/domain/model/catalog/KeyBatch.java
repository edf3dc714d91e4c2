package io.keydesk.domain.model.catalog;

import static io.keydesk.domain.shared.Checks.notBlank;
import static io.keydesk.domain.shared.Checks.notNull;

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

/** The supplier import a key came from; defects cluster by batch. */
@Entity
@Table(name = "key_batch")
@NamedQuery(
    name = "KeyBatch.byProductAndCode",
    query = "SELECT b FROM KeyBatch b WHERE b.product = :product AND b.code = :code")
public class KeyBatch {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "product_id")
  private Product product;

  @Column(name = "code")
  private String code;

  @Column(name = "created_at")
  private Instant createdAt;

  /** Verified defects after which a batch is flagged for the supplier manager. */
  public static final int FLAG_AFTER_DEFECTS = 3;

  @Column(name = "defect_count")
  private int defectCount;

  @Column(name = "flagged_at")
  private Instant flaggedAt;

  protected KeyBatch() {}

  /** One more key of this batch was verified defective. */
  public void recordDefect(Instant at) {
    defectCount++;
    if (defectCount >= FLAG_AFTER_DEFECTS && flaggedAt == null) {
      flaggedAt = at;
    }
  }

  public int defectCount() {
    return defectCount;
  }

  public java.util.Optional<Instant> flaggedAt() {
    return java.util.Optional.ofNullable(flaggedAt);
  }

  public KeyBatch(Product product, String code, Instant createdAt) {
    this.product = notNull(product, "product");
    this.code = notBlank(code, "batch code", 64);
    this.createdAt = createdAt;
  }

  public Long id() {
    return id;
  }

  public Product product() {
    return product;
  }

  public String code() {
    return code;
  }
}
