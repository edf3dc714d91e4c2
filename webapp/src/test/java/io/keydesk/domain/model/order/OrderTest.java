package io.keydesk.domain.model.order;

import static io.keydesk.domain.model.order.TestOrders.PAID_AT;
import static io.keydesk.domain.model.order.TestOrders.sealed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.domain.model.catalog.Product;
import io.keydesk.domain.shared.DomainException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderTest {
  private static final Instant DELIVERED = PAID_AT.plusSeconds(30);

  private final Order order = TestOrders.order("ORD-1001", 2);

  private static Contact contact(String raw) {
    return Contact.parse(raw).orElseThrow();
  }

  @Test
  void aDeliveredKeyIsRecordedAtItsIndex() {
    Optional<CardKey> delivered =
        order.deliver(1, null, sealed("code"), sealed("pin"), "fp-1", DELIVERED);

    CardKey key = delivered.orElseThrow();
    assertEquals(1, key.keyIndex());
    assertEquals(CardKeyStatus.DELIVERED, key.status());
    assertEquals(sealed("code"), key.code());
    assertEquals(Optional.of(sealed("pin")), key.secret());
    assertEquals("fp-1", key.fingerprint());
    assertEquals(Optional.of(DELIVERED), key.deliveredAt());
    assertEquals(order, key.order());
    assertEquals(Optional.of(key), order.key(1));
    assertEquals(List.of(key), order.keys());
    assertEquals(Optional.empty(), order.key(0));
  }

  @Test
  void deliveringTheSameKeyAgainChangesNothing() {
    CardKey first = order.deliver(0, null, sealed("code"), null, "fp-1", DELIVERED).orElseThrow();

    Optional<CardKey> again =
        order.deliver(0, null, sealed("code-resealed"), null, "fp-1", DELIVERED.plusSeconds(9));

    assertEquals(Optional.empty(), again);
    assertEquals(List.of(first), order.keys());
    assertEquals(sealed("code"), order.key(0).orElseThrow().code());
  }

  @Test
  void anotherKeyAtATakenIndexIsAConflict() {
    order.deliver(0, null, sealed("code"), null, "fp-1", DELIVERED);

    DomainException e =
        assertThrows(
            DomainException.class,
            () -> order.deliver(0, null, sealed("other"), null, "fp-2", DELIVERED));

    assertEquals("key-conflict", e.code());
    assertEquals(1, order.keys().size());
    assertEquals("fp-1", order.key(0).orElseThrow().fingerprint());
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 2, 3, Integer.MAX_VALUE})
  void anIndexOutsideTheQuantityIsRefused(int index) {
    DomainException e =
        assertThrows(
            DomainException.class,
            () -> order.deliver(index, null, sealed("code"), null, "fp-1", DELIVERED));

    assertEquals("key-index-out-of-range", e.code());
    assertTrue(order.keys().isEmpty());
  }

  @Test
  void codeAndSecretMustBeSealedWithTheSameKeyVersion() {
    Sealed secretV2 = new Sealed(new byte[] {1, 2, 3}, 2);

    assertThrows(
        IllegalArgumentException.class,
        () -> order.deliver(0, null, sealed("code"), secretV2, "fp-1", DELIVERED));
    assertTrue(order.keys().isEmpty());
  }

  @Test
  void theKeyListCannotBeEditedFromOutside() {
    TestOrders.deliver(order, 0, "A");

    assertThrows(UnsupportedOperationException.class, () -> order.keys().clear());
  }

  @Test
  void anOrderBelongsToItsBuyersEmailAndPhoneHoweverTyped() {
    assertTrue(order.belongsTo(contact("Buyer@Example.com")));
    assertTrue(order.belongsTo(contact("138 0013-8000")));
    assertFalse(order.belongsTo(contact("other@example.com")));
    assertFalse(order.belongsTo(contact("13900139000")));
    assertFalse(order.belongsTo(null));
  }

  @Test
  void anOrderWithOnlyAnEmailDoesNotBelongToAnyPhone() {
    Order.Terms emailOnly =
        new Order.Terms(
            TestOrders.product("SKU-1"),
            1,
            BigDecimal.TEN,
            "CNY",
            contact("buyer@example.com"),
            null,
            PAID_AT);
    Order o = new Order("ORD-2", emailOnly, "hash", PAID_AT);

    assertTrue(o.belongsTo(contact("buyer@example.com")));
    assertFalse(o.belongsTo(contact("13800138000")));
    assertEquals(Optional.empty(), o.buyerPhone());
  }

  @Test
  void termsNeedAPositiveQuantityANonNegativeAmountACurrencyAndAContact() {
    Product p = TestOrders.product("SKU-1");
    Contact email = contact("buyer@example.com");

    assertThrows(
        IllegalArgumentException.class,
        () -> new Order.Terms(p, 0, BigDecimal.ONE, "CNY", email, null, PAID_AT));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Order.Terms(p, 1, new BigDecimal("-0.01"), "CNY", email, null, PAID_AT));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Order.Terms(p, 1, BigDecimal.ONE, "CNY", null, null, PAID_AT));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Order.Terms(p, 1, BigDecimal.ONE, " ", email, null, PAID_AT));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Order.Terms(p, 1, BigDecimal.ONE, "CNY", email, null, null));
    new Order.Terms(p, 1, BigDecimal.ZERO, "CNY", email, null, PAID_AT);
  }

  @Test
  void theProductOfAnOrderNeverChanges() {
    DomainException e =
        assertThrows(
            DomainException.class,
            () ->
                order.update(
                    TestOrders.terms(TestOrders.product("SKU-OTHER"), 2), "hash-2", PAID_AT));

    assertEquals("order-product-changed", e.code());
    assertEquals("SKU-1", order.product().sku());
  }

  @Test
  void theQuantityCannotDropBelowTheDeliveredKeys() {
    TestOrders.deliver(order, 0, "A");
    TestOrders.deliver(order, 1, "B");

    DomainException e =
        assertThrows(
            DomainException.class,
            () -> order.update(TestOrders.terms(order.product(), 1), "hash-2", PAID_AT));

    assertEquals("order-quantity-below-keys", e.code());
    assertEquals(2, order.quantity());
  }

  @Test
  void anUpdateIsRecognisedByItsPayloadHash() {
    order.update(TestOrders.terms(order.product(), 3), "hash-2", PAID_AT.plusSeconds(5));

    assertEquals(3, order.quantity());
    assertTrue(order.sameAs("hash-2"));
    assertFalse(order.sameAs("hash-ORD-1001"));
  }

  private static Order another(String orderNo, Order.Terms terms) {
    return new Order(orderNo, terms, "hash-" + orderNo, TestOrders.PAID_AT);
  }

  private static Order.Terms paidAt(Order.Terms t, java.time.Instant at) {
    return new Order.Terms(
        t.product(), t.quantity(), t.amount(), t.currency(), t.email(), t.phone(), at);
  }

  @Test
  void theSamePurchasePaidAgainSoonAfterIsARepeat() {
    Order.Terms terms = TestOrders.terms(TestOrders.product("SKU-1"), 1);
    Order first = another("O-1", terms);
    Order second = another("O-2", paidAt(terms, TestOrders.PAID_AT.plusSeconds(180)));

    assertTrue(first.isRepeatedBy(second, java.time.Duration.ofHours(2)));
    assertTrue(second.isRepeatedBy(first, java.time.Duration.ofHours(2)));
    assertFalse(first.isRepeatedBy(first, java.time.Duration.ofHours(2)), "not its own repeat");
    assertFalse(first.isRepeatedBy(second, java.time.Duration.ofMinutes(2)), "outside the window");
  }

  @Test
  void anotherProductQuantityAmountOrBuyerIsNoRepeat() {
    Order.Terms t = TestOrders.terms(TestOrders.product("SKU-1"), 1);
    Order first = another("O-1", t);
    java.time.Duration window = java.time.Duration.ofHours(2);
    Contact stranger = Contact.parse("someone@example.com").orElseThrow();

    assertFalse(
        first.isRepeatedBy(
            another("O-2", TestOrders.terms(TestOrders.product("SKU-2"), 1)), window));
    assertFalse(first.isRepeatedBy(another("O-3", TestOrders.terms(t.product(), 2)), window));
    assertFalse(
        first.isRepeatedBy(
            another(
                "O-4",
                new Order.Terms(
                    t.product(),
                    1,
                    new BigDecimal("99.00"),
                    "CNY",
                    t.email(),
                    t.phone(),
                    t.paidAt())),
            window));
    assertFalse(
        first.isRepeatedBy(
            another(
                "O-5",
                new Order.Terms(t.product(), 1, t.amount(), "CNY", stranger, null, t.paidAt())),
            window));
    assertTrue(
        first.isRepeatedBy(
            another(
                "O-6",
                new Order.Terms(
                    t.product(),
                    1,
                    new BigDecimal("100.0"),
                    "CNY",
                    stranger,
                    t.phone(),
                    t.paidAt())),
            window),
        "the same phone number and an amount written differently");
  }

  @Test
  void anOrderIsRefundableAsAWholeOnlyWhileEveryUnitIsDeliveredAndUnseen() {
    Order two = TestOrders.order("O-7", 2);
    TestOrders.deliver(two, 0, "A");
    assertFalse(two.refundableAsWhole(), "a unit is not delivered");

    CardKey b = TestOrders.deliver(two, 1, "B");
    assertTrue(two.refundableAsWhole());
    assertFalse(two.refundedInFull());

    b.markRevealed(TestOrders.PAID_AT.plusSeconds(600));
    assertFalse(two.refundableAsWhole(), "a key was shown");
  }

  @Test
  void anOrderWhoseEveryUnitWasRefundedIsRefundedInFull() {
    Order one = TestOrders.order("O-8", 1);
    CardKey a = TestOrders.deliver(one, 0, "A");
    a.refundToStock(TestOrders.PAID_AT.plusSeconds(600));

    assertTrue(one.refundedInFull());
    assertFalse(one.refundableAsWhole());
  }

  @Test
  void aUnitRefundedForLackOfStockIsNoLongerOwedNorFilled() {
    Order three = TestOrders.order("O-9", 3);
    TestOrders.deliver(three, 0, "A");
    assertEquals(List.of(1, 2), three.undeliveredIndexes());

    three.refundUndelivered(List.of(2));

    assertEquals(List.of(1), three.undeliveredIndexes());
    assertEquals(java.util.Set.of(2), three.refundedUnits());
    DomainException delivered =
        assertThrows(
            DomainException.class,
            () -> three.deliver(2, null, sealed("late"), null, "fp-late", DELIVERED));
    assertEquals("unit-refunded", delivered.code());
    assertThrows(
        DomainException.class,
        () ->
            three.deliverFromStock(
                CardKey.stocked(three.product(), null, sealed("S"), null, "fp-S"), 2, DELIVERED),
        "stock never fills a refunded unit");
    assertThrows(
        IllegalArgumentException.class,
        () -> three.refundUndelivered(List.of(2)),
        "a unit is refunded once");
    assertThrows(
        IllegalArgumentException.class,
        () -> three.refundUndelivered(List.of(0)),
        "a delivered unit is refunded through its key");
  }

  @Test
  void anOrderOfRefundedUnitsAndRefundedKeysIsRefundedInFull() {
    Order two = TestOrders.order("O-10", 2);
    CardKey a = TestOrders.deliver(two, 0, "A");
    two.refundUndelivered(List.of(1));
    assertFalse(two.refundedInFull());

    a.refundToStock(TestOrders.PAID_AT.plusSeconds(600));

    assertTrue(two.refundedInFull());
  }

  @Test
  void theBuyerHoldsDeliveredAndRedeemedKeysOnly() {
    Order four = TestOrders.order("O-11", 4);
    CardKey delivered = TestOrders.deliver(four, 0, "A");
    CardKey redeemed = TestOrders.deliver(four, 1, "B");
    redeemed.markRedeemed(DELIVERED.plusSeconds(60));
    TestOrders.deliver(four, 2, "C").refundToStock(DELIVERED.plusSeconds(60));
    TestOrders.deliver(four, 3, "D").markVoided(DELIVERED.plusSeconds(60));

    assertEquals(List.of(delivered, redeemed), four.heldKeys());
  }
}
