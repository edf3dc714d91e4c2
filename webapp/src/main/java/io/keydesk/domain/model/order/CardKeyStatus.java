package io.keydesk.domain.model.order;

/** Where a card key is in its life. */
public enum CardKeyStatus {
  IN_STOCK,
  DELIVERED,
  REDEEMED,
  VOIDED
}
