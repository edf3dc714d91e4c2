package io.keydesk.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.keydesk.application.OpsDashboard.Trend;
import io.keydesk.domain.model.analytics.OpsFigures.RatePoint;
import io.keydesk.domain.model.staff.Role;
import io.keydesk.domain.model.staff.Shifts.Shift;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The forecast's assembly and the dashboard's trend lines, without a container. */
class StaffingForecastTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Test
  void agentsOnShiftAreCountedInTheShopsLocalHoursAndOnlyAgentsCount() {
    // 2026-11-23 is a Monday; 01:00 UTC is 09:00 in Shanghai.
    Instant monday0100Utc = Instant.parse("2026-11-23T01:00:00Z");
    List<Shift> week =
        List.of(
            new Shift("ann", Role.AGENT, DayOfWeek.MONDAY, 9, 11),
            new Shift("bo", Role.AGENT, DayOfWeek.MONDAY, 10, 12),
            new Shift("sue", Role.SUPERVISOR, DayOfWeek.MONDAY, 9, 18));

    List<Integer> on = StaffingForecast.onShift(monday0100Utc, 4, week, SHANGHAI);

    assertEquals(List.of(1, 2, 1, 0), on, "09:00 ann, 10:00 ann+bo, 11:00 bo, 12:00 nobody");
  }

  @Test
  void theTotalIsTheSumOfTheCategoriesAndEveryCategoryIsBacktested() {
    int hours = 3 * StaffingForecast.WEEK;
    double[] invalid = new double[hours];
    double[] total = new double[hours];
    for (int t = 0; t < hours; t++) {
      invalid[t] = t % 24 < 12 ? 2 : 0;
      total[t] = invalid[t];
    }
    Map<String, double[]> series = new HashMap<>();
    series.put("INVALID_KEY", invalid);
    Instant start = Instant.parse("2026-11-23T00:00:00Z");

    StaffingForecast.Forecast f =
        StaffingForecast.forecast(
            start, start.minusSeconds(3600L * hours), series, total, List.of(), SHANGHAI);

    assertEquals(6, f.categories().size());
    assertEquals(7, f.backtest().size(), "six categories and the total");
    StaffingForecast.CategoryForecast key =
        f.categories().stream().filter(c -> c.category().equals("INVALID_KEY")).findFirst().get();
    assertEquals("HOLT_WINTERS", key.method());
    assertEquals(2.0, key.values().get(0), 0.05, "midnight UTC: the busy half of the day");
    assertEquals(0.0, key.values().get(12), 0.05);
    assertEquals(key.values(), f.total(), "the other categories had nothing");
    StaffingForecast.Error error = f.backtest().get(1);
    assertEquals("INVALID_KEY", error.category());
    assertEquals(2, error.weeks().size(), "weeks 2 and 3, each from the weeks before it");
    assertEquals(0.0, error.mae(), 0.05);
    assertEquals(Arrays.asList(0, 0, 0), f.agentsOnShift().subList(0, 3));
  }

  @Test
  void trendLinesAreAlignedOnTheWindowEndsWithGapsWhereTheJobSentNothing() {
    Instant h1 = Instant.parse("2026-11-25T01:00:00Z");
    Instant h2 = Instant.parse("2026-11-25T02:00:00Z");
    Trend t =
        OpsDashboard.trend(
            List.of("A", "B", "C"),
            List.of(
                new RatePoint("A", h1, 10, 1, 0.1),
                new RatePoint("A", h2, 10, 2, 0.2),
                new RatePoint("B", h2, 4, 1, 0.25)));

    assertEquals(List.of(h1, h2), t.ends());
    assertEquals(List.of(0.1, 0.2), t.lines().get(0).rates());
    assertNull(t.lines().get(1).rates().get(0));
    assertEquals(0.25, t.lines().get(1).rates().get(1));
    assertEquals("C", t.lines().get(2).subject());
    assertEquals(Arrays.asList(null, null), t.lines().get(2).rates());
  }
}
