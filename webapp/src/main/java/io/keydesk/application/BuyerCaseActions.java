package io.keydesk.application;

import io.keydesk.application.AccessTokens.BuyerIdentity;
import io.keydesk.application.Views.TicketView;
import io.keydesk.domain.model.ticket.Actor;
import io.keydesk.domain.model.ticket.Ticket;
import io.keydesk.domain.model.ticket.TicketRepository;
import io.keydesk.domain.shared.NotFoundException;
import io.keydesk.infrastructure.crypto.Digests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a buyer does with a case after filing it: ask for a human (转人工), reopen it within {@link
 * Ticket#REOPEN_WINDOW} of the resolution, rate it. Someone else's ticket is "not found", exactly
 * like one that does not exist. Every change goes to the outbox and the audit chain in the same
 * transaction.
 */
@ApplicationScoped
public class BuyerCaseActions {
  @Inject TicketRepository tickets;
  @Inject DomainEvents events;
  @Inject Audit audit;
  @Inject TicketNotices notices;
  @Inject Clock clock;
  @Inject BuyerTexts texts;

  /**
   * The buyer asks for a human: the case goes to review (a resolved case within the reopen window
   * is reopened first). Asking again while it is in review changes nothing.
   */
  @Transactional
  public TicketView handOff(BuyerIdentity buyer, String ticketNo, String reason) {
    Ticket ticket = own(buyer, ticketNo);
    Instant now = clock.instant();
    if (reason != null) {
      checkText("reason", reason, Ticket.MAX_TEXT);
    }
    if (ticket.handOff(reason, now)) {
      notices.updated(ticket, Ticket.HANDOFF_NOTE);
      events.ticketChanged(ticket, now);
      audit.record(Actor.buyer(), "buyer.handoff", "ticket", ticketNo, textDetails(reason), now);
    }
    return Views.ticket(ticket, false);
  }

  /**
   * The buyer says the problem is solved: the open case is resolved (ANSWERED) by the buyer, with
   * their comment if they left one, and leaves the agents' queue; it can be reopened within the
   * window. Nobody is notified: the buyer did it.
   */
  @Transactional
  public TicketView markSolved(BuyerIdentity buyer, String ticketNo, String comment) {
    Ticket ticket = own(buyer, ticketNo);
    Instant now = clock.instant();
    if (comment != null) {
      checkText("comment", comment, Ticket.MAX_RATING_COMMENT);
    }
    String said = texts.text(ticket.language(), "buyer.solved");
    ticket.solvedByBuyer(comment == null ? said : said + " " + comment.strip(), now);
    events.ticketChanged(ticket, now);
    audit.record(Actor.buyer(), "buyer.solved", "ticket", ticketNo, textDetails(comment), now);
    return Views.ticket(ticket, false);
  }

  /** The buyer reopens a resolved case; it goes back to the queue. */
  @Transactional
  public TicketView reopen(BuyerIdentity buyer, String ticketNo, String reason) {
    Ticket ticket = own(buyer, ticketNo);
    Instant now = clock.instant();
    checkText("reason", reason, Ticket.MAX_TEXT);
    ticket.reopen(reason.strip(), Actor.buyer(), now);
    notices.updated(ticket, reason);
    events.ticketChanged(ticket, now);
    audit.record(Actor.buyer(), "buyer.reopen", "ticket", ticketNo, textDetails(reason), now);
    return Views.ticket(ticket, false);
  }

  /** The buyer rates a resolved or closed case, once. */
  @Transactional
  public TicketView rate(BuyerIdentity buyer, String ticketNo, int score, String comment) {
    Ticket ticket = own(buyer, ticketNo);
    Instant now = clock.instant();
    if (score < 1 || score > 5) {
      throw new InvalidFieldException("score", "must be 1 to 5");
    }
    if (comment != null && comment.length() > Ticket.MAX_RATING_COMMENT) {
      throw new InvalidFieldException(
          "comment", "size must be at most " + Ticket.MAX_RATING_COMMENT);
    }
    ticket.rate(score, comment, now);
    events.ticketChanged(ticket, now);
    Map<String, Object> details = textDetails(comment);
    details.put("score", score);
    audit.record(Actor.buyer(), "buyer.rating", "ticket", ticketNo, details, now);
    return Views.ticket(ticket, false);
  }

  private static void checkText(String field, String text, int max) {
    if (text == null || text.isBlank()) {
      throw new InvalidFieldException(field, "must not be blank");
    }
    if (text.length() > max) {
      throw new InvalidFieldException(field, "size must be at most " + max);
    }
  }

  /** The buyer's words stay on the ticket; the audit chain keeps their hash. */
  private static Map<String, Object> textDetails(String text) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("textSha256", text == null || text.isBlank() ? null : Digests.sha256Hex(text));
    return details;
  }

  private Ticket own(BuyerIdentity buyer, String ticketNo) {
    return tickets
        .findFiledBy(ticketNo, buyer.contact())
        .orElseThrow(() -> new NotFoundException("ticket"));
  }
}
