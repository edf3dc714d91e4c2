package io.keydesk.interfaces.web;

import io.keydesk.application.TicketUpdated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
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
 * instances (the page also polls every 30 s).
 */
@ApplicationScoped
public class TicketPush {
  /** The one message sent: "read the case again". */
  public static final String CHANGED = "changed";

  private static final Logger LOG = Logger.getLogger(TicketPush.class.getName());

  @Inject
  @Push(channel = "ticket")
  PushContext push;

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) TicketUpdated updated) {
    try {
      push.send(CHANGED, updated.ticketNo());
    } catch (RuntimeException e) {
      // a page that misses the push still polls; the change itself is committed
      LOG.log(Level.WARNING, "could not push the change of a ticket to its open pages", e);
    }
  }
}
