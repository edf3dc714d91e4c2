package io.keydesk.interfaces.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Times and days given as query parameters, checked: ISO-8601, and within the years 2000–2099. Java
 * parses years up to ±999,999,999, and the arithmetic of a period at such a date overflows; no shop
 * has orders outside these years, so anything else is a bad request naming the parameter.
 */
final class QueryTimes {
  static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
  static final LocalDate LAST_DAY = LocalDate.of(2099, 12, 31);
  private static final String RANGE = " between 2000-01-01 and 2099-12-31";

  private QueryTimes() {}

  /** The instant of {@code value}, null when blank; an error on {@code field} when not one. */
  static Instant instant(String field, String value, List<Problem.FieldError> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      Instant at = Instant.parse(value.strip());
      LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
      if (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) {
        errors.add(new Problem.FieldError(field, "must be an instant" + RANGE));
        return null;
      }
      return at;
    } catch (DateTimeParseException e) {
      errors.add(new Problem.FieldError(field, "must be an ISO-8601 instant"));
      return null;
    }
  }

  /** The day of {@code value} (yyyy-MM-dd), null when blank; an error on {@code field} if not. */
  static LocalDate day(String field, String value, List<Problem.FieldError> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      LocalDate day = LocalDate.parse(value.strip());
      if (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) {
        errors.add(new Problem.FieldError(field, "must be a day" + RANGE));
        return null;
      }
      return day;
    } catch (DateTimeParseException e) {
      errors.add(new Problem.FieldError(field, "must be a day as yyyy-MM-dd"));
      return null;
    }
  }
}
