package io.keydesk.domain.model.order;

import static io.keydesk.domain.shared.Checks.notBlank;
import static io.keydesk.domain.shared.Checks.notNull;

import io.keydesk.domain.model.catalog.KeyBatch;
import io.keydesk.domain.model.catalog.Product;
import io.keydesk.domain.shared.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/** One delivered code (and optional secret) for one unit of an order. Never holds plaintext. */
@Entity
@Table(name = "card_key")
@NamedQuery(
    name = "CardKey.byFingerprint",
    query = "SELECT k FROM CardKey k WHERE k.fingerprint = :fingerprint ORDER BY k.id")
public class CardKey {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne
  @JoinColumn(name = "order_id")
  private Order order;

  @ManyToOne(optional = false)
  @JoinColumn(name = "product_id")
  private Product product;

  @ManyToOne
  @JoinColumn(name = "batch_id")
  private KeyBatch batch;

  @Column(name = "key_index")
  private Integer keyIndex;

  @Column(name = "code_sealed")
  private byte[] codeSealed;

  @Column(name = "secret_sealed")
  private byte[] secretSealed;

  @Column(name = "crypto_version")
  private int cryptoVersion;

  @Column(name = "fingerprint")
  private String fingerprint;

  @Enumerated(EnumType.STRING)
  @Column(name = "status")
  private CardKeyStatus status;

  @Column(name = "delivered_at")
  private Instant deliveredAt;

  @Column(name = "revealed_at")
  private Instant revealedAt;

  @Column(name = "redeemed_at")
  private Instant redeemedAt;

  @Column(name = "voided_at")
  private Instant voidedAt;

  @Version private int version;

  protected CardKey() {}

  CardKey(
      Order order,
      int keyIndex,
      KeyBatch batch,
      Sealed code,
      Sealed secret,
      String fingerprint,
      Instant deliveredAt) {
    this.order = notNull(order, "order");
    this.product = order.product();
    this.keyIndex = keyIndex;
    this.batch = batch;
    this.codeSealed = notNull(code, "sealed code").bytes();
    this.cryptoVersion = code.keyVersion();
    if (secret != null) {
      if (secret.keyVersion() != code.keyVersion()) {
        throw new IllegalArgumentException("code and secret must be sealed with the same key");
      }
      this.secretSealed = secret.bytes();
    }
    this.fingerprint = notBlank(fingerprint, "fingerprint", 64);
    this.status = CardKeyStatus.DELIVERED;
    this.deliveredAt = notNull(deliveredAt, "delivered at");
  }

  public Long id() {
    return id;
  }

  public Order order() {
    return order;
  }

  public int keyIndex() {
    return keyIndex == null ? -1 : keyIndex;
  }

  public Optional<KeyBatch> batch() {
    return Optional.ofNullable(batch);
  }

  public Sealed code() {
    return new Sealed(codeSealed, cryptoVersion);
  }

  public Optional<Sealed> secret() {
    return secretSealed == null
        ? Optional.empty()
        : Optional.of(new Sealed(secretSealed, cryptoVersion));
  }

  public String fingerprint() {
    return fingerprint;
  }

  public CardKeyStatus status() {
    return status;
  }

  public Optional<Instant> deliveredAt() {
    return Optional.ofNullable(deliveredAt);
  }

  public Optional<Instant> revealedAt() {
    return Optional.ofNullable(revealedAt);
  }

  public Optional<Instant> redeemedAt() {
    return Optional.ofNullable(redeemedAt);
  }

  public Optional<Instant> voidedAt() {
    return Optional.ofNullable(voidedAt);
  }

  /** The buyer saw the key; only the first reveal is kept. */
  public void markRevealed(Instant at) {
    if (revealedAt == null) {
      revealedAt = notNull(at, "revealed at");
    }
  }

  /**
   * The supplier reports the key redeemed. Returns false when nothing changed (a repeated report).
   */
  public boolean markRedeemed(Instant at) {
    if (status == CardKeyStatus.REDEEMED) {
      return false;
    }
    if (status == CardKeyStatus.VOIDED) {
      throw new DomainException("key-voided", "a voided key cannot be redeemed");
    }
    status = CardKeyStatus.REDEEMED;
    redeemedAt = notNull(at, "redeemed at");
    return true;
  }

  /** The shop voided the key. Returns false when it already was. */
  public boolean markVoided(Instant at) {
    if (status == CardKeyStatus.VOIDED) {
      return false;
    }
    status = CardKeyStatus.VOIDED;
    voidedAt = notNull(at, "voided at");
    return true;
  }

  /** The key as it may be shown to anyone but its verified buyer. */
  public String maskedHint() {
    return "****-" + fingerprint.substring(0, 4).toUpperCase(java.util.Locale.ROOT);
  }
}
