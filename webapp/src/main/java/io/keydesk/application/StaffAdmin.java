package io.keydesk.application;

import io.keydesk.application.AccessTokens.StaffIdentity;
import io.keydesk.domain.model.catalog.CatalogRepository;
import io.keydesk.domain.model.catalog.Supplier;
import io.keydesk.domain.model.order.Contact;
import io.keydesk.domain.model.staff.Role;
import io.keydesk.domain.model.staff.StaffRepository;
import io.keydesk.domain.model.staff.StaffUser;
import io.keydesk.domain.model.ticket.Actor;
import io.keydesk.domain.shared.NotFoundException;
import io.keydesk.infrastructure.security.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Staff users as admins manage them: create, change role (and supplier), rename, change language
 * and e-mail address, deactivate and reactivate, reset the password. The audit log holds e-mail
 * addresses masked ({@code s***@example.com}), never in full. Passwords are hashed as the login
 * checks them ({@link PasswordHasher}); neither a password nor its hash ever leaves this class or
 * enters the audit log. Admins cannot lock themselves out: they can neither deactivate themselves
 * nor give away their own ADMIN role. A password reset or a deactivation ends the user's API
 * tokens.
 */
@ApplicationScoped
public class StaffAdmin {
  /** Shortest and longest password accepted. */
  public static final int MIN_PASSWORD = 12;

  public static final int MAX_PASSWORD = 200;

  /** Longest e-mail address accepted (the column's width). */
  public static final int MAX_EMAIL = 254;

  @Inject StaffRepository staff;
  @Inject CatalogRepository catalog;
  @Inject PasswordHasher hasher;
  @Inject AccessTokens tokens;
  @Inject Audit audit;
  @Inject Clock clock;

  /** A member of staff as admins see them: no password, no hash. */
  public record StaffView(
      String username,
      String displayName,
      String role,
      String supplier,
      String supplierName,
      String language,
      String email,
      boolean active,
      Instant createdAt) {}

  /**
   * A new member of staff. {@code supplier} is a supplier code, for supplier managers only; {@code
   * email} is optional (blank = none).
   */
  @Schema(name = "NewStaff")
  public record NewStaff(
      @NotBlank @Size(max = 64) String username,
      @NotBlank @Size(max = 100) String displayName,
      @NotBlank String role,
      @Size(max = 64) String supplier,
      @NotBlank String language,
      @NotNull @Size(min = MIN_PASSWORD, max = MAX_PASSWORD) String password,
      @Size(max = MAX_EMAIL) String email) {}

  /**
   * Changes to a member of staff; absent fields stay as they are. A blank {@code email} removes the
   * address.
   */
  @Schema(name = "StaffChange")
  public record StaffChange(
      @Size(min = 1, max = 100) String displayName,
      String role,
      @Size(max = 64) String supplier,
      String language,
      Boolean active,
      @Size(max = MAX_EMAIL) String email) {}

  /** A password set by an admin (the user is told it out of band). */
  @Schema(name = "PasswordReset")
  public record PasswordReset(
      @NotNull @Size(min = MIN_PASSWORD, max = MAX_PASSWORD) String password) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<StaffView> all() {
    return staff.all().stream().map(StaffAdmin::view).toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public StaffView one(String username) {
    return view(load(username));
  }

  /** The suppliers a supplier manager can be bound to: code → name. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<String, String> suppliers() {
    Map<String, String> all = new LinkedHashMap<>();
    catalog.suppliers().forEach(s -> all.put(s.code(), s.name()));
    return all;
  }

  @Transactional
  public StaffView create(StaffIdentity by, @NotNull @Valid NewStaff n) {
    String username = n.username().strip();
    if (!StaffUser.validUsername(username)) {
      throw new InvalidFieldException(
          "username", "2-64 lower-case letters, digits, dots, dashes or underscores");
    }
    if (staff.find(username).isPresent()) {
      throw new InvalidFieldException("username", "is already taken");
    }
    Role role = role(n.role());
    Supplier supplier = supplierFor(role, n.supplier());
    String language = language(n.language());
    Optional<String> email = email(n.email());
    Instant now = clock.instant();
    StaffUser user =
        new StaffUser(
            username,
            n.displayName().strip(),
            hasher.hash(n.password().toCharArray()),
            role,
            supplier,
            language,
            now);
    user.changeEmail(email.orElse(null));
    staff.store(user);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("displayName", user.displayName());
    details.put("role", role.name());
    details.put("supplier", supplier == null ? null : supplier.code());
    details.put("language", language);
    details.put("email", email.map(StaffAdmin::masked).orElse(null));
    record(by, "staff.created", username, details, now);
    return view(user);
  }

  @Transactional
  public StaffView change(StaffIdentity by, String username, @NotNull @Valid StaffChange c) {
    StaffUser user = load(username);
    boolean self = user.username().equals(by.username());
    Map<String, Object> details = new LinkedHashMap<>();
    if (c.displayName() != null && !c.displayName().strip().equals(user.displayName())) {
      if (c.displayName().isBlank()) {
        throw new InvalidFieldException("displayName", "must not be blank");
      }
      details.put("displayName", c.displayName().strip());
      user.rename(c.displayName().strip());
    }
    if (c.role() != null || c.supplier() != null) {
      Role role = c.role() == null ? user.role() : role(c.role());
      if (self && role != Role.ADMIN) {
        throw new InvalidFieldException("role", "you cannot take away your own ADMIN role");
      }
      String supplierCode = c.supplier();
      if (supplierCode == null && role == Role.SUPPLIER_MANAGER) {
        supplierCode = user.supplier().map(Supplier::code).orElse(null);
      }
      Supplier supplier = supplierFor(role, supplierCode);
      String before = user.role().name() + user.supplier().map(s -> ":" + s.code()).orElse("");
      user.changeRole(role, supplier);
      String after = role.name() + (supplier == null ? "" : ":" + supplier.code());
      if (!before.equals(after)) {
        details.put("roleFrom", before);
        details.put("roleTo", after);
      }
    }
    if (c.language() != null && !c.language().equals(user.language())) {
      user.changeLanguage(language(c.language()));
      details.put("language", c.language());
    }
    if (c.email() != null) {
      Optional<String> email = email(c.email());
      if (!email.equals(user.email())) {
        details.put("emailFrom", user.email().map(StaffAdmin::masked).orElse(null));
        details.put("emailTo", email.map(StaffAdmin::masked).orElse(null));
        user.changeEmail(email.orElse(null));
      }
    }
    Instant now = clock.instant();
    if (c.active() != null && c.active() != user.isActive()) {
      if (self && !c.active()) {
        throw new InvalidFieldException("active", "you cannot deactivate yourself");
      }
      if (c.active()) {
        user.reactivate();
      } else {
        user.deactivate();
        tokens.revokeStaffTokens(user.id());
      }
      record(by, c.active() ? "staff.reactivated" : "staff.deactivated", username, Map.of(), now);
    }
    if (!details.isEmpty()) {
      record(by, "staff.changed", username, details, now);
    }
    staff.store(user);
    return view(user);
  }

  @Transactional
  public StaffView resetPassword(
      StaffIdentity by, String username, @NotNull @Valid PasswordReset r) {
    StaffUser user = load(username);
    user.changePasswordHash(hasher.hash(r.password().toCharArray()));
    staff.store(user);
    tokens.revokeStaffTokens(user.id());
    record(by, "staff.password-reset", username, Map.of(), clock.instant());
    return view(user);
  }

  private void record(
      StaffIdentity by, String action, String username, Map<String, ?> details, Instant at) {
    audit.record(Actor.staff(by.username()), action, "staff-user", username, details, at);
  }

  private StaffUser load(String username) {
    return staff
        .find(username == null ? "" : username)
        .orElseThrow(() -> new NotFoundException("staff user " + username));
  }

  private Supplier supplierFor(Role role, String code) {
    boolean given = code != null && !code.isBlank();
    if (role != Role.SUPPLIER_MANAGER) {
      if (given) {
        throw new InvalidFieldException("supplier", "only a supplier manager has a supplier");
      }
      return null;
    }
    if (!given) {
      throw new InvalidFieldException("supplier", "a supplier manager needs a supplier");
    }
    return catalog
        .supplier(code.strip())
        .orElseThrow(() -> new InvalidFieldException("supplier", "unknown supplier " + code));
  }

  static Role role(String name) {
    return Arrays.stream(Role.values())
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidFieldException(
                    "role", "must be AGENT, SUPERVISOR, SUPPLIER_MANAGER or ADMIN"));
  }

  static String language(String language) {
    if (!StaffUser.LANGUAGES.contains(language)) {
      throw new InvalidFieldException("language", "must be zh-CN or en");
    }
    return language;
  }

  /** An e-mail address normalised; empty for none (blank); refused when it is not one. */
  static Optional<String> email(String email) {
    try {
      return StaffUser.normaliseEmail(email);
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException(
          "email", "must be an e-mail address of at most 254 characters");
    }
  }

  /** An e-mail address as the audit log holds it. */
  private static String masked(String email) {
    return new Contact(email).masked();
  }

  static StaffView view(StaffUser u) {
    return new StaffView(
        u.username(),
        u.displayName(),
        u.role().name(),
        u.supplier().map(Supplier::code).orElse(null),
        u.supplier().map(Supplier::name).orElse(null),
        u.language(),
        u.email().orElse(null),
        u.isActive(),
        u.createdAt());
  }
}
