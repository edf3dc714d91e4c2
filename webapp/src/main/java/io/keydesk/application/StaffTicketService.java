package io.keydesk.application;

import io.keydesk.application.AccessTokens.StaffIdentity;
import io.keydesk.application.Views.TicketSummary;
import io.keydesk.application.Views.TicketView;
import io.keydesk.domain.model.category.CategoryCode;
import io.keydesk.domain.model.staff.Role;
import io.keydesk.domain.model.ticket.Actor;
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

  /** One page of the queue. */
  public record QueuePage(List<TicketSummary> items, long total, int page, int size) {}

  /** Queue filters as given; null means "any". Open states by default. */
  public record Filter(
      List<TicketStatus> statuses, CategoryCode category, String productSku, int page, int size) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  public QueuePage queue(StaffIdentity staff, Filter filter) {
    List<TicketStatus> statuses =
        filter.statuses() == null || filter.statuses().isEmpty()
            ? List.of(
                TicketStatus.SUBMITTED,
                TicketStatus.AUTO_RESOLVING,
                TicketStatus.IN_REVIEW,
                TicketStatus.AWAITING_BUYER,
                TicketStatus.REOPENED)
            : filter.statuses();
    Long supplierScope = staff.role() == Role.SUPPLIER_MANAGER ? staff.supplierId() : null;
    TicketRepository.QueuePage page =
        tickets.queue(
            new QueueFilter(
                statuses,
                filter.category(),
                filter.productSku(),
                supplierScope,
                filter.page(),
                filter.size()));
    return new QueuePage(
        page.tickets().stream().map(Views::summary).toList(),
        page.total(),
        filter.page(),
        filter.size());
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
    switch (action.type()) {
      case "REPLY" -> ticket.reply(action.text(), agent, now);
      case "NOTE" -> ticket.addInternalNote(action.text(), agent, now);
      case "ASK_BUYER" -> ticket.askBuyer(action.text(), agent, now);
      case "RESOLVE" ->
          ticket.resolve(Resolution.valueOf(action.resolution()), action.text(), agent, now);
      case "REJECT" -> ticket.resolve(Resolution.REJECTED, action.text(), agent, now);
      case "CLOSE" -> ticket.close(agent, now);
      default -> throw new InvalidFieldException("type", "unknown action");
    }
    events.ticketChanged(ticket, now);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("type", action.type());
    details.put("resolution", action.resolution());
    details.put("textSha256", action.text() == null ? null : Digests.sha256Hex(action.text()));
    audit.record(
        agent,
        "staff." + action.type().toLowerCase(Locale.ROOT),
        "ticket",
        ticket.ticketNo().value(),
        details,
        now);
    switch (action.type()) {
      case "REPLY", "ASK_BUYER" -> notices.updated(ticket, action.text());
      case "RESOLVE", "REJECT" -> notices.resolved(ticket);
      default -> {
        // internal notes and closing a resolved case are not news to the buyer
      }
    }
    return Views.ticket(ticket, true);
  }

  private Ticket load(String ticketNo) {
    if (!TicketNo.looksValid(ticketNo)) {
      throw new NotFoundException("ticket");
    }
    return tickets.find(new TicketNo(ticketNo)).orElseThrow(() -> new NotFoundException("ticket"));
  }
}
