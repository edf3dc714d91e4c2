package io.keydesk.application;

import io.keydesk.domain.model.analytics.OpsFigures;
import io.keydesk.domain.model.analytics.OpsFigures.HourCount;
import io.keydesk.domain.model.category.CategoryCode;
import io.keydesk.domain.model.forecast.Backtest;
import io.keydesk.domain.model.forecast.HoltWinters;
import io.keydesk.domain.model.staff.Role;
import io.keydesk.domain.model.staff.Shifts;
import io.keydesk.domain.model.staff.Shifts.Shift;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The staffing forecast: tickets expected per hour and category for the next 7 days, from the
 * tickets filed per hour over the last {@value #HISTORY_WEEKS} weeks, by additive Holt-Winters with
 * a weekly season ({@link HoltWinters}); beside it the agents on shift per hour (the weekly shift
 * table) and the forecast's error on the last {@value #BACKTEST_WEEKS} weeks ({@link Backtest}:
 * each week forecast from the weeks before it only). Hours are instants; shift hours are local
 * hours of {@code keydesk.display-zone}.
 */
@ApplicationScoped
public class StaffingForecast {
  public static final int WEEK = 168;
  public static final int HISTORY_WEEKS = 8;
  public static final int BACKTEST_WEEKS = 4;

  @Inject OpsFigures figures;
  @Inject Shifts shifts;

  /** Shift hours are hours of the shop's time zone (as the pages show times). */
  @Inject
  @ConfigProperty(name = "keydesk.display-zone", defaultValue = "Asia/Shanghai")
  String zone;

  /** The forecast from {@code from} (an hour) for {@code hours} hours. */
  public record Forecast(
      Instant from,
      int hours,
      Instant historyFrom,
      int historyHours,
      List<CategoryForecast> categories,
      List<Double> total,
      List<Integer> agentsOnShift,
      List<Error> backtest) {}

  /** One category's expected tickets per hour and how they were forecast. */
  public record CategoryForecast(
      String category,
      String method,
      double alpha,
      double beta,
      double gamma,
      List<Double> values) {}

  /** The backtest of one category (or {@code TOTAL}): mean MAE and MAPE, and per week. */
  public record Error(String category, Double mae, Double mape, List<WeekError> weeks) {}

  public record WeekError(
      Instant weekStart, double mae, Double mape, double actual, double forecast) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  public Forecast forecast(Instant now) {
    Instant start = now.truncatedTo(ChronoUnit.HOURS);
    Instant earliest = start.minus(Duration.ofDays(7L * HISTORY_WEEKS));
    Instant historyFrom =
        figures
            .firstTicket()
            .map(first -> first.truncatedTo(ChronoUnit.HOURS))
            .filter(first -> first.isAfter(earliest))
            .orElse(earliest);
    if (historyFrom.isAfter(start)) {
      historyFrom = start;
    }
    int n = (int) Duration.between(historyFrom, start).toHours();
    if (figures.firstTicket().isEmpty()) {
      n = 0;
      historyFrom = start;
    }
    Map<String, double[]> series = new HashMap<>();
    for (CategoryCode c : CategoryCode.values()) {
      series.put(c.name(), new double[n]);
    }
    double[] total = new double[n];
    for (HourCount h : figures.ticketsPerHour(historyFrom, start)) {
      if (h.hour() >= 0 && h.hour() < n) {
        series.computeIfAbsent(h.category(), k -> new double[total.length])[h.hour()] += h.count();
        total[h.hour()] += h.count();
      }
    }
    return forecast(start, historyFrom, series, total, shifts.all(), ZoneId.of(zone));
  }

  /** The forecast of these hourly series (same length, ending at {@code start}); no database. */
  static Forecast forecast(
      Instant start,
      Instant historyFrom,
      Map<String, double[]> series,
      double[] total,
      List<Shift> week,
      ZoneId zone) {
    HoltWinters model = new HoltWinters(WEEK);
    List<CategoryForecast> categories = new ArrayList<>();
    double[] sum = new double[WEEK];
    List<Error> errors = new ArrayList<>();
    for (CategoryCode c : CategoryCode.values()) {
      double[] y = series.getOrDefault(c.name(), new double[total.length]);
      HoltWinters.Forecast f = model.forecast(y, WEEK);
      for (int h = 0; h < WEEK; h++) {
        sum[h] += f.values()[h];
      }
      categories.add(
          new CategoryForecast(
              c.name(), f.method().name(), f.alpha(), f.beta(), f.gamma(), rounded(f.values())));
      errors.add(error(c.name(), model, y, historyFrom));
    }
    errors.add(error("TOTAL", model, total, historyFrom));
    return new Forecast(
        start,
        WEEK,
        historyFrom,
        total.length,
        categories,
        rounded(sum),
        onShift(start, WEEK, week, zone),
        errors);
  }

  private static Error error(String category, HoltWinters model, double[] y, Instant historyFrom) {
    Backtest.Result r = Backtest.run(model, y, BACKTEST_WEEKS, WEEK);
    return new Error(
        category,
        r.mae() == null ? null : round(r.mae()),
        r.mape() == null ? null : round(r.mape()),
        r.weeks().stream()
            .map(
                w ->
                    new WeekError(
                        historyFrom.plus(Duration.ofHours(w.start())),
                        round(w.mae()),
                        w.mape() == null ? null : round(w.mape()),
                        round(w.actual()),
                        round(w.forecast())))
            .toList());
  }

  /**
   * Agents (role AGENT) on shift in each hour from {@code start}; shifts in {@code zone}'s hours.
   */
  static List<Integer> onShift(Instant start, int hours, List<Shift> week, ZoneId zone) {
    List<Integer> agents = new ArrayList<>(hours);
    for (int h = 0; h < hours; h++) {
      ZonedDateTime at = start.plus(Duration.ofHours(h)).atZone(zone);
      DayOfWeek day = at.getDayOfWeek();
      int hour = at.getHour();
      Set<String> on = new HashSet<>();
      for (Shift s : week) {
        if (s.role() == Role.AGENT && s.covers(day, hour)) {
          on.add(s.username());
        }
      }
      agents.add(on.size());
    }
    return agents;
  }

  private static List<Double> rounded(double[] values) {
    return Arrays.stream(values).map(StaffingForecast::round).boxed().toList();
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
