package io.keydesk.domain.model.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How far to trust the forecast: each of the last weeks of a series is forecast from the weeks
 * before it only, and compared with what happened. MAE is the mean absolute error per hour (in
 * tickets); MAPE the mean absolute percentage error over the hours that had tickets (hours with
 * none have no percentage; null when no hour had any).
 */
public final class Backtest {
  private Backtest() {}

  /** The error of one forecast week; {@code start} is its first index in the series. */
  public record WeekError(int start, double mae, Double mape, double actual, double forecast) {}

  /** The errors of the weeks and their mean. */
  public record Result(List<WeekError> weeks, Double mae, Double mape) {}

  /**
   * Backtests the last {@code weeks} whole seasons of {@code series} that have at least {@code
   * minHistory} values before them; fewer when the series is short.
   */
  public static Result run(HoltWinters model, double[] series, int weeks, int minHistory) {
    int m = model.season();
    List<WeekError> errors = new ArrayList<>();
    int last = series.length - m;
    for (int start = last - (weeks - 1) * m; start <= last; start += m) {
      if (start < Math.max(minHistory, 1)) {
        continue;
      }
      double[] history = Arrays.copyOfRange(series, 0, start);
      double[] actual = Arrays.copyOfRange(series, start, start + m);
      double[] predicted = model.forecast(history, m).values();
      errors.add(error(start, actual, predicted));
    }
    if (errors.isEmpty()) {
      return new Result(errors, null, null);
    }
    double mae = errors.stream().mapToDouble(WeekError::mae).average().orElse(0);
    double[] mapes =
        errors.stream().filter(e -> e.mape() != null).mapToDouble(WeekError::mape).toArray();
    return new Result(
        List.copyOf(errors),
        mae,
        mapes.length == 0 ? null : Arrays.stream(mapes).average().orElse(0));
  }

  /** MAE and MAPE of one forecast against what happened. */
  public static WeekError error(int start, double[] actual, double[] predicted) {
    double absolute = 0;
    double percent = 0;
    int withTickets = 0;
    double sumActual = 0;
    double sumForecast = 0;
    for (int i = 0; i < actual.length; i++) {
      double e = Math.abs(actual[i] - predicted[i]);
      absolute += e;
      sumActual += actual[i];
      sumForecast += predicted[i];
      if (actual[i] > 0) {
        percent += e / actual[i];
        withTickets++;
      }
    }
    return new WeekError(
        start,
        absolute / actual.length,
        withTickets == 0 ? null : 100 * percent / withTickets,
        sumActual,
        sumForecast);
  }
}
