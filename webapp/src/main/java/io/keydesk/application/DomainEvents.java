package io.keydesk.application;

import io.keydesk.domain.model.knowledge.Deflection;
import io.keydesk.domain.model.order.CardKey;
import io.keydesk.domain.model.order.CardKeyVault;
import io.keydesk.domain.model.order.Contact;
import io.keydesk.domain.model.order.Order;
import io.keydesk.domain.model.ticket.Ticket;
import io.keydesk.domain.model.ticket.TicketChange;
import io.keydesk.events.CardKeyEvent;
import io.keydesk.events.EventTypes;
import io.keydesk.events.FunnelEvent;
import io.keydesk.events.OrderEvent;
import io.keydesk.events.TicketEvent;
import io.keydesk.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Turns domain changes into the events of the contract and appends them to the outbox; ticket
 * changes also go to the audit log.
 */
@ApplicationScoped
public class DomainEvents {
  @Inject EventOutbox outbox;
  @Inject Audit audit;
  @Inject Event<TicketUpdated> updated;
  @Inject CardKeyVault vault;
  @Inject TicketAssignment assignment;

  public void orderChanged(Order order, boolean created, Instant at) {
    String type = created ? EventTypes.ORDER_IMPORTED : EventTypes.ORDER_UPDATED;
    outbox.append(
        Topics.ORDERS,
        "order",
        order.orderNo(),
        type,
        new OrderEvent(
            newId(),
            type,
            EventTypes.SCHEMA_VERSION,
            at,
            order.orderNo(),
            order.product().sku(),
            order.product().supplier().code(),
            order.quantity(),
            order.amount(),
            order.currency(),
            order.paidAt(),
            order.keys().size()));
  }

  public void keyStatusChanged(CardKey key, Instant at) {
    outbox.append(
        Topics.CARD_KEYS,
        "order",
        key.order().orderNo(),
        EventTypes.CARD_KEY_STATUS_CHANGED,
        new CardKeyEvent(
            newId(),
            EventTypes.CARD_KEY_STATUS_CHANGED,
            EventTypes.SCHEMA_VERSION,
            at,
            key.order().orderNo(),
            key.keyIndex(),
            key.fingerprint(),
            key.batch().map(b -> b.code()).orElse(null),
            key.order().product().sku(),
            key.status().name()));
  }

  /**
   * Appends one event per change the ticket collected since it was loaded, and tells the open pages
   * of the ticket once the transaction commits ({@link TicketUpdated}).
   */
  public void ticketChanged(Ticket ticket, Instant at) {
    if (ticket.enteredReview()) {
      assignment.autoAssign(ticket, at);
    }
    List<TicketChange> changes = ticket.drainChanges();
    if (!changes.isEmpty()) {
      updated.fire(new TicketUpdated(ticket.ticketNo().value(), false));
    }
    // Where the claim came from, for the streams job's fraud signals: the contact only as a keyed
    // hash, the keys only by fingerprint.
    String contactHash = changes.isEmpty() ? null : contactHash(ticket.buyerContact());
    List<String> fingerprints =
        changes.isEmpty()
            ? List.of()
            : Claims.concernedKeys(
                    ticket.order(), ticket.category().code(), ticket.cardKey().orElse(null))
                .stream()
                .map(CardKey::fingerprint)
                .distinct()
                .toList();
    for (TicketChange change : changes) {
      String type =
          switch (change.kind()) {
            case CREATED -> EventTypes.TICKET_CREATED;
            case TRANSITIONED -> EventTypes.TICKET_TRANSITIONED;
            case MESSAGE_ADDED -> EventTypes.TICKET_MESSAGE_ADDED;
            case RATED -> EventTypes.TICKET_RATED;
            case ASSIGNED -> EventTypes.TICKET_ASSIGNED;
            case DEADLINE_AT_RISK -> EventTypes.TICKET_DEADLINE_AT_RISK;
            case ESCALATED -> EventTypes.TICKET_ESCALATED;
          };
      outbox.append(
          Topics.TICKETS,
          "ticket",
          ticket.ticketNo().value(),
          type,
          new TicketEvent(
              newId(),
              type,
              EventTypes.SCHEMA_VERSION,
              at,
              ticket.ticketNo().value(),
              ticket.order().orderNo(),
              ticket.order().product().sku(),
              ticket.order().product().supplier().code(),
              ticket.category().code().name(),
              change.from() == null ? null : change.from().name(),
              change.to().name(),
              ticket.resolution().map(Enum::name).orElse(null),
              change.actor().type().name(),
              contactHash,
              ticket.clientIp().orElse(null),
              ticket.deviceId().orElse(null),
              fingerprints));
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("from", change.from());
      details.put("to", change.to());
      details.put("resolution", ticket.resolution().map(Enum::name).orElse(null));
      details.put(
          switch (change.kind()) {
            case ASSIGNED -> "assignee";
            case ESCALATED -> "target";
            case DEADLINE_AT_RISK -> "deadline";
            default -> "detail";
          },
          change.detail());
      audit.record(
          change.actor(),
          "ticket." + change.kind().name().toLowerCase(Locale.ROOT),
          "ticket",
          ticket.ticketNo().value(),
          details,
          at);
    }
  }

  /** A knowledge-base answer solved a buyer's problem: a funnel step with action DEFLECTED. */
  public void deflected(Deflection d) {
    outbox.append(
        Topics.FUNNEL,
        "funnel-session",
        d.sessionId(),
        EventTypes.FUNNEL_STEP,
        new FunnelEvent(
            newId(),
            EventTypes.FUNNEL_STEP,
            EventTypes.SCHEMA_VERSION,
            d.at(),
            d.sessionId(),
            FunnelEvent.STEP_KNOWLEDGE_BASE,
            FunnelEvent.Action.DEFLECTED.name(),
            d.mode(),
            d.language().tag(),
            d.channel(),
            d.category().name(),
            d.orderNo(),
            d.articleId()));
  }

  /** A step of the after-sales flow reported by the portal. */
  public void funnelStep(FunnelStep step, Instant at) {
    outbox.append(
        Topics.FUNNEL,
        "funnel-session",
        step.sessionId(),
        EventTypes.FUNNEL_STEP,
        new FunnelEvent(
            newId(),
            EventTypes.FUNNEL_STEP,
            EventTypes.SCHEMA_VERSION,
            at,
            step.sessionId(),
            step.step(),
            step.action(),
            step.mode(),
            step.language(),
            step.channel(),
            step.category(),
            step.orderNo() == null || step.orderNo().isBlank() ? null : step.orderNo(),
            null));
  }

  private static String newId() {
    return UUID.randomUUID().toString();
  }

  /** A keyed hash of the buyer's contact: the same buyer is recognisable, the contact is not. */
  public String contactHash(Contact contact) {
    return vault.fingerprint("contact:" + contact.value());
  }
}
