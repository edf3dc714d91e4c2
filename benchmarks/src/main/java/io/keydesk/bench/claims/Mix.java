package io.keydesk.bench.claims;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The documented mix of the simulation (docs/benchmarks.md, "Claim simulation"): who the buyers are
 * and what their cases are, as shares. {@link MixGenerator} draws a plan from these with a seed;
 * the numbers are chosen to resemble what card-key shops report, not to meet a goal.
 */
public final class Mix {
  private Mix() {}

  /**
   * Honest cases by category, as shares of honest cases. "Not received" leads in card-key shops
   * (the delivery mail lands in spam, the buyer does not find the order page); "invalid" is next
   * (defective or region-locked keys, typing mistakes); "how do I redeem" questions are common; a
   * wrong purchase, payment problems and anything else are rarer.
   */
  public static final Map<String, Double> HONEST_CATEGORIES = honestCategories();

  /** Of honest "not received" cases: the key was never delivered (the rest were delivered). */
  public static final double UNDELIVERED = 0.20;

  /** Of honest "invalid" cases: the key is really defective (the rest are valid keys). */
  public static final double DEFECTIVE = 0.75;

  /** Of honest wrong purchases: the buyer had already shown the key (the rest never did). */
  public static final double REVEALED_BEFORE_REFUND = 0.15;

  /** Of usage questions: a help answer fits and the buyer says "solved" (a deflection). */
  public static final double HELP_ANSWER_FITS = 0.60;

  /**
   * Of honest "invalid" cases whose key the supplier says is valid: the guidance in the answer
   * (type it exactly, the right store and region, the product's redemption guide) fits, and the
   * buyer then says the problem is solved. The same assumption as for help answers.
   */
  public static final double GUIDANCE_FITS = HELP_ANSWER_FITS;

  /**
   * Of honest payment problems: the same purchase paid twice (the buyer paid again after a slow or
   * frozen payment page, and the shop made and delivered a second order minutes later). No share
   * was measured, so it follows what the simulated buyers write: one of the three payment texts in
   * each language says "charged twice" ({@link Texts#saysPaidTwice}), and those buyers tick
   * "charged twice". The others (paid but no order, paid but shown unpaid) need an agent.
   */
  public static final double PAID_TWICE = 1.0 / 3;

  /**
   * Of honest "not received" cases with a delivered key: the buyer then shows it (code by mail).
   */
  public static final double REVEAL_AFTER_REDELIVERY = 0.30;

  /** Of honest buyers: repeat buyers with 2 (65%) or 3 (35%) orders, a case on each. */
  public static final double REPEAT_BUYERS = 0.10;

  public static final double REPEAT_THREE_ORDERS = 0.35;

  /** Of single-order honest buyers: behind a shared address (campus NAT), 2–3 per address. */
  public static final double SHARED_ADDRESS = 0.08;

  /** Order sizes: 2 keys and 5 keys (the rest 1). */
  public static final double TWO_KEYS = 0.10;

  public static final double FIVE_KEYS = 0.02;

  /** Buyers writing in Chinese (the rest English). */
  public static final double CHINESE = 0.75;

  /** Channels of a case: web, mobile (the rest api). */
  public static final double WEB = 0.60;

  public static final double MOBILE = 0.35;

  /**
   * Fraud, as shares of all cases (together 5%: claims a card-key shop would call abuse). Patterns
   * (a) and (b) take two claims each, (f) 8–10 claims per person.
   */
  public static final Map<Pattern, Double> FRAUD = fraud();

  /** Claims of one serial claimer: 8 to 10, from 1 or 2 contacts, one device and one address. */
  public static final int SERIAL_MIN_CLAIMS = 8;

  public static final int SERIAL_MAX_CLAIMS = 10;

  /**
   * Stock the shop keeps: for most products 1.3 × what the month's cases could take (+3); for the
   * products short of stock 0.35 × (they run out, so "refund when out of stock" happens).
   */
  public static final double STOCK_MARGIN = 1.3;

  public static final double SHORT_STOCK = 0.35;

  // Iteration order matters (the generator draws in it), so these are ordered maps.
  private static Map<String, Double> honestCategories() {
    Map<String, Double> shares = new LinkedHashMap<>();
    shares.put("NOT_RECEIVED", 0.38);
    shares.put("INVALID_KEY", 0.22);
    shares.put("USAGE_HELP", 0.20);
    shares.put("WRONG_PURCHASE", 0.10);
    shares.put("PAYMENT_ISSUE", 0.06);
    shares.put("OTHER", 0.04);
    return Collections.unmodifiableMap(shares);
  }

  private static Map<Pattern, Double> fraud() {
    Map<Pattern, Double> shares = new EnumMap<>(Pattern.class);
    shares.put(Pattern.REPEAT_CLAIM, 0.010);
    shares.put(Pattern.KEY_SOLD_TWICE, 0.010);
    shares.put(Pattern.SHOP_REPORTED_REDEEMED, 0.006);
    shares.put(Pattern.SUPPLIER_REDEEMED, 0.006);
    shares.put(Pattern.REFUND_AFTER_REVEAL, 0.006);
    shares.put(Pattern.SERIAL_CLAIMER, 0.009);
    shares.put(Pattern.BLOCKED_CONTACT, 0.003);
    return Collections.unmodifiableMap(shares);
  }

  /** The expected share of honest cases of each honest kind, from the shares above. */
  public static double honestShare(CaseKind kind) {
    return switch (kind) {
      case NOT_RECEIVED_DELIVERED -> HONEST_CATEGORIES.get("NOT_RECEIVED") * (1 - UNDELIVERED);
      case NOT_RECEIVED_UNDELIVERED -> HONEST_CATEGORIES.get("NOT_RECEIVED") * UNDELIVERED;
      case INVALID_KEY_DEFECTIVE -> HONEST_CATEGORIES.get("INVALID_KEY") * DEFECTIVE;
      case INVALID_KEY_VALID -> HONEST_CATEGORIES.get("INVALID_KEY") * (1 - DEFECTIVE);
      case WRONG_PURCHASE_UNREVEALED ->
          HONEST_CATEGORIES.get("WRONG_PURCHASE") * (1 - REVEALED_BEFORE_REFUND);
      case WRONG_PURCHASE_REVEALED ->
          HONEST_CATEGORIES.get("WRONG_PURCHASE") * REVEALED_BEFORE_REFUND;
      case USAGE_HELP_ANSWERED -> HONEST_CATEGORIES.get("USAGE_HELP") * HELP_ANSWER_FITS;
      case USAGE_HELP_UNANSWERED -> HONEST_CATEGORIES.get("USAGE_HELP") * (1 - HELP_ANSWER_FITS);
      case PAYMENT_ISSUE_PAID_TWICE -> HONEST_CATEGORIES.get("PAYMENT_ISSUE") * PAID_TWICE;
      case PAYMENT_ISSUE -> HONEST_CATEGORIES.get("PAYMENT_ISSUE") * (1 - PAID_TWICE);
      case OTHER -> HONEST_CATEGORIES.get("OTHER");
      default -> 0;
    };
  }
}
