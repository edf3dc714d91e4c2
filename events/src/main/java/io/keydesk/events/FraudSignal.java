package io.keydesk.events;

import java.time.Instant;

/**
 * Value of {@link Topics#FRAUD_SIGNALS}, keyed {@code kind|subject}: a subject crossed a threshold.
 * Emitted once per subject, kind and window (not again on further events in the same window).
 *
 * @param kind one of {@link Kind}
 * @param subjectType {@code buyer} (contact hash), {@code ip}, {@code device}, {@code fingerprint}
 *     or {@code order}
 * @param subject the contact hash, IP, device id, key fingerprint or order number
 * @param count the value that crossed (claims, distinct buyers, refunds in percent…)
 * @param threshold the configured threshold it crossed ({@code count > threshold})
 * @param window {@code day}, {@code month} or {@code all}
 * @param windowStart start of the window (UTC day or month), null for {@code all}
 * @param detail a short explanation for staff (no card key, no contact)
 * @param at event time of the record that crossed the threshold
 */
public record FraudSignal(
    int schemaVersion,
    String kind,
    String subjectType,
    String subject,
    long count,
    long threshold,
    String window,
    Instant windowStart,
    String detail,
    Instant at) {

  /** What a signal says. */
  public enum Kind {
    /** One key fingerprint claimed by more than one ticket or buyer. */
    DUPLICATE_KEY_CLAIM,
    /** A ticket about a key the supplier had reported redeemed before the ticket. */
    CLAIM_AFTER_REDEMPTION,
    /** Claims (tickets created) per buyer over the threshold. */
    BUYER_CLAIM_VELOCITY,
    /** Claims per IP over the threshold. */
    IP_CLAIM_VELOCITY,
    /** Claims per device over the threshold. */
    DEVICE_CLAIM_VELOCITY,
    /** Distinct buyers claiming from one IP over the threshold. */
    SHARED_IP,
    /** Distinct buyers claiming from one device over the threshold. */
    SHARED_DEVICE,
    /** A buyer's refunds ÷ claims over the threshold (in percent), with a minimum of claims. */
    REFUND_RATIO
  }
}
