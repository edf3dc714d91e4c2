package io.keydesk.domain.model.reply;

import static io.keydesk.domain.shared.Checks.notNull;

import io.keydesk.domain.model.category.CategoryCode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A canned reply: a named answer in one language, for one category or (none) every category. Its
 * body may hold the placeholders of {@link #PLACEHOLDERS}; {@code {name?}} is optional (left out
 * when the case does not know it), {@code {name}} always filled.
 */
@Entity
@Table(name = "canned_reply")
@NamedQuery(
    name = "CannedReply.all",
    query = "SELECT r FROM CannedReply r ORDER BY r.name, r.language")
@NamedQuery(
    name = "CannedReply.byNameAndLanguage",
    query = "SELECT r FROM CannedReply r WHERE r.name = :name AND r.language = :language")
public class CannedReply {
  /** The languages a reply is written in. */
  public static final List<String> LANGUAGES = List.of("zh-CN", "en");

  /** The placeholders a body may use. */
  public static final Set<String> PLACEHOLDERS =
      Set.of("orderNo", "productName", "buyerName", "ticketNo", "deadline");

  public static final int MAX_BODY = 4000;
  public static final int MAX_NAME = 80;

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)(\\??)\\}");
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "name")
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "category")
  private CategoryCode category;

  @Column(name = "language")
  private String language;

  @Column(name = "body")
  private String body;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @Column(name = "updated_by")
  private String updatedBy;

  @Version private int version;

  protected CannedReply() {}

  public CannedReply(
      String name, CategoryCode category, String language, String body, String by, Instant now) {
    this.name = checkName(name);
    this.language = checkLanguage(language);
    this.createdAt = notNull(now, "now");
    change(category, body, by, now);
  }

  /** A new category and body; the name and language stay. */
  public void change(CategoryCode category, String body, String by, Instant now) {
    this.category = category;
    this.body = checkBody(body);
    this.updatedBy = notNull(by, "by");
    this.updatedAt = notNull(now, "now");
  }

  /**
   * The body with its placeholders filled from {@code facts}; an optional one without a value is
   * left out, a required one without a value stays as written (so the agent sees the gap).
   */
  public String fill(Map<String, String> facts) {
    Matcher m = PLACEHOLDER.matcher(body);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = facts.get(m.group(1));
      boolean optional = !m.group(2).isEmpty();
      String replacement;
      if (value != null && !value.isBlank()) {
        replacement = optional ? " " + value : value;
      } else {
        replacement = optional ? "" : m.group();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The placeholders a body uses that are not in {@link #PLACEHOLDERS}. */
  public static Set<String> unknownPlaceholders(String body) {
    Set<String> unknown = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(body == null ? "" : body);
    while (m.find()) {
      if (!PLACEHOLDERS.contains(m.group(1))) {
        unknown.add(m.group(1));
      }
    }
    return unknown;
  }

  private static String checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("name: lower-case letters, digits and '-', 1-80");
    }
    return name;
  }

  private static String checkLanguage(String language) {
    if (!LANGUAGES.contains(language)) {
      throw new IllegalArgumentException("language must be one of " + LANGUAGES);
    }
    return language;
  }

  private static String checkBody(String body) {
    if (body == null || body.isBlank() || body.length() > MAX_BODY) {
      throw new IllegalArgumentException("body: 1-" + MAX_BODY + " characters");
    }
    Set<String> unknown = unknownPlaceholders(body);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown placeholders " + unknown);
    }
    return body.strip();
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public Optional<CategoryCode> category() {
    return Optional.ofNullable(category);
  }

  public String language() {
    return language;
  }

  public String body() {
    return body;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public String updatedBy() {
    return updatedBy;
  }

  /** Whether it fits a case of {@code code}. */
  public boolean fits(CategoryCode code) {
    return category == null || category == code;
  }
}
