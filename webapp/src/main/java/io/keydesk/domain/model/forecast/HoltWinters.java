package io.keydesk.domain.model.forecast;

import java.util.Arrays;

/**
 * Additive Holt-Winters (triple exponential smoothing) for hourly counts with one season (168 hours
 * for a week). The smoothing constants are chosen per series from a small grid by the smallest
 * one-step-ahead squared error over the history. The state starts from the first two seasons: the
 * level from the first season's mean, the trend from the change of the mean between the first two
 * seasons, the seasonal offsets from the first season minus that line.
 *
 * <p>With less than two seasons of history it falls back: one season or more → the last season
 * again (seasonal naive); less → the mean of what there is; nothing → zeros. Forecasts are counts,
 * so never below zero.
 */
public final class HoltWinters {
  private static final double[] ALPHAS = {0.05, 0.1, 0.2, 0.4};
  private static final double[] BETAS = {0.0, 0.005, 0.02};
  private static final double[] GAMMAS = {0.05, 0.15, 0.3, 0.5};

  private final int season;

  /** The method used for a forecast, for the page and the API. */
  public enum Method {
    HOLT_WINTERS,
    SEASONAL_NAIVE,
    MEAN,
    NONE
  }

  /** A forecast: the values, the method and (for Holt-Winters) the constants chosen. */
  public record Forecast(double[] values, Method method, double alpha, double beta, double gamma) {}

  public HoltWinters(int season) {
    if (season < 2) {
      throw new IllegalArgumentException("season must be at least 2");
    }
    this.season = season;
  }

  public int season() {
    return season;
  }

  /** The next {@code horizon} values after {@code history}. */
  public Forecast forecast(double[] history, int horizon) {
    if (horizon < 0) {
      throw new IllegalArgumentException("horizon must not be negative");
    }
    int n = history.length;
    if (n == 0) {
      return new Forecast(new double[horizon], Method.NONE, 0, 0, 0);
    }
    if (n < 2 * season) {
      double[] out = new double[horizon];
      if (n >= season) {
        for (int h = 0; h < horizon; h++) {
          out[h] = Math.max(0, history[n - season + h % season]);
        }
        return new Forecast(out, Method.SEASONAL_NAIVE, 0, 0, 0);
      }
      Arrays.fill(out, Math.max(0, Arrays.stream(history).average().orElse(0)));
      return new Forecast(out, Method.MEAN, 0, 0, 0);
    }
    double best = Double.POSITIVE_INFINITY;
    double[] chosen = {ALPHAS[0], BETAS[0], GAMMAS[0]};
    for (double a : ALPHAS) {
      for (double b : BETAS) {
        for (double g : GAMMAS) {
          double sse = run(history, a, b, g, 0, null);
          if (sse < best) {
            best = sse;
            chosen = new double[] {a, b, g};
          }
        }
      }
    }
    double[] out = new double[horizon];
    run(history, chosen[0], chosen[1], chosen[2], horizon, out);
    return new Forecast(out, Method.HOLT_WINTERS, chosen[0], chosen[1], chosen[2]);
  }

  /**
   * Smooths the history with the given constants; returns the one-step squared error and, when
   * {@code out} is given, writes the next {@code horizon} values into it.
   */
  private double run(
      double[] y, double alpha, double beta, double gamma, int horizon, double[] out) {
    int m = season;
    double mean1 = 0;
    double mean2 = 0;
    for (int i = 0; i < m; i++) {
      mean1 += y[i];
      mean2 += y[m + i];
    }
    mean1 /= m;
    mean2 /= m;
    double trend = (mean2 - mean1) / m;
    double[] seasonal = new double[m];
    for (int i = 0; i < m; i++) {
      seasonal[i] = y[i] - (mean1 + trend * (i - (m - 1) / 2.0));
    }
    double level = mean1 + trend * (m - 1) / 2.0;
    double sse = 0;
    for (int t = m; t < y.length; t++) {
      int s = t % m;
      double predicted = level + trend + seasonal[s];
      double error = y[t] - predicted;
      sse += error * error;
      double previous = level;
      level = alpha * (y[t] - seasonal[s]) + (1 - alpha) * (level + trend);
      trend = beta * (level - previous) + (1 - beta) * trend;
      seasonal[s] = gamma * (y[t] - level) + (1 - gamma) * seasonal[s];
    }
    if (out != null) {
      int n = y.length;
      for (int h = 1; h <= horizon; h++) {
        out[h - 1] = Math.max(0, level + h * trend + seasonal[(n + h - 1) % m]);
      }
    }
    return sse;
  }
}
