package io.keydesk.domain.model.risk;

import static io.keydesk.domain.shared.Checks.notBlank;
import static io.keydesk.domain.shared.Checks.notNull;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** A contact, IP address or device whose claims are refused (BLOCK). */
@Entity
@Table(name = "block_entry")
public class BlockEntry {
  /** What is blocked. */
  public enum Kind {
    CONTACT,
    IP,
    DEVICE;

    /** The signal a hit on this kind raises. */
    public SignalKind signal() {
      return switch (this) {
        case CONTACT -> SignalKind.BLOCKED_CONTACT;
        case IP -> SignalKind.BLOCKED_IP;
        case DEVICE -> SignalKind.BLOCKED_DEVICE;
      };
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind")
  private Kind kind;

  @Column(name = "value")
  private String value;

  @Column(name = "reason")
  private String reason;

  @Column(name = "created_by")
  private String createdBy;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  protected BlockEntry() {}

  public BlockEntry(
      Kind kind, String value, String reason, String createdBy, Instant now, Instant expiresAt) {
    this.kind = notNull(kind, "kind");
    this.value = normalise(kind, notBlank(value, "value", 254));
    this.reason = notBlank(reason, "reason", 500).strip();
    this.createdBy = notBlank(createdBy, "created by", 100);
    this.createdAt = notNull(now, "now");
    if (expiresAt != null && !expiresAt.isAfter(now)) {
      throw new IllegalArgumentException("expiresAt must be in the future");
    }
    this.expiresAt = expiresAt;
  }

  /** Contacts are compared as the order stores them: e-mail addresses in lower case. */
  public static String normalise(Kind kind, String value) {
    String v = value.strip();
    return kind == Kind.CONTACT && v.contains("@") ? v.toLowerCase(Locale.ROOT) : v;
  }

  public boolean activeAt(Instant now) {
    return expiresAt == null || expiresAt.isAfter(now);
  }

  public Long id() {
    return id;
  }

  public Kind kind() {
    return kind;
  }

  public String value() {
    return value;
  }

  public String reason() {
    return reason;
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }
}
