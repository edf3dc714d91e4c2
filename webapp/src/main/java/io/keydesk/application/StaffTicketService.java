package io.keydesk.application;

import io.keydesk.application.AccessTokens.StaffIdentity;
import io.keydesk.application.Views.TicketView;
import io.keydesk.domain.model.category.CategoryCode;
import io.keydesk.domain.model.order.CardKey;
import io.keydesk.domain.model.order.OrderRepository;
import io.keydesk.domain.model.risk.Decision;
import io.keydesk.domain.model.staff.Role;
import io.keydesk.domain.model.ticket.Actor;
import io.keydesk.domain.model.ticket.Deadline;
import io.keydesk.domain.model.ticket.EscalationTarget;
import io.keydesk.domain.model.ticket.IllegalTransitionException;
import io.keydesk.domain.model.ticket.Resolution;
import io.keydesk.domain.model.ticket.Ticket;
import io.keydesk.domain.model.ticket.TicketNo;
import io.keydesk.domain.model.ticket.TicketRepository;
import io.keydesk.domain.model.ticket.TicketRepository.QueueFilter;
import io.keydesk.domain.model.ticket.TicketStatus;
import io.keydesk.domain.shared.NotFoundException;
import io.keydesk.infrastructure.crypto.Digests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The agents' side of tickets: the queue, one ticket, and the actions on it. */
@ApplicationScoped
public class StaffTicketService {
  @Inject TicketRepository tickets;
  @Inject DomainEvents events;
  @Inject Audit audit;
  @Inject TicketNotices notices;
  @Inject Clock clock;
  @Inject OrderRepository orders;
  @Inject AutoResolver resolver;
  @Inject DeadlinePolicy deadlines;

  /**
   * One row of the queue. {@code deadlineState} and {@code secondsLeft} are against the current
   * target ({@code dueAt}: the first response until answered, then the resolution) on the server's
   * clock; {@code secondsLeft} is negative when overdue and null when no target runs.
   */
  public record QueueItem(
      String ticketNo,
      String orderNo,
      String productSku,
      String productName,
      String supplier,
      String category,
      String status,
      String language,
      String riskDecision,
      String assignee,
      Instant createdAt,
      Instant responseDueAt,
      Instant resolutionDueAt,
      Instant dueAt,
      String deadlineState,
      Long secondsLeft,
      Instant escalatedAt,
      String escalationTarget) {}

  /** One page of the queue. */
  public record QueuePage(List<QueueItem> items, long total, int page, int size, Instant now) {}

  /**
   * Queue filters as given; null means "any". Open states by default. {@code assignee} is {@code
   * me}, {@code unassigned} or a username.
   */
  public record Filter(
      List<TicketStatus> statuses,
      CategoryCode category,
      String productSku,
      String supplierCode,
      Decision riskDecision,
      Deadline.State deadlineState,
      String assignee,
      boolean escalatedOnly,
      int page,
      int size) {
    public Filter(
        List<TicketStatus> statuses, CategoryCode category, String productSku, int page, int size) {
      this(statuses, category, productSku, null, null, null, null, false, page, size);
    }
  }

  /** The statuses the queue shows unless asked otherwise. */
  public static final List<TicketStatus> OPEN =
      List.of(
          TicketStatus.SUBMITTED,
          TicketStatus.AUTO_RESOLVING,
          TicketStatus.IN_REVIEW,
          TicketStatus.AWAITING_BUYER,
          TicketStatus.REOPENED);

  /**
   * One page of the queue, paged on the database: missed targets first, then those at risk, then by
   * the current deadline, then by the risk-adjusted rank (docs/console.md).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public QueuePage queue(StaffIdentity staff, Filter filter) {
    List<TicketStatus> statuses =
        filter.statuses() == null || filter.statuses().isEmpty() ? OPEN : filter.statuses();
    Long supplierScope = staff.role() == Role.SUPPLIER_MANAGER ? staff.supplierId() : null;
    String assignee =
        filter.assignee() == null || filter.assignee().isBlank() ? null : filter.assignee();
    boolean unassigned = "unassigned".equals(assignee);
    if ("me".equals(assignee)) {
      assignee = staff.username();
    } else if (unassigned) {
      assignee = null;
    }
    Instant now = clock.instant();
    TicketRepository.QueuePage page =
        tickets.queue(
            new QueueFilter(
                statuses,
                filter.category(),
                filter.productSku(),
                filter.supplierCode(),
                supplierScope,
                filter.riskDecision(),
                filter.deadlineState(),
                assignee,
                unassigned,
                filter.escalatedOnly(),
                now,
                deadlines.atRiskShare(),
                filter.page(),
                filter.size()));
    return new QueuePage(
        page.rows().stream().map(r -> item(r, now)).toList(),
        page.total(),
        filter.page(),
        filter.size(),
        now);
  }

  private static QueueItem item(TicketRepository.QueueRow r, Instant now) {
    boolean running = r.deadlineState() != Deadline.State.NONE;
    return new QueueItem(
        r.ticketNo(),
        r.orderNo(),
        r.productSku(),
        r.productName(),
        r.supplierCode(),
        r.category().name(),
        r.status().name(),
        r.language(),
        r.riskDecision() == null ? null : r.riskDecision().name(),
        r.assignee(),
        r.createdAt(),
        r.responseDueAt(),
        r.resolutionDueAt(),
        running ? r.dueAt() : null,
        r.deadlineState().name(),
        running ? Duration.between(now, r.dueAt()).toSeconds() : null,
        r.escalatedAt(),
        r.escalationTarget() == null ? null : r.escalationTarget().name());
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public TicketView ticket(String ticketNo) {
    return Views.ticket(load(ticketNo), true);
  }

  /**
   * Applies one action; the buyer sees its visible part on their ticket at once and is told about
   * replies, questions and resolutions (e-mail or SMS, and the inbox).
   */
  @Transactional
  public TicketView act(StaffIdentity staff, String ticketNo, @NotNull @Valid StaffAction action) {
    Ticket ticket = load(ticketNo);
    Actor agent = Actor.staff(staff.username());
    Instant now = clock.instant();
    AutoResolver.Outcome outcome = null;
    switch (action.type()) {
      case "REPLY" -> ticket.reply(action.text(), agent, now);
      case "NOTE" -> ticket.addInternalNote(action.text(), agent, now);
      case "ASK_BUYER" -> ticket.askBuyer(action.text(), agent, now);
      case "RESOLVE" ->
          ticket.resolve(Resolution.valueOf(action.resolution()), action.text(), agent, now);
      case "REJECT" -> ticket.resolve(Resolution.REJECTED, action.text(), agent, now);
      case "CLOSE" -> ticket.close(agent, now);
      case "REDELIVER" -> {
        requireOpen(ticket);
        lock(ticket, ticket.order().keys());
        outcome = resolver.redeliverByStaff(ticket, agent, now);
      }
      case "REPLACE" -> {
        requireOpen(ticket);
        CardKey key = namedKey(ticket, action.keyIndex(), true).get(0);
        lock(ticket, List.of(key));
        outcome = resolver.replaceByStaff(ticket, key, agent, now);
      }
      case "REFUND" -> {
        requireOpen(ticket);
        List<CardKey> keys = namedKey(ticket, action.keyIndex(), false);
        lock(ticket, keys.isEmpty() ? ticket.order().keys() : keys);
        outcome = resolver.refundByStaff(ticket, keys, agent, now);
      }
      case "ESCALATE" -> {
        if (action.text().strip().length() > Ticket.MAX_ESCALATION_REASON) {
          throw new InvalidFieldException(
              "text",
              "an escalation reason is at most " + Ticket.MAX_ESCALATION_REASON + " characters");
        }
        ticket.escalate(EscalationTarget.valueOf(action.target()), action.text(), agent, now);
      }
      default -> throw new InvalidFieldException("type", "unknown action");
    }
    events.ticketChanged(ticket, now);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("type", action.type());
    details.put("resolution", action.resolution());
    details.put("target", action.target());
    details.put("textSha256", action.text() == null ? null : Digests.sha256Hex(action.text()));
    if (outcome != null) {
      details.put("keyIndex", action.keyIndex());
      details.put("action", outcome.action());
      details.put("detail", outcome.detail());
      details.put("refunded", outcome.refunded());
      details.put("refundedKeys", outcome.refundedIndexes().toString());
      details.put(
          "newKeys",
          outcome.newKeys().stream()
              .map(k -> k.keyIndex() + ":" + k.maskedHint())
              .toList()
              .toString());
    }
    audit.record(
        agent,
        "staff." + action.type().toLowerCase(Locale.ROOT),
        "ticket",
        ticket.ticketNo().value(),
        details,
        now);
    switch (action.type()) {
      case "REPLY", "ASK_BUYER" -> notices.updated(ticket, action.text());
      case "RESOLVE", "REJECT", "REDELIVER", "REPLACE", "REFUND" -> notices.resolved(ticket);
      default -> {
        // internal notes and closing a resolved case are not news to the buyer
      }
    }
    return Views.ticket(ticket, true);
  }

  private static void requireOpen(Ticket ticket) {
    if (!ticket.status().isOpen()) {
      throw new IllegalTransitionException(ticket.status(), "be resolved");
    }
  }

  /**
   * The key an action names; without an index, the ticket's key when {@code required} (REPLACE),
   * otherwise none (REFUND: the whole order).
   */
  private static List<CardKey> namedKey(Ticket ticket, Integer index, boolean required) {
    if (index != null) {
      return List.of(
          ticket
              .order()
              .key(index)
              .orElseThrow(
                  () -> new InvalidFieldException("keyIndex", "the order has no such key")));
    }
    if (ticket.cardKey().isPresent()) {
      return List.of(ticket.cardKey().get());
    }
    if (required) {
      throw new InvalidFieldException("keyIndex", "say which key to replace");
    }
    return List.of();
  }

  /** Locks the order and the keys' fingerprints as a claim does, so nothing is paid out twice. */
  private void lock(Ticket ticket, List<CardKey> keys) {
    orders.findForUpdate(ticket.order().orderNo());
    orders.lockFingerprints(keys.stream().map(CardKey::fingerprint).distinct().toList());
  }

  private Ticket load(String ticketNo) {
    if (!TicketNo.looksValid(ticketNo)) {
      throw new NotFoundException("ticket");
    }
    return tickets.find(new TicketNo(ticketNo)).orElseThrow(() -> new NotFoundException("ticket"));
  }
}
