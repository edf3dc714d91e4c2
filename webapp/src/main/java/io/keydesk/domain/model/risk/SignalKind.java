package io.keydesk.domain.model.risk;

/**
 * The patterns the risk engine recognises at submission. Signals from the streams job may carry
 * other kinds (stored as text); these are the ones this engine raises itself.
 */
public enum SignalKind {
  DUPLICATE_FINGERPRINT,
  CLAIM_AFTER_REDEMPTION,
  CLAIM_AFTER_REVEAL,
  VELOCITY_CONTACT_DAY,
  VELOCITY_CONTACT_MONTH,
  VELOCITY_IP_DAY,
  VELOCITY_IP_MONTH,
  VELOCITY_DEVICE_DAY,
  VELOCITY_DEVICE_MONTH,
  BLOCKED_CONTACT,
  BLOCKED_IP,
  BLOCKED_DEVICE,
  LOW_CREDIT,
  AMOUNT_OVER_LIMIT,
  EXTERNAL_SIGNAL
}
