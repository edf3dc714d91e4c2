package io.keydesk.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryTimesTest {
  @Test
  void instantsAndDaysOfThisCenturyAreRead() {
    List<Problem.FieldError> errors = new ArrayList<>();
    assertEquals(
        Instant.parse("2026-11-26T10:00:00Z"),
        QueryTimes.instant("from", " 2026-11-26T10:00:00Z ", errors));
    assertEquals(LocalDate.of(2026, 11, 26), QueryTimes.day("to", "2026-11-26", errors));
    assertNull(QueryTimes.day("to", " ", errors), "blank: not given");
    assertEquals(List.of(), errors);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"+999999999-12-31T00:00:00Z", "1970-01-01T00:00:00Z", "2100-01-01T00:00:00Z"})
  void instantsOutsideTheCenturyNameTheirParameter(String value) {
    List<Problem.FieldError> errors = new ArrayList<>();
    assertNull(QueryTimes.instant("from", value, errors));
    assertEquals("from", errors.get(0).field());
  }

  @ParameterizedTest
  @ValueSource(strings = {"+999999999-12-31", "1999-12-31", "2100-01-01", "26-11-2026"})
  void daysOutsideTheCenturyOrMisspeltNameTheirParameter(String value) {
    List<Problem.FieldError> errors = new ArrayList<>();
    assertNull(QueryTimes.day("to", value, errors));
    assertEquals("to", errors.get(0).field());
  }
}
