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

  @Column(name = "revealed_ip")
  private String revealedIp;

  @Column(name = "redeemed_at")
  private Instant redeemedAt;

  @Column(name = "voided_at")
  private Instant voidedAt;

  @ManyToOne
  @JoinColumn(name = "replaced_by_id")
  private CardKey replacedBy;

  @Column(name = "defective_at")
  private Instant defectiveAt;

  @Column(name = "refunded_at")
  private Instant refundedAt;

  @Version private int version;

  protected CardKey() {}

  /** A key in the product's stock, not yet delivered to anyone. */
  public static CardKey stocked(
      Product product, KeyBatch batch, Sealed code, Sealed secret, String fingerprint) {
    CardKey k = new CardKey();
    k.product = notNull(product, "product");
    if (batch != null && !batch.product().sku().equals(product.sku())) {
      throw new IllegalArgumentException("batch of another product");
    }
    k.batch = batch;
    k.codeSealed = notNull(code, "sealed code").bytes();
    k.cryptoVersion = code.keyVersion();
    if (secret != null) {
      if (secret.keyVersion() != code.keyVersion()) {
        throw new IllegalArgumentException("code and secret must be sealed with the same key");
      }
      k.secretSealed = secret.bytes();
    }
    k.fingerprint = notBlank(fingerprint, "fingerprint", 64);
    k.status = CardKeyStatus.IN_STOCK;
    return k;
  }

  /** Hands a stock key to an order at {@code index}; see {@link Order#deliverFromStock}. */
  void deliverTo(Order order, int index, Instant at) {
    if (status != CardKeyStatus.IN_STOCK) {
      throw new DomainException("key-not-in-stock", "only a key in stock can be delivered");
    }
    if (!order.product().sku().equals(product.sku())) {
      throw new IllegalArgumentException("a key of another product");
    }
    this.order = order;
    this.keyIndex = index;
    this.status = CardKeyStatus.DELIVERED;
    this.deliveredAt = notNull(at, "delivered at");
  }

  /**
   * The supplier verified this key defective: it is marked, and {@code replacement} (already
   * delivered to the same order) recorded as its one replacement. Its batch counts the defect.
   */
  public void replaceWith(CardKey replacement, Instant at) {
    if (!mayBeReplaced()) {
      throw new DomainException(
          "key-not-replaceable",
          replacedBy != null ? "the key was already replaced once" : "the key is " + status);
    }
    notNull(replacement, "replacement");
    if (replacement.order != order || replacement.status != CardKeyStatus.DELIVERED) {
      throw new IllegalArgumentException("the replacement must be delivered to the same order");
    }
    this.status = CardKeyStatus.DEFECTIVE;
    this.defectiveAt = notNull(at, "at");
    this.replacedBy = replacement;
    if (batch != null) {
      batch.recordDefect(at);
    }
  }

  /** A delivered key that was not replaced before. */
  /**
   * The supplier verified this key defective and no replacement is in stock: the key is refunded,
   * never to be sold again — marked {@code REFUNDED} with the time it was found defective, and its
   * batch counts the defect as for a replacement. Once per key, like {@link #replaceWith}.
   */
  public void refundDefective(Instant at) {
    if (!mayBeReplaced()) {
      throw new DomainException(
          "key-not-replaceable",
          replacedBy != null ? "the key was already replaced once" : "the key is " + status);
    }
    this.status = CardKeyStatus.REFUNDED;
    this.defectiveAt = notNull(at, "at");
    this.refundedAt = at;
    if (batch != null) {
      batch.recordDefect(at);
    }
  }

  public boolean mayBeReplaced() {
    return status == CardKeyStatus.DELIVERED && replacedBy == null;
  }

  /** A delivered key the buyer never saw nor redeemed: it can be refunded and sold again. */
  public boolean mayBeRefunded() {
    return status == CardKeyStatus.DELIVERED && revealedAt == null && redeemedAt == null;
  }

  /**
   * Refunds this key: it is marked REFUNDED and its code goes back to stock as a new key (same
   * sealed code, fingerprint and batch), which is returned for storing.
   */
  public CardKey refundToStock(Instant at) {
    if (!mayBeRefunded()) {
      throw new DomainException(
          "key-not-refundable",
          revealedAt != null ? "the key was revealed to the buyer" : "the key is " + status);
    }
    this.status = CardKeyStatus.REFUNDED;
    this.refundedAt = notNull(at, "at");
    return stocked(
        product,
        batch,
        new Sealed(codeSealed, cryptoVersion),
        secretSealed == null ? null : new Sealed(secretSealed, cryptoVersion),
        fingerprint);
  }

  public Optional<CardKey> replacedBy() {
    return Optional.ofNullable(replacedBy);
  }

  public Optional<Instant> defectiveAt() {
    return Optional.ofNullable(defectiveAt);
  }

  public Optional<Instant> refundedAt() {
    return Optional.ofNullable(refundedAt);
  }

  public Product product() {
    return product;
  }

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
    markRevealed(at, null);
  }

  /**
   * The buyer saw the key from {@code clientIp} (may be null when unknown); only the first reveal
   * and its address are kept.
   */
  public void markRevealed(Instant at, String clientIp) {
    if (revealedAt == null) {
      revealedAt = notNull(at, "revealed at");
      revealedIp = clientIp == null || clientIp.isBlank() ? null : clip(clientIp.strip(), 45);
    }
  }

  /** Where the buyer first revealed the key from, when known. */
  public Optional<String> revealedIp() {
    return Optional.ofNullable(revealedIp);
  }

  /**
   * Refunds a key that cannot go back to stock (the buyer saw it or it was redeemed): it is marked
   * REFUNDED and nothing is restocked. A key that may go back to stock goes through {@link
   * #refundToStock} instead.
   */
  public void refundWithoutRestock(Instant at) {
    if (status != CardKeyStatus.DELIVERED && status != CardKeyStatus.REDEEMED) {
      throw new DomainException("key-not-refundable", "the key is " + status);
    }
    if (mayBeRefunded()) {
      throw new IllegalStateException("a key never revealed goes back to stock: refundToStock");
    }
    this.status = CardKeyStatus.REFUNDED;
    this.refundedAt = notNull(at, "at");
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
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
