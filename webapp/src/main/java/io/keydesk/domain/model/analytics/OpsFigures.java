package io.keydesk.domain.model.analytics;

import java.time.Instant;
import java.util.List;

/**
 * What the supervisors' dashboard and the staffing forecast read besides the rate snapshots: the
 * rates' history, recent product alerts, open fraud signals, deadline breaches, self-resolution and
 * tickets per hour. Reads only.
 */
public interface OpsFigures {
  /** History points of these subjects' rates in one scope and window, window end in [from, to). */
  List<RatePoint> ratePoints(
      String scope, String window, List<String> subjects, Instant from, Instant to);

  /** Product alerts raised since {@code since}, newest first. */
  List<AlertRow> alerts(Instant since, int limit);

  /** Fraud signals not expired at {@code now}, newest first, and how many there are. */
  List<SignalRow> openSignals(Instant now, int limit);

  long countOpenSignals(Instant now);

  /**
   * Open tickets past a deadline at {@code now}: no first response by {@code response_due_at}, or
   * not resolved by {@code resolution_due_at}; the most overdue first.
   */
  List<BreachRow> breaches(Instant now, int limit);

  /** How many open tickets missed the first response and how many the resolution target. */
  BreachCounts countBreaches(Instant now);

  /**
   * Cases opened in {@code [from, to)}: tickets, those resolved without any staff entry on their
   * timeline, and knowledge-base deflections (no ticket at all).
   */
  SelfResolution selfResolution(Instant from, Instant to);

  /**
   * Tickets created in {@code [from, to)} per category and hour (hour 0 starts at {@code from}).
   */
  List<HourCount> ticketsPerHour(Instant from, Instant to);

  /** When the first ticket was filed, if any. */
  java.util.Optional<Instant> firstTicket();

  record RatePoint(
      String subject, Instant windowEnd, long delivered, long complaints, double rate) {}

  record AlertRow(
      long id,
      String sku,
      String supplier,
      double rate,
      double baseline,
      long volume,
      Instant hourStart,
      Instant raisedAt,
      int notified,
      boolean paused) {}

  /** An open signal: what and where it came from, never the buyer's contact. */
  record SignalRow(
      long id,
      String kind,
      String source,
      String decision,
      String ticketNo,
      String detail,
      Instant createdAt,
      Instant expiresAt) {}

  /** {@code kind}: RESPONSE (no first response in time) or RESOLUTION. */
  record BreachRow(
      String ticketNo,
      String category,
      String status,
      String kind,
      Instant dueAt,
      String assignee) {}

  record BreachCounts(long response, long resolution, long tickets) {}

  record SelfResolution(long tickets, long selfResolved, long deflections) {
    public long cases() {
      return tickets + deflections;
    }

    public long resolvedWithoutHuman() {
      return selfResolved + deflections;
    }

    /** (self-resolved tickets + deflections) ÷ (tickets + deflections); null with no case. */
    public Double rate() {
      return cases() == 0 ? null : (double) resolvedWithoutHuman() / cases();
    }
  }

  record HourCount(String category, int hour, long count) {}
}
