package io.keydesk.domain.model.ticket;

/** How a ticket was resolved. REJECTED always carries a reason the buyer can read. */
public enum Resolution {
  REDELIVERED,
  REPLACED,
  REFUNDED,
  ANSWERED,
  REJECTED
}
