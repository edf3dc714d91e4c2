package io.keydesk.application;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/**
 * Which scheduled report period is due at a moment (UTC). Daily: the day before, due at {@code
 * dailyAt} the next day. Weekly: the seven days before {@code weeklyDay}, due on that day at {@code
 * weeklyAt}. Always the latest period that is due, so an instance that was down sends the last
 * missed report once it is back (older missed periods are not sent).
 */
public record ReportPeriods(LocalTime dailyAt, DayOfWeek weeklyDay, LocalTime weeklyAt) {
  /** A report period: UTC days {@code from} to {@code to}, both included. */
  public record Period(String kind, LocalDate from, LocalDate to) {
    public Instant start() {
      return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public Instant end() {
      return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
  }

  public Period daily(Instant now) {
    LocalDateTime t = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
    LocalDate day = t.toLocalDate().minusDays(t.toLocalTime().isBefore(dailyAt) ? 2 : 1);
    return new Period("DAILY", day, day);
  }

  public Period weekly(Instant now) {
    LocalDateTime t = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
    LocalDate due = t.toLocalDate().with(TemporalAdjusters.previousOrSame(weeklyDay));
    if (due.equals(t.toLocalDate()) && t.toLocalTime().isBefore(weeklyAt)) {
      due = due.minusWeeks(1);
    }
    return new Period("WEEKLY", due.minusDays(7), due.minusDays(1));
  }
}
