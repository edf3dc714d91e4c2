package io.keydesk.analytics;

import java.util.function.UnaryOperator;

/**
 * Thresholds of the fraud signals: a signal is raised when a count goes <em>over</em> its
 * threshold. Each is read from the variable named in brackets (or the matching system property, see
 * {@link StreamsSettings#fromSystem()}); the defaults suit a small shop.
 *
 * @param buyerClaimsPerDay claims (tickets created) per buyer and UTC day [{@code
 *     KEYDESK_FRAUD_BUYER_CLAIMS_PER_DAY}, 3]
 * @param buyerClaimsPerMonth per buyer and UTC month [{@code KEYDESK_FRAUD_BUYER_CLAIMS_PER_MONTH},
 *     10]
 * @param ipClaimsPerDay per IP and day [{@code KEYDESK_FRAUD_IP_CLAIMS_PER_DAY}, 10]
 * @param ipClaimsPerMonth per IP and month [{@code KEYDESK_FRAUD_IP_CLAIMS_PER_MONTH}, 50]
 * @param deviceClaimsPerDay per device and day [{@code KEYDESK_FRAUD_DEVICE_CLAIMS_PER_DAY}, 5]
 * @param deviceClaimsPerMonth per device and month [{@code KEYDESK_FRAUD_DEVICE_CLAIMS_PER_MONTH},
 *     20]
 * @param buyersPerIpPerDay distinct buyers claiming from one IP per day [{@code
 *     KEYDESK_FRAUD_BUYERS_PER_IP_PER_DAY}, 3]
 * @param buyersPerIpPerMonth per month [{@code KEYDESK_FRAUD_BUYERS_PER_IP_PER_MONTH}, 10]
 * @param buyersPerDevicePerDay distinct buyers claiming from one device per day [{@code
 *     KEYDESK_FRAUD_BUYERS_PER_DEVICE_PER_DAY}, 2]
 * @param buyersPerDevicePerMonth per month [{@code KEYDESK_FRAUD_BUYERS_PER_DEVICE_PER_MONTH}, 4]
 * @param claimsPerFingerprint distinct tickets (or buyers) per key fingerprint, ever [{@code
 *     KEYDESK_FRAUD_CLAIMS_PER_FINGERPRINT}, 1]
 * @param refundRatioPercent a buyer's refunds ÷ claims in a month, in percent [{@code
 *     KEYDESK_FRAUD_REFUND_RATIO_PERCENT}, 50]
 * @param refundMinClaims the least claims in the month for the refund ratio to count [{@code
 *     KEYDESK_FRAUD_REFUND_MIN_CLAIMS}, 4]
 */
public record FraudThresholds(
    long buyerClaimsPerDay,
    long buyerClaimsPerMonth,
    long ipClaimsPerDay,
    long ipClaimsPerMonth,
    long deviceClaimsPerDay,
    long deviceClaimsPerMonth,
    long buyersPerIpPerDay,
    long buyersPerIpPerMonth,
    long buyersPerDevicePerDay,
    long buyersPerDevicePerMonth,
    long claimsPerFingerprint,
    long refundRatioPercent,
    long refundMinClaims) {

  public static final FraudThresholds DEFAULTS = from(name -> null);

  public FraudThresholds {
    for (long value :
        new long[] {
          buyerClaimsPerDay,
          buyerClaimsPerMonth,
          ipClaimsPerDay,
          ipClaimsPerMonth,
          deviceClaimsPerDay,
          deviceClaimsPerMonth,
          buyersPerIpPerDay,
          buyersPerIpPerMonth,
          buyersPerDevicePerDay,
          buyersPerDevicePerMonth,
          claimsPerFingerprint,
          refundRatioPercent,
          refundMinClaims
        }) {
      if (value < 0) {
        throw new IllegalArgumentException("fraud thresholds must not be negative");
      }
    }
  }

  /** Reads the thresholds through {@code lookup} (variable name → value or null). */
  public static FraudThresholds from(UnaryOperator<String> lookup) {
    return new FraudThresholds(
        get(lookup, "BUYER_CLAIMS_PER_DAY", 3),
        get(lookup, "BUYER_CLAIMS_PER_MONTH", 10),
        get(lookup, "IP_CLAIMS_PER_DAY", 10),
        get(lookup, "IP_CLAIMS_PER_MONTH", 50),
        get(lookup, "DEVICE_CLAIMS_PER_DAY", 5),
        get(lookup, "DEVICE_CLAIMS_PER_MONTH", 20),
        get(lookup, "BUYERS_PER_IP_PER_DAY", 3),
        get(lookup, "BUYERS_PER_IP_PER_MONTH", 10),
        get(lookup, "BUYERS_PER_DEVICE_PER_DAY", 2),
        get(lookup, "BUYERS_PER_DEVICE_PER_MONTH", 4),
        get(lookup, "CLAIMS_PER_FINGERPRINT", 1),
        get(lookup, "REFUND_RATIO_PERCENT", 50),
        get(lookup, "REFUND_MIN_CLAIMS", 4));
  }

  private static long get(UnaryOperator<String> lookup, String name, long fallback) {
    String value = lookup.apply("KEYDESK_FRAUD_" + name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("KEYDESK_FRAUD_" + name + " is not a number: " + value, e);
    }
  }
}
