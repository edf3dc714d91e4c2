package io.keydesk.domain.model.risk;

import java.util.Map;

/**
 * The thresholds, by name (table {@code risk_setting}); a missing name falls back to its default.
 */
public record RiskSettings(Map<String, Integer> values) {
  public static final String CONTACT_DAY = "claims.contact.day";
  public static final String CONTACT_MONTH = "claims.contact.month";
  public static final String IP_DAY = "claims.ip.day";
  public static final String IP_MONTH = "claims.ip.month";
  public static final String DEVICE_DAY = "claims.device.day";
  public static final String DEVICE_MONTH = "claims.device.month";
  public static final String CREDIT_REVIEW_BELOW = "credit.review-below";
  public static final String AUTO_MAX_AMOUNT = "auto.max-amount";
  public static final String EXTERNAL_DAYS = "external.days";

  /** The defaults of the migration, used when a row is missing. */
  public static final Map<String, Integer> DEFAULTS =
      Map.of(
          CONTACT_DAY, 3,
          CONTACT_MONTH, 8,
          IP_DAY, 5,
          IP_MONTH, 20,
          DEVICE_DAY, 3,
          DEVICE_MONTH, 8,
          CREDIT_REVIEW_BELOW, 40,
          AUTO_MAX_AMOUNT, 1000,
          EXTERNAL_DAYS, 30);

  public RiskSettings {
    values = Map.copyOf(values);
  }

  public static RiskSettings defaults() {
    return new RiskSettings(DEFAULTS);
  }

  public int get(String name) {
    Integer v = values.get(name);
    if (v != null) {
      return v;
    }
    Integer d = DEFAULTS.get(name);
    if (d == null) {
      throw new IllegalArgumentException("unknown risk setting " + name);
    }
    return d;
  }
}
