package io.keydesk.domain.model.staff;

import static io.keydesk.domain.shared.Checks.notBlank;
import static io.keydesk.domain.shared.Checks.notNull;

import io.keydesk.domain.model.catalog.Supplier;
import io.keydesk.domain.model.category.CategoryCode;
import io.keydesk.domain.model.order.Contact;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A member of staff. The password is only ever held as a slow salted hash. The optional e-mail
 * address is where scheduled reports go (supplier managers); it is checked like a buyer's e-mail
 * contact and stored normalised (lower case).
 */
@Entity
@Table(name = "staff_user")
@NamedQuery(
    name = "StaffUser.byUsername",
    query = "SELECT u FROM StaffUser u WHERE u.username = :username")
@NamedQuery(name = "StaffUser.count", query = "SELECT COUNT(u) FROM StaffUser u")
@NamedQuery(name = "StaffUser.all", query = "SELECT u FROM StaffUser u ORDER BY u.username")
public class StaffUser {
  /** Open tickets an agent holds at most unless a supervisor says otherwise. */
  public static final int DEFAULT_CAPACITY = 10;

  public static final int MAX_CAPACITY = 500;

  /** The languages tickets are written in, hence the languages an agent can handle. */
  public static final Set<String> LANGUAGES = Set.of("zh-CN", "en");

  private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,63}$");

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "username")
  private String username;

  @Column(name = "display_name")
  private String displayName;

  @Column(name = "password_hash")
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  @Column(name = "role")
  private Role role;

  @ManyToOne
  @JoinColumn(name = "supplier_id")
  private Supplier supplier;

  @Column(name = "language")
  private String language;

  @Column(name = "email")
  private String email;

  @Column(name = "active")
  private boolean active;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "capacity")
  private int capacity = DEFAULT_CAPACITY;

  @Column(name = "away")
  private boolean away;

  @Column(name = "last_assigned_at")
  private Instant lastAssignedAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "staff_skill_category", joinColumns = @JoinColumn(name = "staff_id"))
  @Column(name = "category_code")
  private Set<String> skillCategories = new LinkedHashSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "staff_skill_language", joinColumns = @JoinColumn(name = "staff_id"))
  @Column(name = "language")
  private Set<String> skillLanguages = new LinkedHashSet<>();

  protected StaffUser() {}

  public StaffUser(
      String username,
      String displayName,
      String passwordHash,
      Role role,
      Supplier supplier,
      String language,
      Instant createdAt) {
    if (!validUsername(username)) {
      throw new IllegalArgumentException(
          "username must be 2-64 lower-case letters, digits, dots, dashes or underscores");
    }
    this.username = username;
    this.displayName = notBlank(displayName, "display name", 100);
    this.passwordHash = notBlank(passwordHash, "password hash", 512);
    bind(role, supplier);
    this.language = language(language);
    this.active = true;
    this.createdAt = notNull(createdAt, "created at");
  }

  public Long id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String displayName() {
    return displayName;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public Role role() {
    return role;
  }

  public Optional<Supplier> supplier() {
    return Optional.ofNullable(supplier);
  }

  public String language() {
    return language;
  }

  /** Where scheduled reports are mailed; empty when the user has no e-mail address. */
  public Optional<String> email() {
    return Optional.ofNullable(email);
  }

  public boolean isActive() {
    return active;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public void deactivate() {
    active = false;
  }

  public void reactivate() {
    active = true;
  }

  /** A new role; a supplier manager, and only a supplier manager, is bound to one supplier. */
  public void changeRole(Role role, Supplier supplier) {
    bind(role, supplier);
  }

  public void rename(String displayName) {
    this.displayName = notBlank(displayName, "display name", 100);
  }

  public void changeLanguage(String language) {
    this.language = language(language);
  }

  /**
   * Sets the e-mail address, normalised; {@code null} or blank removes it.
   *
   * @throws IllegalArgumentException when it is not an e-mail address of at most 254 characters
   */
  public void changeEmail(String email) {
    this.email = normaliseEmail(email).orElse(null);
  }

  /**
   * The normalised form of an e-mail address; empty for {@code null} or blank.
   *
   * @throws IllegalArgumentException when it is not an e-mail address of at most 254 characters
   */
  public static Optional<String> normaliseEmail(String email) {
    if (email == null || email.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        Contact.parseEmail(email)
            .map(Contact::value)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "email must be an e-mail address of at most 254 characters")));
  }

  /** Replaces the password; only its slow salted hash is ever given here. */
  public void changePasswordHash(String passwordHash) {
    this.passwordHash = notBlank(passwordHash, "password hash", 512);
  }

  private void bind(Role role, Supplier supplier) {
    notNull(role, "role");
    if ((role == Role.SUPPLIER_MANAGER) != (supplier != null)) {
      throw new IllegalArgumentException(
          "a supplier manager, and only one, is bound to a supplier");
    }
    this.role = role;
    this.supplier = supplier;
  }

  /** A console language: zh-CN or en. */
  private static String language(String language) {
    if (!LANGUAGES.contains(language)) {
      throw new IllegalArgumentException("language must be zh-CN or en");
    }
    return language;
  }

  /** Whether a username has the allowed shape. */
  public static boolean validUsername(String username) {
    return username != null && USERNAME.matcher(username).matches();
  }

  /**
   * What the agent handles and how many open tickets they hold at most (0 = no automatic
   * assignment).
   */
  public void changeSkills(Set<CategoryCode> categories, Set<String> languages, int capacity) {
    notNull(categories, "categories");
    notNull(languages, "languages");
    for (String language : languages) {
      if (!LANGUAGES.contains(language)) {
        throw new IllegalArgumentException("unknown language " + language);
      }
    }
    if (capacity < 0 || capacity > MAX_CAPACITY) {
      throw new IllegalArgumentException("capacity must be 0 to " + MAX_CAPACITY);
    }
    skillCategories.clear();
    categories.stream().map(Enum::name).sorted().forEach(skillCategories::add);
    skillLanguages.clear();
    skillLanguages.addAll(new TreeSet<>(languages));
    this.capacity = capacity;
  }

  /** The agent steps away (gets no new tickets) or comes back. */
  public void markAway(boolean away) {
    this.away = away;
  }

  /** The agent just received a ticket: they go to the end of the round robin. */
  public void markAssigned(Instant at) {
    lastAssignedAt = notNull(at, "at");
  }

  /** Whether the agent handles tickets of this category in this language. */
  public boolean handles(CategoryCode category, String language) {
    return category != null
        && skillCategories.contains(category.name())
        && skillLanguages.contains(language);
  }

  public Set<CategoryCode> skillCategories() {
    Set<CategoryCode> codes = EnumSet.noneOf(CategoryCode.class);
    skillCategories.forEach(c -> codes.add(CategoryCode.valueOf(c)));
    return Collections.unmodifiableSet(codes);
  }

  public Set<String> skillLanguages() {
    return Collections.unmodifiableSet(new TreeSet<>(skillLanguages));
  }

  public int capacity() {
    return capacity;
  }

  public boolean isAway() {
    return away;
  }

  public Optional<Instant> lastAssignedAt() {
    return Optional.ofNullable(lastAssignedAt);
  }
}
