package io.keydesk.application;

import java.util.regex.Pattern;

/**
 * Masks buyer text before anyone outside the buyer's case reads it (supplier reports): e-mail
 * addresses, phone numbers, order numbers and anything that looks like a card key become {@code
 * ***}.
 */
public final class Masking {
  private static final int MAX_LENGTH = 160;
  private static final Pattern EMAIL = Pattern.compile("[^\\s@<>\"',;:]+@[^\\s@<>\"',;:]+");
  private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d \\-()]{5,}\\d");

  /** Letter-digit codes with separators (ORDER-123, ABCD-EFGH-1234) or long mixed runs. */
  private static final Pattern CODE =
      Pattern.compile(
          "(?<![\\p{Alnum}])(?=[\\p{Alnum}_-]*\\d)[\\p{Alnum}]+(?:[-_][\\p{Alnum}]+)+(?![\\p{Alnum}])"
              + "|(?<![\\p{Alnum}])(?=\\p{Alnum}*\\d)(?=\\p{Alnum}*[A-Za-z])[A-Za-z0-9]{6,}(?![\\p{Alnum}])");

  private Masking() {}

  /** The description with contacts, order numbers and key-like codes masked, shortened. */
  public static String description(String text) {
    if (text == null) {
      return "";
    }
    String masked = EMAIL.matcher(text).replaceAll("***");
    masked = CODE.matcher(masked).replaceAll("***");
    masked = PHONE.matcher(masked).replaceAll("***");
    masked = masked.replaceAll("\\s+", " ").strip();
    return masked.length() <= MAX_LENGTH ? masked : masked.substring(0, MAX_LENGTH - 1) + "…";
  }
}
