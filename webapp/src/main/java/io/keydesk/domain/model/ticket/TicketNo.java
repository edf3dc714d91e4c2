package io.keydesk.domain.model.ticket;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * A readable ticket number that cannot be guessed from its neighbours: {@code KD-<yymmdd>-<8
 * characters>}, the date it was opened and 40 random bits in Crockford base32 (no I, L, O, U).
 */
public record TicketNo(String value) {
  private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final Pattern FORMAT = Pattern.compile("^KD-[0-9]{6}-[0-9A-HJKMNP-TV-Z]{8}$");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");
  private static final SecureRandom RANDOM = new SecureRandom();

  public TicketNo {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("not a ticket number");
    }
  }

  public static TicketNo random(LocalDate day) {
    StringBuilder sb = new StringBuilder("KD-").append(DAY.format(day)).append('-');
    long bits = RANDOM.nextLong();
    for (int i = 0; i < 8; i++) {
      sb.append(ALPHABET.charAt((int) (bits & 31)));
      bits >>>= 5;
    }
    return new TicketNo(sb.toString());
  }

  /** True when the text has the shape of a ticket number (cheap check before any lookup). */
  public static boolean looksValid(String text) {
    return text != null && FORMAT.matcher(text).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
