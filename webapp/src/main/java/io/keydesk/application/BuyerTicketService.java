package io.keydesk.application;

import io.keydesk.application.AccessTokens.BuyerIdentity;
import io.keydesk.application.Views.OrderView;
import io.keydesk.application.Views.TicketSummary;
import io.keydesk.application.Views.TicketView;
import io.keydesk.domain.model.category.Category;
import io.keydesk.domain.model.category.CategoryCode;
import io.keydesk.domain.model.category.CategoryRepository;
import io.keydesk.domain.model.order.CardKey;
import io.keydesk.domain.model.order.Order;
import io.keydesk.domain.model.order.OrderRepository;
import io.keydesk.domain.model.ticket.Actor;
import io.keydesk.domain.model.ticket.Ticket;
import io.keydesk.domain.model.ticket.TicketNo;
import io.keydesk.domain.model.ticket.TicketRepository;
import io.keydesk.domain.shared.DomainException;
import io.keydesk.domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a verified buyer can do: see their orders and cases, open a case, follow it and write to the
 * agent. Everything is checked against the buyer's contact; someone else's order or ticket is "not
 * found", exactly like one that does not exist.
 */
@ApplicationScoped
public class BuyerTicketService {
  @Inject OrderRepository orders;
  @Inject TicketRepository tickets;
  @Inject CategoryRepository categories;
  @Inject DomainEvents events;
  @Inject TicketNotices notices;
  @Inject Clock clock;

  /** The ticket and whether this call created it (false for an idempotent retry). */
  public record Filed(TicketView ticket, boolean created) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<OrderView> orders(BuyerIdentity buyer) {
    return orders.ofContact(buyer.contact()).stream().map(Views::order).toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<TicketSummary> tickets(BuyerIdentity buyer) {
    return tickets.ofContact(buyer.contact()).stream().map(Views::summary).toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public TicketView ticket(BuyerIdentity buyer, String ticketNo) {
    return Views.ticket(own(buyer, ticketNo), false);
  }

  /**
   * Opens a case and puts it in the agents' queue, and tells the buyer it was received (e-mail or
   * SMS, and the inbox). With an idempotency key, a retry returns the ticket the first call
   * created.
   */
  @Transactional
  public Filed file(BuyerIdentity buyer, @NotNull @Valid FileTicket cmd, String idempotencyKey) {
    if (idempotencyKey != null) {
      Optional<Ticket> earlier = tickets.findByIdempotencyKey(buyer.contact(), idempotencyKey);
      if (earlier.isPresent()) {
        return new Filed(sameRequestOrFail(earlier.get(), cmd), false);
      }
    }
    Order order =
        orders
            .find(cmd.orderNo())
            .filter(o -> o.belongsTo(buyer.contact()))
            .orElseThrow(() -> new NotFoundException("order " + cmd.orderNo()));
    CardKey key = null;
    if (cmd.keyIndex() != null) {
      key =
          order
              .key(cmd.keyIndex())
              .orElseThrow(
                  () -> new InvalidFieldException("keyIndex", "the order has no such key"));
    }
    Category category =
        categories
            .find(CategoryCode.valueOf(cmd.category()))
            .orElseThrow(() -> new IllegalStateException("categories are not seeded"));
    Instant now = clock.instant();
    Ticket ticket =
        Ticket.open(
            tickets.nextTicketNo(),
            new Ticket.Claim(
                order,
                key,
                category,
                cmd.description(),
                cmd.language() == null ? "en" : cmd.language(),
                cmd.channel() == null ? "api" : cmd.channel(),
                buyer.contact(),
                idempotencyKey),
            now);
    ticket.sendToReview(Actor.SYSTEM, null, now);
    tickets.store(ticket);
    events.ticketChanged(ticket, now);
    notices.updated(ticket, ticket.description());
    return new Filed(Views.ticket(ticket, false), true);
  }

  /** The buyer writes on their case. */
  @Transactional
  public TicketView addMessage(BuyerIdentity buyer, String ticketNo, String text) {
    Ticket ticket = own(buyer, ticketNo);
    Instant now = clock.instant();
    ticket.addBuyerMessage(text, now);
    events.ticketChanged(ticket, now);
    return Views.ticket(ticket, false);
  }

  private Ticket own(BuyerIdentity buyer, String ticketNo) {
    if (!TicketNo.looksValid(ticketNo)) {
      throw new NotFoundException("ticket");
    }
    return tickets
        .find(new TicketNo(ticketNo))
        .filter(t -> t.isFiledBy(buyer.contact()))
        .orElseThrow(() -> new NotFoundException("ticket"));
  }

  private static TicketView sameRequestOrFail(Ticket earlier, FileTicket cmd) {
    boolean same =
        earlier.order().orderNo().equals(cmd.orderNo())
            && earlier.category().code().name().equals(cmd.category())
            && earlier.description().equals(cmd.description().strip());
    if (!same) {
      throw new DomainException(
          "idempotency-key-reused", "this Idempotency-Key was used for a different ticket");
    }
    return Views.ticket(earlier, false);
  }
}
