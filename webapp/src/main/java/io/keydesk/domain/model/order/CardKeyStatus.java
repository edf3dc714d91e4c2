package io.keydesk.domain.model.order;

/** Where a card key is in its life. */
public enum CardKeyStatus {
  IN_STOCK,
  DELIVERED,
  REDEEMED,
  VOIDED,
  /** The supplier verified it defective; a replacement was delivered. */
  DEFECTIVE,
  /** Refunded; its code went back to stock as a new key. */
  REFUNDED
}
