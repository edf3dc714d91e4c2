package io.keydesk.domain.model.risk;

import static io.keydesk.domain.shared.Checks.notBlank;
import static io.keydesk.domain.shared.Checks.notNull;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * Something suspicious the risk engine (source ENGINE), the streams job (STREAM) or staff (STAFF)
 * noticed about a claim, a buyer, an address or a device.
 */
@Entity
@Table(name = "fraud_signal")
public class FraudSignal {
  /** Where a signal came from. */
  public enum Source {
    ENGINE,
    STREAM,
    STAFF
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "kind")
  private String kind;

  @Column(name = "source")
  private String source;

  @Column(name = "decision")
  private String decision;

  @Column(name = "ticket_no")
  private String ticketNo;

  @Column(name = "order_no")
  private String orderNo;

  @Column(name = "contact")
  private String contact;

  @Column(name = "client_ip")
  private String clientIp;

  @Column(name = "device_id")
  private String deviceId;

  @Column(name = "fingerprint")
  private String fingerprint;

  @Column(name = "detail")
  private String detail;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "contact_hash")
  private String contactHash;

  @Column(name = "stream_id")
  private String streamId;

  protected FraudSignal() {}

  /** Who and what a signal is about; any part may be unknown. */
  public record Subject(
      String ticketNo,
      String orderNo,
      String contact,
      String clientIp,
      String deviceId,
      String fingerprint) {}

  public FraudSignal(
      String kind,
      Source source,
      Decision decision,
      Subject subject,
      String detail,
      Instant createdAt,
      Instant expiresAt) {
    this(kind, source, decision, subject, null, detail, createdAt, expiresAt);
  }

  private FraudSignal(
      String kind,
      Source source,
      Decision decision,
      Subject subject,
      String contactHash,
      String detail,
      Instant createdAt,
      Instant expiresAt) {
    this.kind = notBlank(kind, "kind", 40);
    this.source = notNull(source, "source").name();
    this.decision = decision == null ? null : decision.name();
    notNull(subject, "subject");
    if (contactHash != null && !contactHash.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("a contact hash is 64 lower-case hex digits");
    }
    if (subject.contact() == null
        && contactHash == null
        && subject.clientIp() == null
        && subject.deviceId() == null
        && subject.fingerprint() == null
        && subject.orderNo() == null) {
      throw new IllegalArgumentException(
          "a signal needs a contact, an IP address, a device, a key or an order");
    }
    this.ticketNo = subject.ticketNo();
    this.orderNo = subject.orderNo();
    this.contact = subject.contact();
    this.contactHash = contactHash;
    this.clientIp = subject.clientIp();
    this.deviceId = subject.deviceId();
    this.fingerprint = subject.fingerprint();
    String text = notBlank(detail, "detail", 2000);
    this.detail = text.length() > 500 ? text.substring(0, 500) : text;
    this.createdAt = notNull(createdAt, "created at");
    if (expiresAt != null && !expiresAt.isAfter(createdAt)) {
      throw new IllegalArgumentException("a signal must expire after it was raised");
    }
    this.expiresAt = expiresAt;
  }

  /**
   * A signal from the streams job (source STREAM). The stream knows a buyer only by the keyed hash
   * of their contact ({@code contactHash}); {@code streamId} ({@code kind|subject|window|start})
   * makes it insert-once.
   */
  public static FraudSignal streamed(
      String kind,
      Subject subject,
      String contactHash,
      String streamId,
      String detail,
      Instant createdAt,
      Instant expiresAt) {
    FraudSignal s =
        new FraudSignal(
            kind, Source.STREAM, null, subject, contactHash, detail, createdAt, expiresAt);
    s.streamId = notBlank(streamId, "stream id", 255);
    return s;
  }

  /** The natural id of a streamed signal; null for the others. */
  public String streamId() {
    return streamId;
  }

  /** The keyed hash of the buyer's contact, for a buyer signal from the streams job. */
  public Optional<String> contactHash() {
    return Optional.ofNullable(contactHash);
  }

  public Long id() {
    return id;
  }

  public String kind() {
    return kind;
  }

  public Source source() {
    return Source.valueOf(source);
  }

  public Optional<Decision> decision() {
    return Optional.ofNullable(decision).map(Decision::valueOf);
  }

  public Subject subject() {
    return new Subject(ticketNo, orderNo, contact, clientIp, deviceId, fingerprint);
  }

  public String detail() {
    return detail;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }
}
