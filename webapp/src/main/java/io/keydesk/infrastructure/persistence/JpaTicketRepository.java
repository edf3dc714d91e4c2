package io.keydesk.infrastructure.persistence;

import io.keydesk.domain.model.category.CategoryCode;
import io.keydesk.domain.model.order.Contact;
import io.keydesk.domain.model.risk.Decision;
import io.keydesk.domain.model.ticket.Deadline;
import io.keydesk.domain.model.ticket.EscalationTarget;
import io.keydesk.domain.model.ticket.Ticket;
import io.keydesk.domain.model.ticket.TicketNo;
import io.keydesk.domain.model.ticket.TicketRepository;
import io.keydesk.domain.model.ticket.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class JpaTicketRepository implements TicketRepository {
  @PersistenceContext private EntityManager em;

  @Override
  public Optional<Ticket> find(TicketNo no) {
    return em.createNamedQuery("Ticket.byNo", Ticket.class)
        .setParameter("ticketNo", no.value())
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Ticket> findByIdempotencyKey(Contact contact, String key) {
    return em.createNamedQuery("Ticket.byIdempotencyKey", Ticket.class)
        .setParameter("contact", contact.value())
        .setParameter("key", key)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Ticket> ofContact(Contact contact) {
    return em.createNamedQuery("Ticket.ofContact", Ticket.class)
        .setParameter("contact", contact.value())
        .setMaxResults(200)
        .getResultList();
  }

  /** Statuses in which a ticket's targets run (docs/console.md). */
  private static final String RUNNING =
      "t.status IN ('SUBMITTED','AUTO_RESOLVING','IN_REVIEW','REOPENED')";

  private static final String OPEN =
      "t.status IN ('SUBMITTED','AUTO_RESOLVING','IN_REVIEW','AWAITING_BUYER','REOPENED')";

  /** The current target: the first response until answered, then the resolution. */
  private static final String DUE =
      "(CASE WHEN t.first_response_at IS NULL THEN t.response_due_at ELSE t.resolution_due_at END)";

  @Override
  public QueuePage queue(QueueFilter filter) {
    List<Object> params = new ArrayList<>();
    String now = param(params, SqlTimes.utc(filter.now()));
    String share = param(params, filter.atRiskShare());
    String bucket =
        "(CASE WHEN NOT "
            + RUNNING
            + " THEN 3 WHEN "
            + DUE
            + " < "
            + now
            + " THEN 0 WHEN TIMESTAMPDIFF(MICROSECOND, t.created_at, "
            + now
            + ") >= "
            + share
            + " * TIMESTAMPDIFF(MICROSECOND, t.created_at, "
            + DUE
            + ") THEN 1 ELSE 2 END)";
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    if (filter.statuses() != null && !filter.statuses().isEmpty()) {
      where.append(" AND t.status IN (");
      for (int i = 0; i < filter.statuses().size(); i++) {
        where.append(i == 0 ? "" : ", ").append(param(params, filter.statuses().get(i).name()));
      }
      where.append(')');
    }
    if (filter.category() != null) {
      where.append(" AND t.category_code = ").append(param(params, filter.category().name()));
    }
    if (filter.productSku() != null) {
      where.append(" AND p.sku = ").append(param(params, filter.productSku()));
    }
    if (filter.supplierCode() != null) {
      where.append(" AND s.code = ").append(param(params, filter.supplierCode()));
    }
    if (filter.supplierId() != null) {
      where.append(" AND p.supplier_id = ").append(param(params, filter.supplierId()));
    }
    if (filter.riskDecision() != null) {
      where.append(" AND t.risk_decision = ").append(param(params, filter.riskDecision().name()));
    }
    if (filter.unassigned()) {
      where.append(" AND t.assignee_id IS NULL");
    } else if (filter.assignee() != null) {
      where.append(" AND a.username = ").append(param(params, filter.assignee()));
    }
    if (filter.escalatedOnly()) {
      where.append(" AND t.escalated_at IS NOT NULL AND ").append(OPEN);
    }
    if (filter.deadlineState() != null) {
      int b =
          switch (filter.deadlineState()) {
            case BREACHED -> 0;
            case AT_RISK -> 1;
            case OK -> 2;
            case NONE -> 3;
          };
      where.append(" AND ").append(bucket).append(" = ").append(b);
    }
    // Page on the ticket table alone (joining only what the filters need), then join the page's
    // rows for their columns: the sort and the count never touch the other tables' rows.
    boolean product =
        filter.productSku() != null || filter.supplierCode() != null || filter.supplierId() != null;
    String filterJoins =
        (product
                ? " JOIN shop_order o ON o.id = t.order_id JOIN product p ON p.id = o.product_id"
                    + " JOIN supplier s ON s.id = p.supplier_id"
                : "")
            + (filter.assignee() != null ? " JOIN staff_user a ON a.id = t.assignee_id" : "");
    String from = " FROM ticket t" + filterJoins;
    String select =
        "SELECT t.ticket_no, o.order_no, p.sku, p.name, s.code, t.category_code, t.status,"
            + " t.language, t.risk_decision, a.username, t.created_at, t.response_due_at,"
            + " t.resolution_due_at, t.first_response_at, pg.due, pg.bucket, t.escalated_at,"
            + " t.escalation_target FROM (SELECT t.id, "
            + DUE
            + " AS due, "
            + bucket
            + " AS bucket"
            + from
            + where
            + " ORDER BY bucket, due, t.rank_at, t.id LIMIT "
            + filter.size()
            + " OFFSET "
            + (long) filter.page() * filter.size()
            + ") pg JOIN ticket t ON t.id = pg.id JOIN shop_order o ON o.id = t.order_id"
            + " JOIN product p ON p.id = o.product_id JOIN supplier s ON s.id = p.supplier_id"
            + " LEFT JOIN staff_user a ON a.id = t.assignee_id"
            + " ORDER BY pg.bucket, pg.due, t.rank_at, t.id";
    Query rows = em.createNativeQuery(select);
    Query count = em.createNativeQuery("SELECT COUNT(*)" + from + where);
    for (int i = 0; i < params.size(); i++) {
      rows.setParameter(i + 1, params.get(i));
      count.setParameter(i + 1, params.get(i));
    }
    List<QueueRow> page = new ArrayList<>();
    for (Object r : rows.getResultList()) {
      Object[] c = (Object[]) r;
      page.add(
          new QueueRow(
              (String) c[0],
              (String) c[1],
              (String) c[2],
              (String) c[3],
              (String) c[4],
              CategoryCode.valueOf((String) c[5]),
              TicketStatus.valueOf((String) c[6]),
              (String) c[7],
              c[8] == null ? null : Decision.valueOf((String) c[8]),
              (String) c[9],
              SqlTimes.instant(c[10]),
              SqlTimes.instant(c[11]),
              SqlTimes.instant(c[12]),
              SqlTimes.instant(c[13]),
              SqlTimes.instant(c[14]),
              switch (((Number) c[15]).intValue()) {
                case 0 -> Deadline.State.BREACHED;
                case 1 -> Deadline.State.AT_RISK;
                case 2 -> Deadline.State.OK;
                default -> Deadline.State.NONE;
              },
              SqlTimes.instant(c[16]),
              c[17] == null ? null : EscalationTarget.valueOf((String) c[17])));
    }
    return new QueuePage(page, ((Number) count.getSingleResult()).longValue());
  }

  /** Adds a positional parameter and returns its placeholder. */
  private static String param(List<Object> params, Object value) {
    params.add(value);
    return "?" + params.size();
  }

  @Override
  public Optional<Ticket> lockForUpdate(long id) {
    return Optional.ofNullable(em.find(Ticket.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Long> deadlineCandidates(Instant now, double atRiskShare, int max) {
    String response = "t.response_due_at";
    String resolution = "t.resolution_due_at";
    String elapsed = "TIMESTAMPDIFF(MICROSECOND, t.created_at, ?1)";
    List<Object> ids =
        em.createNativeQuery(
                "SELECT t.id FROM ticket t WHERE "
                    + RUNNING
                    + " AND ((t.first_response_at IS NULL AND ("
                    + "   (t.response_breached_at IS NULL AND "
                    + response
                    + " < ?1)"
                    + "   OR (t.response_at_risk_at IS NULL AND "
                    + elapsed
                    + " >= ?2 * TIMESTAMPDIFF(MICROSECOND, t.created_at, "
                    + response
                    + "))))"
                    + " OR (t.resolution_breached_at IS NULL AND "
                    + resolution
                    + " < ?1)"
                    + " OR (t.resolution_at_risk_at IS NULL AND "
                    + elapsed
                    + " >= ?2 * TIMESTAMPDIFF(MICROSECOND, t.created_at, "
                    + resolution
                    + ")))"
                    + " ORDER BY "
                    + DUE
                    + ", t.id LIMIT "
                    + max)
            .setParameter(1, SqlTimes.utc(now))
            .setParameter(2, atRiskShare)
            .getResultList();
    return ids.stream().map(id -> ((Number) id).longValue()).toList();
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Long> waitingForAgent(int max) {
    List<Object> ids =
        em.createNativeQuery(
                "SELECT t.id FROM ticket t WHERE t.status = 'IN_REVIEW' AND t.assignee_id IS NULL"
                    + " ORDER BY t.rank_at, t.id LIMIT "
                    + max)
            .getResultList();
    return ids.stream().map(id -> ((Number) id).longValue()).toList();
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<Long, Long> openAssignedCounts(Collection<Long> staffIds) {
    Map<Long, Long> counts = new HashMap<>();
    if (staffIds.isEmpty()) {
      return counts;
    }
    StringBuilder in = new StringBuilder();
    List<Long> ids = List.copyOf(staffIds);
    for (int i = 0; i < ids.size(); i++) {
      in.append(i == 0 ? "?" : ", ?").append(i + 1);
    }
    Query q =
        em.createNativeQuery(
            "SELECT t.assignee_id, COUNT(*) FROM ticket t WHERE t.assignee_id IN ("
                + in
                + ") AND "
                + OPEN
                + " GROUP BY t.assignee_id LOCK IN SHARE MODE");
    for (int i = 0; i < ids.size(); i++) {
      q.setParameter(i + 1, ids.get(i));
    }
    for (Object r : q.getResultList()) {
      Object[] c = (Object[]) r;
      counts.put(((Number) c[0]).longValue(), ((Number) c[1]).longValue());
    }
    return counts;
  }

  @Override
  public long countEscalatedToSupervisor() {
    return ((Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM ticket t WHERE t.escalated_at IS NOT NULL"
                        + " AND t.escalation_target = 'SUPERVISOR' AND "
                        + OPEN)
                .getSingleResult())
        .longValue();
  }

  @Override
  public TicketNo nextTicketNo() {
    return TicketNo.random(LocalDate.now(Clock.systemUTC()));
  }

  @Override
  public Ticket store(Ticket ticket) {
    if (ticket.id() == null) {
      em.persist(ticket);
    }
    return ticket;
  }
}
