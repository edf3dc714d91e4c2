package io.keydesk.domain.model.order;

import static io.keydesk.domain.shared.Checks.notBlank;
import static io.keydesk.domain.shared.Checks.notNull;

import io.keydesk.domain.model.catalog.KeyBatch;
import io.keydesk.domain.model.catalog.Product;
import io.keydesk.domain.shared.DomainException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A purchase in the shop, with the card keys delivered for it. */
@Entity
@Table(name = "shop_order")
@NamedQuery(name = "Order.byNo", query = "SELECT o FROM Order o WHERE o.orderNo = :orderNo")
@NamedQuery(
    name = "Order.byContact",
    query =
        "SELECT o FROM Order o WHERE o.buyerEmail = :contact OR o.buyerPhone = :contact"
            + " ORDER BY o.paidAt DESC")
public class Order {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "order_no")
  private String orderNo;

  @ManyToOne(optional = false)
  @JoinColumn(name = "product_id")
  private Product product;

  @Column(name = "quantity")
  private int quantity;

  @Column(name = "amount")
  private BigDecimal amount;

  @Column(name = "currency")
  private String currency;

  @Column(name = "buyer_email")
  private String buyerEmail;

  @Column(name = "buyer_phone")
  private String buyerPhone;

  @Column(name = "paid_at")
  private Instant paidAt;

  @Column(name = "payload_hash")
  private String payloadHash;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @Version private int version;

  @OneToMany(mappedBy = "order", cascade = CascadeType.PERSIST)
  @OrderBy("keyIndex")
  private List<CardKey> keys = new ArrayList<>();

  /** Units never delivered and refunded because no stock could fill them. */
  @ElementCollection
  @CollectionTable(name = "order_refunded_unit", joinColumns = @JoinColumn(name = "order_id"))
  @Column(name = "unit_index")
  private Set<Integer> refundedUnits = new TreeSet<>();

  protected Order() {}

  /** What the shop says about an order, checked. */
  public record Terms(
      Product product,
      int quantity,
      BigDecimal amount,
      String currency,
      Contact email,
      Contact phone,
      Instant paidAt) {
    public Terms {
      notNull(product, "product");
      if (quantity <= 0) {
        throw new IllegalArgumentException("quantity must be positive");
      }
      if (amount == null || amount.signum() < 0) {
        throw new IllegalArgumentException("amount must not be negative");
      }
      notBlank(currency, "currency", 3);
      if (email == null && phone == null) {
        throw new IllegalArgumentException("an e-mail address or a phone number is required");
      }
      notNull(paidAt, "paid at");
    }
  }

  public Order(String orderNo, Terms terms, String payloadHash, Instant now) {
    this.orderNo = notBlank(orderNo, "order number", 64);
    this.createdAt = notNull(now, "now");
    apply(terms, payloadHash, now);
  }

  /** The shop sent the order again with other terms; the product of an order never changes. */
  public void update(Terms terms, String payloadHash, Instant now) {
    if (!terms.product().sku().equals(product.sku())) {
      throw new DomainException("order-product-changed", "the product of an order cannot change");
    }
    if (terms.quantity() < keys.size()) {
      throw new DomainException(
          "order-quantity-below-keys", "quantity is lower than the number of delivered keys");
    }
    apply(terms, payloadHash, now);
  }

  private void apply(Terms terms, String payloadHash, Instant now) {
    this.product = terms.product();
    this.quantity = terms.quantity();
    this.amount = terms.amount();
    this.currency = terms.currency();
    this.buyerEmail = terms.email() == null ? null : terms.email().value();
    this.buyerPhone = terms.phone() == null ? null : terms.phone().value();
    this.paidAt = terms.paidAt();
    this.payloadHash = notBlank(payloadHash, "payload hash", 64);
    this.updatedAt = now;
  }

  /**
   * Records a delivered key at {@code index}. Delivering the same key (same fingerprint) again is a
   * no-op; another key at a taken index is refused.
   *
   * @return the new key, or empty when that exact key was already delivered at that index
   */
  public Optional<CardKey> deliver(
      int index,
      KeyBatch batch,
      Sealed code,
      Sealed secret,
      String fingerprint,
      Instant deliveredAt) {
    if (index < 0 || index >= quantity) {
      throw new DomainException(
          "key-index-out-of-range", "key index " + index + " is outside the order quantity");
    }
    if (refundedUnits.contains(index)) {
      throw new DomainException(
          "unit-refunded",
          "the unit at key index " + index + " was refunded because it was never delivered");
    }
    if (batch != null && !batch.product().sku().equals(product.sku())) {
      throw new IllegalArgumentException("batch of another product");
    }
    Optional<CardKey> existing = key(index);
    if (existing.isPresent()) {
      if (existing.get().fingerprint().equals(fingerprint)) {
        return Optional.empty();
      }
      throw new DomainException(
          "key-conflict", "another key was already delivered at index " + index);
    }
    CardKey key = new CardKey(this, index, batch, code, secret, fingerprint, deliveredAt);
    keys.add(key);
    return Optional.of(key);
  }

  /** Indexes below the quantity with no key delivered yet and not refunded instead. */
  public List<Integer> undeliveredIndexes() {
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; i < quantity; i++) {
      if (key(i).isEmpty() && !refundedUnits.contains(i)) {
        missing.add(i);
      }
    }
    return missing;
  }

  /**
   * Refunds units that were never delivered (no stock could fill them): they are no longer owed, so
   * no later claim, delivery or stock key fills them.
   */
  public void refundUndelivered(List<Integer> indexes) {
    List<Integer> owed = undeliveredIndexes();
    if (indexes.isEmpty() || !owed.containsAll(indexes)) {
      throw new IllegalArgumentException(
          "only undelivered units can be refunded: " + indexes + " of " + owed);
    }
    refundedUnits.addAll(indexes);
  }

  /** The units refunded without ever being delivered. */
  public Set<Integer> refundedUnits() {
    return Collections.unmodifiableSet(refundedUnits);
  }

  /**
   * The keys the buyer still holds: delivered or redeemed, not refunded, voided or replaced as
   * defective. Only these may be shown or sent to the buyer again.
   */
  public List<CardKey> heldKeys() {
    return keys.stream()
        .filter(k -> k.status() == CardKeyStatus.DELIVERED || k.status() == CardKeyStatus.REDEEMED)
        .toList();
  }

  /**
   * Delivers a key from stock: at {@code index} when given (an undelivered unit), else at the next
   * free index after the order's keys (a replacement).
   */
  public CardKey deliverFromStock(CardKey stockKey, Integer index, Instant at) {
    int target;
    if (index != null) {
      if (!undeliveredIndexes().contains(index)) {
        throw new DomainException("key-index-taken", "key index " + index + " is not free");
      }
      target = index;
    } else {
      target = keys.stream().mapToInt(CardKey::keyIndex).max().orElse(quantity - 1) + 1;
      target = Math.max(target, quantity);
    }
    stockKey.deliverTo(this, target, at);
    keys.add(stockKey);
    return stockKey;
  }

  public Optional<CardKey> key(int index) {
    return keys.stream().filter(k -> k.keyIndex() == index).findFirst();
  }

  /** Whether this contact is the order's buyer. */
  public boolean belongsTo(Contact contact) {
    return contact != null
        && (contact.value().equals(buyerEmail) || contact.value().equals(buyerPhone));
  }

  /**
   * Whether {@code other} is this purchase paid a second time: another order of the same buyer (an
   * e-mail address or phone number in common) for the same product, quantity and amount, paid
   * within {@code window} of this one. A buyer charged twice finds two such orders in the shop.
   */
  public boolean isRepeatedBy(Order other, Duration window) {
    return other != this
        && !other.orderNo.equals(orderNo)
        && other.product.sku().equals(product.sku())
        && other.quantity == quantity
        && other.amount.compareTo(amount) == 0
        && other.currency.equals(currency)
        && (Objects.equals(other.buyerEmail, buyerEmail) && buyerEmail != null
            || Objects.equals(other.buyerPhone, buyerPhone) && buyerPhone != null)
        && Duration.between(other.paidAt, paidAt).abs().compareTo(window) <= 0;
  }

  /**
   * Every unit delivered and none revealed nor redeemed: the whole order can be refunded and its
   * keys sold again.
   */
  public boolean refundableAsWhole() {
    for (int i = 0; i < quantity; i++) {
      if (key(i).filter(CardKey::mayBeRefunded).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** Whether every unit of the order was refunded (nothing of it is still the buyer's). */
  public boolean refundedInFull() {
    for (int i = 0; i < quantity; i++) {
      if (!refundedUnits.contains(i)
          && key(i).filter(k -> k.status() == CardKeyStatus.REFUNDED).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  public boolean sameAs(String otherPayloadHash) {
    return payloadHash.equals(otherPayloadHash);
  }

  public Long id() {
    return id;
  }

  public String orderNo() {
    return orderNo;
  }

  public Product product() {
    return product;
  }

  public int quantity() {
    return quantity;
  }

  public BigDecimal amount() {
    return amount;
  }

  public String currency() {
    return currency;
  }

  public Optional<String> buyerEmail() {
    return Optional.ofNullable(buyerEmail);
  }

  public Optional<String> buyerPhone() {
    return Optional.ofNullable(buyerPhone);
  }

  public Instant paidAt() {
    return paidAt;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public List<CardKey> keys() {
    return Collections.unmodifiableList(keys);
  }
}
