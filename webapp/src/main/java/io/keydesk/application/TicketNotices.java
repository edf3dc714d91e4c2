package io.keydesk.application;

import io.keydesk.domain.model.notification.Template;
import io.keydesk.domain.model.ticket.Resolution;
import io.keydesk.domain.model.ticket.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells the buyer of a ticket that it changed, in the language they filed it in, on the channels
 * they chose ({@link BuyerPreferences}): received, resolved automatically or by an agent, an
 * agent's reply, a question for the buyer, reopened.
 */
@ApplicationScoped
public class TicketNotices {
  /** Longest summary put in a notice; longer texts are cut at a word. */
  static final int SUMMARY = 280;

  @Inject BuyerPreferences channels;

  /** The case was received (or changed) and is now in its current status. */
  public void updated(Ticket ticket, String summary) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("ticketNo", ticket.ticketNo().value());
    params.put("status", ticket.status().name());
    params.put("summary", shorten(summary));
    channels.send(ticket.buyerContact(), Template.TICKET_UPDATED, language(ticket), params);
  }

  /** The case was resolved; the note (the reason of a rejection) goes with it. */
  public void resolved(Ticket ticket) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("ticketNo", ticket.ticketNo().value());
    params.put("resolution", ticket.resolution().map(Resolution::name).orElseThrow());
    ticket.resolutionNote().filter(n -> !n.isBlank()).ifPresent(n -> params.put("note", n));
    channels.send(ticket.buyerContact(), Template.TICKET_RESOLVED, language(ticket), params);
  }

  /**
   * The buyer reopened a resolved case (status REOPENED); the reason they gave goes with it. For
   * whoever exposes {@code Ticket.reopen} to the buyer.
   */
  public void reopened(Ticket ticket, String reason) {
    updated(ticket, reason);
  }

  /** The language the buyer filed in: zh-CN for any Chinese, English otherwise. */
  static String language(Ticket ticket) {
    return ticket.language().startsWith("zh") ? "zh-CN" : "en";
  }

  /** The first {@value #SUMMARY} characters, cut after a whole word, with an ellipsis. */
  static String shorten(String text) {
    String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    if (t.length() <= SUMMARY) {
      return t.isEmpty() ? "-" : t;
    }
    int cut = t.lastIndexOf(' ', SUMMARY - 1);
    return t.substring(0, cut > SUMMARY / 2 ? cut : SUMMARY - 1) + "…";
  }
}
