package io.keydesk.analytics;

/**
 * One claim (ticket created) or refund seen from one subject, keyed {@code dimension|subject} on
 * the internal topic {@code <app-id>-fraud-facts-repartition}; record time is the event time.
 *
 * @param dimension {@code buyer}, {@code ip}, {@code device} or {@code fingerprint}
 * @param subject contact hash, IP, device id or key fingerprint
 * @param ticketNo the ticket
 * @param buyer the buyer's contact hash (null when unknown)
 * @param refund true for a refund, false for a claim
 */
record FraudFact(String dimension, String subject, String ticketNo, String buyer, boolean refund) {

  static final String BUYER = "buyer";
  static final String IP = "ip";
  static final String DEVICE = "device";
  static final String FINGERPRINT = "fingerprint";

  String key() {
    return dimension + "|" + subject;
  }
}
