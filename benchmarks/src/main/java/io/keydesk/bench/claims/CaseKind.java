package io.keydesk.bench.claims;

/**
 * What a simulated case is: the category the buyer files and the situation behind it. Honest kinds
 * are the documented case mix ({@link Mix}); the others are the steps of the fraud patterns.
 */
public enum CaseKind {
  NOT_RECEIVED_DELIVERED(Pattern.HONEST, "NOT_RECEIVED", "delivered, the buyer did not find it"),
  NOT_RECEIVED_UNDELIVERED(Pattern.HONEST, "NOT_RECEIVED", "never delivered"),
  INVALID_KEY_DEFECTIVE(Pattern.HONEST, "INVALID_KEY", "defective key"),
  INVALID_KEY_VALID(Pattern.HONEST, "INVALID_KEY", "key actually valid (wrong region, typo)"),
  WRONG_PURCHASE_UNREVEALED(Pattern.HONEST, "WRONG_PURCHASE", "key never revealed"),
  WRONG_PURCHASE_REVEALED(Pattern.HONEST, "WRONG_PURCHASE", "key revealed before asking"),
  USAGE_HELP_ANSWERED(Pattern.HONEST, "USAGE_HELP", "a help answer fits (no ticket)"),
  USAGE_HELP_UNANSWERED(Pattern.HONEST, "USAGE_HELP", "no help answer fits"),
  PAYMENT_ISSUE_PAID_TWICE(
      Pattern.HONEST, "PAYMENT_ISSUE", "the same purchase paid twice (the shop made two orders)"),
  PAYMENT_ISSUE(Pattern.HONEST, "PAYMENT_ISSUE", "paid but no order, paid but shown unpaid"),
  OTHER(Pattern.HONEST, "OTHER", "anything else"),

  REPEAT_FIRST(Pattern.REPEAT_CLAIM, null, "first claim (replacement or refund)"),
  REPEAT_AGAIN(Pattern.REPEAT_CLAIM, "INVALID_KEY", "the same key claimed again"),
  SOLD_TWICE_FIRST(Pattern.KEY_SOLD_TWICE, null, "first buyer's claim"),
  SOLD_TWICE_SECOND(Pattern.KEY_SOLD_TWICE, null, "second buyer's claim on the same key"),
  SHOP_REDEEMED(Pattern.SHOP_REPORTED_REDEEMED, "INVALID_KEY", "shop reported it redeemed"),
  SUPPLIER_REDEEMED(Pattern.SUPPLIER_REDEEMED, "INVALID_KEY", "supplier reports it redeemed"),
  REFUND_AFTER_REVEAL(Pattern.REFUND_AFTER_REVEAL, "WRONG_PURCHASE", "revealed, then refund"),
  SERIAL(Pattern.SERIAL_CLAIMER, null, "one of many claims in a day"),
  BLOCKED(Pattern.BLOCKED_CONTACT, null, "claim from a blocked contact");

  private final Pattern pattern;
  private final String category;
  private final String situation;

  CaseKind(Pattern pattern, String category, String situation) {
    this.pattern = pattern;
    this.category = category;
    this.situation = situation;
  }

  public Pattern pattern() {
    return pattern;
  }

  /** The category every case of this kind files; null when it varies from case to case. */
  public String fixedCategory() {
    return category;
  }

  public String situation() {
    return situation;
  }

  /** Whether the buyer may end the case with a help answer instead of a ticket. */
  public boolean deflects() {
    return this == USAGE_HELP_ANSWERED;
  }
}
