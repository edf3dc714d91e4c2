package io.keydesk.bench.claims;

/** Who is behind a case: an honest buyer, or a fraudster following one of the known patterns. */
public enum Pattern {
  HONEST("", "honest buyer"),
  REPEAT_CLAIM("a", "the same key claimed again after it was replaced or refunded"),
  KEY_SOLD_TWICE("b", "one key sold twice, claimed by both buyers"),
  SHOP_REPORTED_REDEEMED("c", "\"invalid\" after the shop reported the key redeemed"),
  SUPPLIER_REDEEMED("d", "\"invalid\" on a key the supplier reports redeemed"),
  REFUND_AFTER_REVEAL("e", "refund asked after revealing the key"),
  SERIAL_CLAIMER("f", "serial claimer: many claims in a day from one person"),
  BLOCKED_CONTACT("g", "a contact on the block list");

  private final String letter;
  private final String description;

  Pattern(String letter, String description) {
    this.letter = letter;
    this.description = description;
  }

  /** The letter of the pattern in issue 3 ((a)…(g)); empty for honest buyers. */
  public String letter() {
    return letter;
  }

  public String description() {
    return description;
  }

  public boolean fraud() {
    return this != HONEST;
  }

  /** "(a) the same key …" */
  public String label() {
    return fraud() ? "(" + letter + ") " + description : description;
  }
}
