package io.keydesk.domain.model.order;

import static io.keydesk.domain.model.order.TestOrders.PAID_AT;
import static io.keydesk.domain.model.order.TestOrders.sealed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.domain.model.catalog.KeyBatch;
import io.keydesk.domain.shared.DomainException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StockTest {
  private static final Instant NOW = PAID_AT.plusSeconds(3600);

  private final Order order = TestOrders.order("ORD-9", 2);
  private final KeyBatch batch = new KeyBatch(order.product(), "B-1", PAID_AT);

  private CardKey stockKey(String label) {
    return CardKey.stocked(order.product(), batch, sealed(label), null, "fp-" + label);
  }

  private CardKey delivered(int index, String label) {
    return order.deliver(index, batch, sealed(label), null, "fp-" + label, PAID_AT).orElseThrow();
  }

  @Test
  void aStockKeyIsDeliveredAtAnUndeliveredIndex() {
    delivered(0, "a");
    assertEquals(List.of(1), order.undeliveredIndexes());

    CardKey key = order.deliverFromStock(stockKey("s1"), 1, NOW);

    assertEquals(1, key.keyIndex());
    assertEquals(CardKeyStatus.DELIVERED, key.status());
    assertEquals(Optional.of(NOW), key.deliveredAt());
    assertSame(order, key.order());
    assertEquals(List.of(), order.undeliveredIndexes());
  }

  @Test
  void aKeyCannotBeDeliveredTwice() {
    CardKey key = order.deliverFromStock(stockKey("s1"), 0, NOW);

    assertThrows(DomainException.class, () -> order.deliverFromStock(key, 1, NOW));
    assertThrows(DomainException.class, () -> order.deliverFromStock(stockKey("s2"), 0, NOW));
  }

  @Test
  void aDefectiveKeyIsReplacedOnceAndItsBatchCounts() {
    CardKey bad = delivered(0, "a");
    CardKey replacement = order.deliverFromStock(stockKey("s1"), null, NOW);

    bad.replaceWith(replacement, NOW);

    assertEquals(2, replacement.keyIndex(), "after the order's quantity");
    assertEquals(CardKeyStatus.DEFECTIVE, bad.status());
    assertEquals(Optional.of(replacement), bad.replacedBy());
    assertEquals(1, batch.defectCount());
    assertFalse(bad.mayBeReplaced());
    CardKey another = order.deliverFromStock(stockKey("s2"), null, NOW);
    assertThrows(DomainException.class, () -> bad.replaceWith(another, NOW));
  }

  @Test
  void aBatchIsFlaggedAfterThreeDefects() {
    for (int i = 0; i < KeyBatch.FLAG_AFTER_DEFECTS - 1; i++) {
      batch.recordDefect(NOW);
    }
    assertTrue(batch.flaggedAt().isEmpty());

    batch.recordDefect(NOW);

    assertEquals(Optional.of(NOW), batch.flaggedAt());
  }

  @Test
  void anUnrevealedKeyIsRefundedBackToStock() {
    CardKey key = delivered(0, "a");

    CardKey back = key.refundToStock(NOW);

    assertEquals(CardKeyStatus.REFUNDED, key.status());
    assertEquals(Optional.of(NOW), key.refundedAt());
    assertEquals(CardKeyStatus.IN_STOCK, back.status());
    assertEquals(key.fingerprint(), back.fingerprint());
    assertEquals(key.code(), back.code());
    assertEquals(key.batch(), back.batch());
    assertThrows(DomainException.class, () -> key.refundToStock(NOW));
  }

  @Test
  void aRevealedOrRedeemedKeyIsNotRefunded() {
    CardKey revealed = delivered(0, "a");
    revealed.markRevealed(NOW);
    CardKey redeemed = delivered(1, "b");
    redeemed.markRedeemed(NOW);

    assertFalse(revealed.mayBeRefunded());
    assertFalse(redeemed.mayBeRefunded());
    assertThrows(DomainException.class, () -> revealed.refundToStock(NOW));
  }

  @Test
  void stockOfAnotherProductIsRefused() {
    CardKey other = CardKey.stocked(TestOrders.product("SKU-2"), null, sealed("x"), null, "fp-x");

    assertThrows(IllegalArgumentException.class, () -> order.deliverFromStock(other, 0, NOW));
  }
}
