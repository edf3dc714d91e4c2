package io.keydesk.domain.model.category;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** A category with its published targets; the single source of every deadline. */
@Entity
@Cacheable
@Table(name = "category")
@NamedQuery(name = "Category.all", query = "SELECT c FROM Category c ORDER BY c.sortOrder")
public class Category {
  @Id
  @Enumerated(EnumType.STRING)
  @Column(name = "code")
  private CategoryCode code;

  @Column(name = "name_en")
  private String nameEn;

  @Column(name = "name_zh")
  private String nameZh;

  @Column(name = "response_minutes")
  private int responseMinutes;

  @Column(name = "resolution_minutes")
  private int resolutionMinutes;

  @Column(name = "sort_order")
  private int sortOrder;

  protected Category() {}

  public Category(
      CategoryCode code, String nameEn, String nameZh, int responseMinutes, int resolutionMinutes) {
    if (responseMinutes <= 0 || resolutionMinutes < responseMinutes) {
      throw new IllegalArgumentException("targets must be positive and response <= resolution");
    }
    this.code = code;
    this.nameEn = nameEn;
    this.nameZh = nameZh;
    this.responseMinutes = responseMinutes;
    this.resolutionMinutes = resolutionMinutes;
  }

  public CategoryCode code() {
    return code;
  }

  public String name(String language) {
    return language != null && language.startsWith("zh") ? nameZh : nameEn;
  }

  public Duration responseTarget() {
    return Duration.ofMinutes(responseMinutes);
  }

  public Duration resolutionTarget() {
    return Duration.ofMinutes(resolutionMinutes);
  }

  public Instant responseDueFrom(Instant openedAt) {
    return openedAt.plus(responseTarget());
  }

  public Instant resolutionDueFrom(Instant openedAt) {
    return openedAt.plus(resolutionTarget());
  }
}
