package io.keydesk.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keydesk.application.ReportPeriods.Period;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class ReportPeriodsTest {
  private final ReportPeriods periods =
      new ReportPeriods(LocalTime.of(6, 0), DayOfWeek.MONDAY, LocalTime.of(6, 30));

  @Test
  void dailyIsYesterdayOnceDue() {
    // 2026-11-25 is a Wednesday
    assertEquals(
        new Period("DAILY", LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 24)),
        periods.daily(Instant.parse("2026-11-25T06:00:00Z")));
    assertEquals(
        new Period("DAILY", LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 23)),
        periods.daily(Instant.parse("2026-11-25T05:59:59Z")));
  }

  @Test
  void weeklyIsTheWeekBeforeTheDueDay() {
    Period due = periods.weekly(Instant.parse("2026-11-23T06:30:00Z"));
    assertEquals(new Period("WEEKLY", LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 22)), due);
    assertEquals(
        new Period("WEEKLY", LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 15)),
        periods.weekly(Instant.parse("2026-11-23T06:29:00Z")));
    assertEquals(due, periods.weekly(Instant.parse("2026-11-29T23:59:00Z")));
    assertEquals(Instant.parse("2026-11-16T00:00:00Z"), due.start());
    assertEquals(Instant.parse("2026-11-23T00:00:00Z"), due.end());
  }
}
