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

  /** The longest target that can be published: 30 days. */
  public static final int MAX_TARGET_MINUTES = 30 * 24 * 60;

  public Category(
      CategoryCode code, String nameEn, String nameZh, int responseMinutes, int resolutionMinutes) {
    checkTargets(responseMinutes, resolutionMinutes);
    this.code = code;
    this.nameEn = nameEn;
    this.nameZh = nameZh;
    this.responseMinutes = responseMinutes;
    this.resolutionMinutes = resolutionMinutes;
  }

  public CategoryCode code() {
    return code;
  }

  /**
   * Publishes new targets. Deadlines are computed from them when a ticket opens, so tickets already
   * open keep theirs.
   */
  public void changeTargets(int responseMinutes, int resolutionMinutes) {
    checkTargets(responseMinutes, resolutionMinutes);
    this.responseMinutes = responseMinutes;
    this.resolutionMinutes = resolutionMinutes;
  }

  /**
   * Targets are 1 minute to 30 days, and the first response is due no later than the resolution.
   */
  public static void checkTargets(int responseMinutes, int resolutionMinutes) {
    if (responseMinutes <= 0 || responseMinutes > MAX_TARGET_MINUTES) {
      throw new InvalidTargetException(
          "responseMinutes", "must be between 1 and " + MAX_TARGET_MINUTES + " minutes");
    }
    if (resolutionMinutes <= 0 || resolutionMinutes > MAX_TARGET_MINUTES) {
      throw new InvalidTargetException(
          "resolutionMinutes", "must be between 1 and " + MAX_TARGET_MINUTES + " minutes");
    }
    if (resolutionMinutes < responseMinutes) {
      throw new InvalidTargetException(
          "resolutionMinutes", "must not be shorter than the response target");
    }
  }

  /** A target that cannot be published, naming the target it is about. */
  public static class InvalidTargetException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String reason;

    InvalidTargetException(String field, String reason) {
      super(field + " " + reason);
      this.field = field;
      this.reason = reason;
    }

    public String field() {
      return field;
    }

    public String reason() {
      return reason;
    }
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
