package io.keydesk.domain.model.category;

/** The after-sales categories of DESIGN.md. */
public enum CategoryCode {
  NOT_RECEIVED,
  INVALID_KEY,
  WRONG_PURCHASE,
  PAYMENT_ISSUE,
  USAGE_HELP,
  OTHER
}
