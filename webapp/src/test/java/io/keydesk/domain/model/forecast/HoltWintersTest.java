package io.keydesk.domain.model.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.domain.model.forecast.HoltWinters.Forecast;
import io.keydesk.domain.model.forecast.HoltWinters.Method;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The forecast's method on series whose future is known. */
class HoltWintersTest {
  private static final int WEEK = 168;
  private final HoltWinters model = new HoltWinters(WEEK);

  /** Tickets per hour: a daily wave, busier evenings, a quieter weekend; {@code week} from 0. */
  private static double weekly(int hour) {
    int hourOfDay = hour % 24;
    int day = (hour / 24) % 7;
    double daily = 6 + 4 * Math.sin(2 * Math.PI * (hourOfDay - 6) / 24.0);
    return day >= 5 ? daily * 0.5 : daily;
  }

  private static double[] series(int hours, double trendPerHour, double noise, long seed) {
    Random random = new Random(seed);
    double[] y = new double[hours];
    for (int t = 0; t < hours; t++) {
      y[t] = weekly(t) + trendPerHour * t + (noise == 0 ? 0 : random.nextGaussian() * noise);
    }
    return y;
  }

  @Test
  void aFlatSeriesIsForecastFlat() {
    double[] flat = new double[4 * WEEK];
    java.util.Arrays.fill(flat, 3.0);

    Forecast f = model.forecast(flat, WEEK);

    assertEquals(Method.HOLT_WINTERS, f.method());
    assertEquals(WEEK, f.values().length);
    for (double v : f.values()) {
      assertEquals(3.0, v, 1e-6);
    }
  }

  @Test
  void aCleanWeeklySeasonIsRecoveredWithinTolerance() {
    double[] history = series(4 * WEEK, 0, 0, 1);

    Forecast f = model.forecast(history, WEEK);

    for (int h = 0; h < WEEK; h++) {
      assertEquals(weekly(4 * WEEK + h), f.values()[h], 0.05, "hour " + h);
    }
  }

  @Test
  void aNoisyWeeklySeasonWithATrendIsFollowed() {
    double trend = 0.002;
    double[] history = series(6 * WEEK, trend, 0.5, 7);

    Forecast f = model.forecast(history, WEEK);

    double absolute = 0;
    for (int h = 0; h < WEEK; h++) {
      absolute += Math.abs(weekly(6 * WEEK + h) + trend * (6 * WEEK + h) - f.values()[h]);
    }
    assertTrue(absolute / WEEK < 0.6, "mean absolute error " + absolute / WEEK);
  }

  @Test
  void shortHistoriesFallBackAndForecastsAreNeverNegative() {
    double[] oneWeek = series(WEEK + 5, 0, 0, 1);
    Forecast naive = model.forecast(oneWeek, WEEK);
    assertEquals(Method.SEASONAL_NAIVE, naive.method());
    assertEquals(oneWeek[5], naive.values()[0], 1e-9, "the same hour one week earlier");

    Forecast mean = model.forecast(new double[] {1, 2, 3}, 4);
    assertEquals(Method.MEAN, mean.method());
    assertEquals(2.0, mean.values()[3], 1e-9);

    assertEquals(Method.NONE, model.forecast(new double[0], 3).method());

    double[] falling = new double[3 * WEEK];
    for (int t = 0; t < falling.length; t++) {
      falling[t] = Math.max(0, 10 - t * 0.03);
    }
    for (double v : model.forecast(falling, WEEK).values()) {
      assertTrue(v >= 0, "a count is never negative: " + v);
    }
    assertThrows(IllegalArgumentException.class, () -> new HoltWinters(1));
  }

  @Test
  void theBacktestMeasuresTheErrorOfEachPastWeek() {
    double[] clean = series(6 * WEEK, 0, 0, 1);

    Backtest.Result perfect = Backtest.run(model, clean, 3, 2 * WEEK);

    assertEquals(3, perfect.weeks().size());
    assertEquals(3 * WEEK, perfect.weeks().get(0).start());
    assertEquals(5 * WEEK, perfect.weeks().get(2).start());
    assertTrue(perfect.mae() < 0.05, "a clean season is forecast almost exactly: " + perfect.mae());
    assertTrue(perfect.mape() < 2, "MAPE " + perfect.mape());

    // The last week has two more tickets every hour than its season says: the error shows it.
    double[] surprise = clean.clone();
    for (int t = 5 * WEEK; t < 6 * WEEK; t++) {
      surprise[t] += 2;
    }
    Backtest.Result off = Backtest.run(model, surprise, 3, 2 * WEEK);
    Backtest.WeekError last = off.weeks().get(2);
    assertEquals(2.0, last.mae(), 0.05);
    assertEquals(last.actual() - last.forecast(), 2.0 * WEEK, 0.05 * WEEK);
    assertTrue(off.weeks().get(0).mae() < 0.05, "the earlier weeks are unchanged");
  }

  @Test
  void errorsAreMaeAndMapeOverHoursWithTickets() {
    Backtest.WeekError e = Backtest.error(0, new double[] {0, 2, 4, 0}, new double[] {1, 1, 5, 0});

    assertEquals(0.75, e.mae(), 1e-9);
    assertEquals(37.5, e.mape(), 1e-9, "(50% + 25%) / 2: the hours without tickets have no %");
    assertNull(Backtest.error(0, new double[] {0, 0}, new double[] {1, 0}).mape());
    assertTrue(Backtest.run(model, new double[WEEK], 4, 2 * WEEK).weeks().isEmpty());
  }
}
