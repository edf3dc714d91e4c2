package io.keydesk.interfaces.web;

import io.keydesk.application.TicketUpdated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.faces.event.WebsocketEvent;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells the open ticket pages of a case that it changed, once the change is committed. The page's
 * {@code <f:websocket channel="ticket" user="#{trackTicket.pushUser}">} is rendered only for the
 * case's own buyer, and the message is the word {@value #CHANGED}: no ticket content travels over
 * the socket, the page fetches the new state itself through an ajax request checked against its
 * session.
 *
 * <p>Only the sockets connected to this instance are reached; see docs/architecture.md for several
 * instances (the page also polls every 30 s). The instance counts its open sockets per case (the
 * Faces {@link WebsocketEvent}s) and sends nothing for a case no page here is showing: nearly every
 * change, and {@code PushContext.send} is not free (it encodes the message with {@code
 * jakarta.json.Json}, which searches the class path for its provider each time — about 5% of the
 * app's CPU per filed ticket in docs/benchmarks.md).
 */
@ApplicationScoped
public class TicketPush {
  /** The one message sent: "read the case again". */
  public static final String CHANGED = "changed";

  private static final Logger LOG = Logger.getLogger(TicketPush.class.getName());

  private static final String CHANNEL = "ticket";

  @Inject
  @Push(channel = CHANNEL)
  PushContext push;

  /** Open sockets of this instance per case (the socket's user is the ticket number). */
  private final ConcurrentMap<Serializable, Integer> open = new ConcurrentHashMap<>();

  void opened(@Observes @WebsocketEvent.Opened WebsocketEvent event) {
    if (CHANNEL.equals(event.getChannel()) && event.getUser() != null) {
      open.merge(event.getUser(), 1, Integer::sum);
    }
  }

  void closed(@Observes @WebsocketEvent.Closed WebsocketEvent event) {
    if (CHANNEL.equals(event.getChannel()) && event.getUser() != null) {
      open.computeIfPresent(event.getUser(), (user, n) -> n > 1 ? n - 1 : null);
    }
  }

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) TicketUpdated updated) {
    if (!open.containsKey(updated.ticketNo())) {
      return; // no page of this case is connected here
    }
    try {
      push.send(CHANGED, updated.ticketNo());
    } catch (RuntimeException e) {
      // a page that misses the push still polls; the change itself is committed
      LOG.log(Level.WARNING, "could not push the change of a ticket to its open pages", e);
    }
  }
}
