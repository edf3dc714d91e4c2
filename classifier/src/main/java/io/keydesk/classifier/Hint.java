package io.keydesk.classifier;

import java.util.Objects;

/**
 * A fact found in the buyer's text by a rule.
 *
 * @param type what kind of fact
 * @param value its canonical form: an error code as written, a region code ({@code US}, {@code CN},
 *     ...) or {@code LOCKED}, a platform name, an amount with its currency ({@code 100 CNY}), or
 *     the phrase that says the key was already used or that a purchase was charged twice
 */
public record Hint(Type type, String value) {
  /** Kinds of hints. */
  public enum Type {
    /**
     * An error code or message id shown by a store or a console ({@code E-102}, {@code
     * 0x80070005}).
     */
    ERROR_CODE,
    /** The text says the key was already used, redeemed or activated. */
    ALREADY_USED,
    /** A region or region lock ({@code US}, {@code HK}, {@code LOCKED}). */
    REGION,
    /** A store, platform or service ({@code Steam}, {@code App Store}, {@code Netflix}). */
    PLATFORM,
    /** A sum of money with its currency. */
    AMOUNT,
    /** The text says one purchase was paid or charged twice (扣了两次款, "double charged"). */
    CHARGED_TWICE
  }

  public Hint {
    Objects.requireNonNull(type, "type");
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a hint needs a value");
    }
  }
}
