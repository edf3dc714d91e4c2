package io.keydesk.application;

import io.keydesk.domain.model.analytics.AnalyticsRepository;
import io.keydesk.domain.model.analytics.AnalyticsRepository.RateRow;
import io.keydesk.domain.model.analytics.AnalyticsRepository.StepTotals;
import io.keydesk.domain.model.analytics.OpsFigures;
import io.keydesk.domain.model.analytics.OpsFigures.AlertRow;
import io.keydesk.domain.model.analytics.OpsFigures.BreachCounts;
import io.keydesk.domain.model.analytics.OpsFigures.BreachRow;
import io.keydesk.domain.model.analytics.OpsFigures.RatePoint;
import io.keydesk.domain.model.analytics.OpsFigures.SelfResolution;
import io.keydesk.domain.model.analytics.OpsFigures.SignalRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The supervisors' dashboard in one read: the highest complaint rates per product and supplier
 * (24-hour window) with their trend (the 24-hour rate hour by hour over the last 3 days), the
 * after-sales funnel of the last 24 hours by step, open fraud signals, product alerts of the last 7
 * days, deadline breaches (open tickets past their first-response or resolution due time) and the
 * self-resolution rate today (UTC) and over 7 days.
 */
@ApplicationScoped
public class OpsDashboard {
  /** Lines per trend chart and rows per table. */
  public static final int TOP = 5;

  public static final int ROWS = 20;
  public static final String RATE_WINDOW = "24h";
  public static final Duration TREND = Duration.ofDays(3);

  @Inject AnalyticsRepository analytics;
  @Inject OpsFigures figures;

  /** Everything on the dashboard at {@code at}. */
  public record Summary(
      Instant at,
      String rateWindow,
      List<RateRow> products,
      List<RateRow> suppliers,
      Trend productTrend,
      Trend supplierTrend,
      List<StepTotals> funnel,
      long openSignals,
      List<SignalRow> signals,
      List<AlertRow> alerts,
      BreachCounts breachCounts,
      List<BreachRow> breaches,
      SelfRate selfResolutionToday,
      SelfRate selfResolution7d) {}

  /** Rates over time: one value per window end and subject (null where the job sent none). */
  public record Trend(List<Instant> ends, List<Line> lines) {}

  public record Line(String subject, List<Double> rates) {}

  /** Cases, those without a human, and their ratio (null with no case). */
  public record SelfRate(
      Instant from,
      Instant to,
      long tickets,
      long selfResolvedTickets,
      long deflections,
      long cases,
      Double rate) {
    static SelfRate of(Instant from, Instant to, SelfResolution s) {
      return new SelfRate(
          from, to, s.tickets(), s.selfResolved(), s.deflections(), s.cases(), s.rate());
    }
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Summary summary(Instant now) {
    List<RateRow> products = analytics.rates("product", RATE_WINDOW, null, 0, TOP);
    List<RateRow> suppliers = analytics.rates("supplier", RATE_WINDOW, null, 0, TOP);
    Instant today = now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
    Instant week = now.minus(Duration.ofDays(7));
    return new Summary(
        now,
        RATE_WINDOW,
        products,
        suppliers,
        trend("product", products, now),
        trend("supplier", suppliers, now),
        analytics.funnel(now.minus(Duration.ofDays(1)), now, null, null, null),
        figures.countOpenSignals(now),
        figures.openSignals(now, ROWS),
        figures.alerts(week, ROWS),
        figures.countBreaches(now),
        figures.breaches(now, ROWS),
        SelfRate.of(today, now, figures.selfResolution(today, now)),
        SelfRate.of(week, now, figures.selfResolution(week, now)));
  }

  private Trend trend(String scope, List<RateRow> top, Instant now) {
    List<String> subjects = top.stream().map(RateRow::id).toList();
    List<RatePoint> points =
        figures.ratePoints(
            scope, RATE_WINDOW, subjects, now.minus(TREND), now.plus(Duration.ofHours(1)));
    return trend(subjects, points);
  }

  /** Aligns the points on their window ends, one line per subject in the given order. */
  static Trend trend(List<String> subjects, List<RatePoint> points) {
    List<Instant> ends =
        new ArrayList<>(new TreeSet<>(points.stream().map(RatePoint::windowEnd).toList()));
    Map<String, Map<Instant, Double>> bySubject = new HashMap<>();
    for (RatePoint p : points) {
      bySubject.computeIfAbsent(p.subject(), s -> new HashMap<>()).put(p.windowEnd(), p.rate());
    }
    List<Line> lines = new ArrayList<>();
    for (String s : subjects) {
      Map<Instant, Double> values = bySubject.getOrDefault(s, Map.of());
      List<Double> rates = new ArrayList<>(ends.size());
      for (Instant e : ends) {
        rates.add(values.get(e));
      }
      lines.add(new Line(s, rates));
    }
    return new Trend(ends, lines);
  }
}
