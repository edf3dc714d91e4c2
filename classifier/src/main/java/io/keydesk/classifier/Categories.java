package io.keydesk.classifier;

import java.util.List;

/** The six after-sales categories, by code, as the corpus labels them. */
public final class Categories {
  public static final String NOT_RECEIVED = "NOT_RECEIVED";
  public static final String INVALID_KEY = "INVALID_KEY";
  public static final String WRONG_PURCHASE = "WRONG_PURCHASE";
  public static final String PAYMENT_ISSUE = "PAYMENT_ISSUE";
  public static final String USAGE_HELP = "USAGE_HELP";
  public static final String OTHER = "OTHER";

  /** All codes in their published order. */
  public static final List<String> CODES =
      List.of(NOT_RECEIVED, INVALID_KEY, WRONG_PURCHASE, PAYMENT_ISSUE, USAGE_HELP, OTHER);

  private Categories() {}
}
