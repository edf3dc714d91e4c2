package io.keydesk.infrastructure.persistence;

import static io.keydesk.infrastructure.persistence.SqlTimes.instant;
import static io.keydesk.infrastructure.persistence.SqlTimes.utc;

import io.keydesk.domain.model.analytics.OpsFigures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The dashboard's and the forecast's figures, by native queries over the V1-V14 tables. */
@ApplicationScoped
public class JpaOpsFigures implements OpsFigures {
  /** Tickets still waiting for someone (TicketStatus.isOpen). */
  private static final String OPEN =
      "t.status IN ('SUBMITTED', 'AUTO_RESOLVING', 'AWAITING_BUYER', 'IN_REVIEW', 'REOPENED')";

  private static final String RESPONSE_LATE =
      "(t.first_response_at IS NULL AND t.response_due_at < ?)";

  @PersistenceContext private EntityManager em;

  @Override
  public List<RatePoint> ratePoints(
      String scope, String window, List<String> subjects, Instant from, Instant to) {
    if (subjects.isEmpty()) {
      return List.of();
    }
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < subjects.size(); i++) {
      in.append(i == 0 ? "?" : ", ?");
    }
    Query q =
        em.createNativeQuery(
                "SELECT subject_id, window_end, delivered, complaints, rate FROM"
                    + " analytics_rate_point WHERE scope = ? AND window_name = ? AND window_end >= ?"
                    + " AND window_end < ? AND subject_id IN ("
                    + in
                    + ") ORDER BY window_end, subject_id")
            .setParameter(1, scope)
            .setParameter(2, window)
            .setParameter(3, utc(from))
            .setParameter(4, utc(to));
    for (int i = 0; i < subjects.size(); i++) {
      q.setParameter(5 + i, subjects.get(i));
    }
    return rows(q).stream()
        .map(
            r ->
                new RatePoint(
                    (String) r[0],
                    instant(r[1]),
                    ((Number) r[2]).longValue(),
                    ((Number) r[3]).longValue(),
                    ((Number) r[4]).doubleValue()))
        .toList();
  }

  @Override
  public List<AlertRow> alerts(Instant since, int limit) {
    return rows(
            em.createNativeQuery(
                    "SELECT id, sku, supplier, rate, baseline, volume, hour_start, raised_at,"
                        + " notified, paused FROM analytics_product_alert WHERE raised_at >= ?"
                        + " ORDER BY raised_at DESC, id DESC LIMIT ?")
                .setParameter(1, utc(since))
                .setParameter(2, limit))
        .stream()
        .map(
            r ->
                new AlertRow(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    (String) r[2],
                    ((Number) r[3]).doubleValue(),
                    ((Number) r[4]).doubleValue(),
                    ((Number) r[5]).longValue(),
                    instant(r[6]),
                    instant(r[7]),
                    ((Number) r[8]).intValue(),
                    bool(r[9])))
        .toList();
  }

  @Override
  public List<SignalRow> openSignals(Instant now, int limit) {
    return rows(
            em.createNativeQuery(
                    "SELECT id, kind, source, decision, ticket_no, detail, created_at, expires_at"
                        + " FROM fraud_signal WHERE expires_at IS NULL OR expires_at > ?"
                        + " ORDER BY created_at DESC, id DESC LIMIT ?")
                .setParameter(1, utc(now))
                .setParameter(2, limit))
        .stream()
        .map(
            r ->
                new SignalRow(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    (String) r[5],
                    instant(r[6]),
                    instant(r[7])))
        .toList();
  }

  @Override
  public long countOpenSignals(Instant now) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM fraud_signal WHERE expires_at IS NULL OR expires_at > ?")
                .setParameter(1, utc(now))
                .getSingleResult())
        .longValue();
  }

  @Override
  public List<BreachRow> breaches(Instant now, int limit) {
    // The due time that was missed first: the response target when no answer came in time,
    // otherwise the resolution target.
    return rows(
            em.createNativeQuery(
                    "SELECT t.ticket_no, t.category_code, t.status, IF("
                        + RESPONSE_LATE
                        + ", 'RESPONSE', 'RESOLUTION') AS kind, IF("
                        + RESPONSE_LATE
                        + ", t.response_due_at, t.resolution_due_at) AS due, u.username"
                        + " FROM ticket t LEFT JOIN staff_user u ON u.id = t.assignee_id WHERE "
                        + OPEN
                        + " AND ("
                        + RESPONSE_LATE
                        + " OR t.resolution_due_at < ?) ORDER BY due, t.id LIMIT ?")
                .setParameter(1, utc(now))
                .setParameter(2, utc(now))
                .setParameter(3, utc(now))
                .setParameter(4, utc(now))
                .setParameter(5, limit))
        .stream()
        .map(
            r ->
                new BreachRow(
                    (String) r[0],
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    instant(r[4]),
                    (String) r[5]))
        .toList();
  }

  @Override
  public BreachCounts countBreaches(Instant now) {
    Object[] r =
        (Object[])
            em.createNativeQuery(
                    "SELECT COALESCE(SUM("
                        + RESPONSE_LATE
                        + "), 0), COALESCE(SUM(t.resolution_due_at < ?), 0), COUNT(*) FROM ticket t"
                        + " WHERE "
                        + OPEN
                        + " AND ("
                        + RESPONSE_LATE
                        + " OR t.resolution_due_at < ?)")
                .setParameter(1, utc(now))
                .setParameter(2, utc(now))
                .setParameter(3, utc(now))
                .setParameter(4, utc(now))
                .getSingleResult();
    return new BreachCounts(
        ((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue());
  }

  @Override
  public SelfResolution selfResolution(Instant from, Instant to) {
    Object[] t =
        (Object[])
            em.createNativeQuery(
                    "SELECT COUNT(*), COALESCE(SUM(t.resolved_at IS NOT NULL AND NOT EXISTS (SELECT"
                        + " 1 FROM ticket_entry e WHERE e.ticket_id = t.id AND e.actor_type ="
                        + " 'STAFF')), 0) FROM ticket t WHERE t.created_at >= ? AND t.created_at <"
                        + " ?")
                .setParameter(1, utc(from))
                .setParameter(2, utc(to))
                .getSingleResult();
    long deflections =
        ((Number)
                em.createNativeQuery(
                        "SELECT COUNT(*) FROM kb_deflection WHERE created_at >= ? AND created_at"
                            + " < ?")
                    .setParameter(1, utc(from))
                    .setParameter(2, utc(to))
                    .getSingleResult())
            .longValue();
    return new SelfResolution(
        ((Number) t[0]).longValue(), ((Number) t[1]).longValue(), deflections);
  }

  @Override
  public List<HourCount> ticketsPerHour(Instant from, Instant to) {
    return rows(
            em.createNativeQuery(
                    "SELECT category_code, TIMESTAMPDIFF(HOUR, ?, created_at) AS h, COUNT(*) FROM"
                        + " ticket WHERE created_at >= ? AND created_at < ? GROUP BY"
                        + " category_code, h")
                .setParameter(1, utc(from))
                .setParameter(2, utc(from))
                .setParameter(3, utc(to)))
        .stream()
        .map(
            r ->
                new HourCount(
                    (String) r[0], ((Number) r[1]).intValue(), ((Number) r[2]).longValue()))
        .toList();
  }

  @Override
  public Optional<Instant> firstTicket() {
    return Optional.ofNullable(
        instant(em.createNativeQuery("SELECT MIN(created_at) FROM ticket").getSingleResult()));
  }

  @SuppressWarnings("unchecked")
  private static List<Object[]> rows(Query q) {
    return q.getResultList();
  }

  private static boolean bool(Object o) {
    return o instanceof Boolean b ? b : ((Number) o).intValue() != 0;
  }
}
