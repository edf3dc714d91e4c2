package io.keydesk.domain.model.risk;

/** What may happen to a claim. Ordered from the most to the least permissive. */
public enum Decision {
  /** An automatic action is allowed. */
  AUTO,
  /** A human decides. */
  REVIEW,
  /** Refused, with a reason the buyer can read. */
  BLOCK;

  /** The stricter of the two. */
  public Decision and(Decision other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
