package io.keydesk.domain.model.order;

import static io.keydesk.domain.model.order.TestOrders.PAID_AT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.domain.shared.DomainException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CardKeyTest {
  private static final Instant T1 = PAID_AT.plusSeconds(3600);
  private static final Instant T2 = PAID_AT.plusSeconds(7200);

  private final CardKey key =
      TestOrders.order("ORD-1001", 1)
          .deliver(0, null, TestOrders.sealed("code"), null, "a3f9c2" + "0".repeat(58), PAID_AT)
          .orElseThrow();

  @Test
  void aRedemptionIsRecordedOnceAndRepeatedReportsChangeNothing() {
    assertTrue(key.markRedeemed(T1));
    assertFalse(key.markRedeemed(T2));

    assertEquals(CardKeyStatus.REDEEMED, key.status());
    assertEquals(Optional.of(T1), key.redeemedAt());
  }

  @Test
  void aVoidIsRecordedOnceAndRepeatedVoidsChangeNothing() {
    assertTrue(key.markVoided(T1));
    assertFalse(key.markVoided(T2));

    assertEquals(CardKeyStatus.VOIDED, key.status());
    assertEquals(Optional.of(T1), key.voidedAt());
  }

  @Test
  void aVoidedKeyCannotBeRedeemed() {
    key.markVoided(T1);

    DomainException e = assertThrows(DomainException.class, () -> key.markRedeemed(T2));

    assertEquals("key-voided", e.code());
    assertEquals(CardKeyStatus.VOIDED, key.status());
    assertEquals(Optional.empty(), key.redeemedAt());
  }

  @Test
  void onlyTheFirstRevealIsKept() {
    assertEquals(Optional.empty(), key.revealedAt());

    key.markRevealed(T1);
    key.markRevealed(T2);

    assertEquals(Optional.of(T1), key.revealedAt());
  }

  @Test
  void theMaskedHintShowsOnlyTheStartOfTheFingerprint() {
    assertEquals("****-A3F9", key.maskedHint());
  }

  @Test
  void aNewKeyIsDeliveredAndCarriesTheVersionThatSealedIt() {
    assertEquals(CardKeyStatus.DELIVERED, key.status());
    assertEquals(1, key.code().keyVersion());
    assertEquals(Optional.empty(), key.secret());
  }

  @Test
  void theFirstRevealKeepsItsAddress() {
    key.markRevealed(T1, "203.0.113.7");
    key.markRevealed(T2, "198.51.100.1");

    assertEquals(Optional.of("203.0.113.7"), key.revealedIp());
  }

  @Test
  void aRevealedKeyIsRefundedWithoutGoingBackToStock() {
    key.markRevealed(T1, null);

    assertThrows(DomainException.class, () -> key.refundToStock(T2));
    key.refundWithoutRestock(T2);

    assertEquals(CardKeyStatus.REFUNDED, key.status());
    assertEquals(Optional.of(T2), key.refundedAt());
    DomainException twice = assertThrows(DomainException.class, () -> key.refundWithoutRestock(T2));
    assertEquals("key-not-refundable", twice.code());
  }

  @Test
  void aKeyNeverSeenMustGoBackToStock() {
    assertThrows(IllegalStateException.class, () -> key.refundWithoutRestock(T1));
    assertEquals(CardKeyStatus.DELIVERED, key.status());
  }

  @Test
  void aDefectiveKeyRefundedForLackOfStockIsNeitherReplacedNorRefundedAgain() {
    key.refundDefective(T1);

    assertEquals(CardKeyStatus.REFUNDED, key.status());
    assertEquals(Optional.of(T1), key.defectiveAt());
    assertEquals(Optional.of(T1), key.refundedAt());
    assertFalse(key.mayBeReplaced());
    assertFalse(key.mayBeRefunded());
    assertEquals(
        "key-not-replaceable",
        assertThrows(DomainException.class, () -> key.refundDefective(T2)).code());
    assertThrows(DomainException.class, () -> key.refundToStock(T2));
    assertThrows(DomainException.class, () -> key.refundWithoutRestock(T2));
  }
}
