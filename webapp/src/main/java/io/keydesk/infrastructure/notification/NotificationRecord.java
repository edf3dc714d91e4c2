package io.keydesk.infrastructure.notification;

import io.keydesk.domain.model.notification.Channel;
import io.keydesk.domain.model.notification.Template;
import io.keydesk.domain.model.order.Contact;
import io.keydesk.domain.model.order.Sealed;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * One notice on one channel, waiting in (or already sent from) the {@code notification} table.
 * Written by {@link JpaNotifications} with a native insert; loaded and updated here by the relay.
 */
@Entity
@Table(name = "notification")
public class NotificationRecord {
  /** Where a row is in its life. */
  public enum Status {
    PENDING,
    SENT,
    /** A one-time code whose validity ran out before it could be sent. */
    EXPIRED,
    /** Refused for good (an address the mail server rejects, an order that is gone). */
    FAILED
  }

  static final int MAX_ERROR = 500;

  @Id private Long id;

  @Column(name = "event_id")
  private String eventId;

  @Column(name = "contact")
  private String contact;

  @Enumerated(EnumType.STRING)
  @Column(name = "channel")
  private Channel channel;

  @Enumerated(EnumType.STRING)
  @Column(name = "template")
  private Template template;

  @Column(name = "language")
  private String language;

  @Column(name = "params")
  private String params;

  @Column(name = "secrets_sealed")
  private byte[] secretsSealed;

  @Column(name = "crypto_version")
  private Integer cryptoVersion;

  @Enumerated(EnumType.STRING)
  @Column(name = "status")
  private Status status;

  @Column(name = "attempts")
  private int attempts;

  @Column(name = "next_attempt_at")
  private Instant nextAttemptAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "created_at")
  private Instant createdAt;

  protected NotificationRecord() {}

  Long id() {
    return id;
  }

  String eventId() {
    return eventId;
  }

  Contact contact() {
    return new Contact(contact);
  }

  Channel channel() {
    return channel;
  }

  Template template() {
    return template;
  }

  String language() {
    return language;
  }

  String params() {
    return params;
  }

  Optional<Sealed> secrets() {
    return secretsSealed == null
        ? Optional.empty()
        : Optional.of(new Sealed(secretsSealed, cryptoVersion));
  }

  Status status() {
    return status;
  }

  int attempts() {
    return attempts;
  }

  Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  boolean expired(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  void markSent(Instant now) {
    attempts++;
    status = Status.SENT;
    sentAt = now;
    lastError = null;
    forgetSecrets();
  }

  /** A failure worth retrying: the row stays pending until {@code retryAt}. */
  void markFailed(String error, Instant retryAt) {
    attempts++;
    lastError = truncate(error);
    nextAttemptAt = retryAt;
  }

  /** A failure that retrying cannot fix. */
  void markRefused(String error) {
    attempts++;
    status = Status.FAILED;
    lastError = truncate(error);
    forgetSecrets();
  }

  void markExpired() {
    status = Status.EXPIRED;
    lastError = "expired before it could be sent";
    forgetSecrets();
  }

  private void forgetSecrets() {
    secretsSealed = null;
    cryptoVersion = null;
  }

  private static String truncate(String error) {
    String e = error == null ? "unknown error" : error;
    return e.length() <= MAX_ERROR ? e : e.substring(0, MAX_ERROR - 1) + "…";
  }
}
