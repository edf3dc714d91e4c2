package io.keydesk.domain.model.order;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.MatchType;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A buyer contact: an e-mail address or a phone number, normalised so that what the buyer types
 * matches what the shop sent (case of e-mail, spaces and dashes of phone numbers).
 */
public record Contact(String value) {
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9]{5,20}$");

  public Contact {
    if (value == null || !(EMAIL.matcher(value).matches() || PHONE.matcher(value).matches())) {
      throw new IllegalArgumentException("not an e-mail address or phone number");
    }
  }

  /** Normalises raw input; empty when it is neither an e-mail address nor a phone number. */
  public static Optional<Contact> parse(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String trimmed = raw.strip();
    if (trimmed.contains("@")) {
      String email = trimmed.toLowerCase(Locale.ROOT);
      return EMAIL.matcher(email).matches() && email.length() <= 254
          ? Optional.of(new Contact(email))
          : Optional.empty();
    }
    String phone = trimmed.replaceAll("[\\s()\\-.]", "");
    return PHONE.matcher(phone).matches() ? Optional.of(new Contact(phone)) : Optional.empty();
  }

  /**
   * Normalises an e-mail address as {@link #parse} does (trimmed, lower case, at most 254
   * characters); empty when the input is not an e-mail address (a phone number is not one).
   */
  public static Optional<Contact> parseEmail(String raw) {
    return parse(raw).filter(Contact::isEmail);
  }

  /**
   * Whether this contact, as a buyer typed it, names the {@code stored} one: the same e-mail
   * address, or the same phone number written with or without its country calling code ({@code +86
   * 138 0013 8000} and {@code 13800138000}), as libphonenumber compares them. A number that only
   * ends like the other one does not count.
   */
  public boolean designates(Contact stored) {
    if (value.equals(stored.value)) {
      return true;
    }
    if (isEmail() || stored.isEmail()) {
      return false;
    }
    MatchType match = PhoneNumberUtil.getInstance().isNumberMatch(value, stored.value);
    return match == MatchType.EXACT_MATCH || match == MatchType.NSN_MATCH;
  }

  public boolean isEmail() {
    return value.contains("@");
  }

  /** For logs and staff screens that must not show the whole contact. */
  public String masked() {
    if (isEmail()) {
      int at = value.indexOf('@');
      return value.charAt(0) + "***" + value.substring(at);
    }
    return "***" + value.substring(Math.max(0, value.length() - 4));
  }

  @Override
  public String toString() {
    return masked();
  }
}
