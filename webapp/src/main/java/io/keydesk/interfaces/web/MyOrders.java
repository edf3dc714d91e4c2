package io.keydesk.interfaces.web;

import io.keydesk.application.BuyerTicketService;
import io.keydesk.application.KeyRevealService;
import io.keydesk.application.TooManyRequestsException;
import io.keydesk.application.Views.OrderView;
import io.keydesk.application.Views.TicketSummary;
import io.keydesk.domain.shared.DomainException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The buyer's orders (keys masked) and the history of their cases, and sending an order's delivery
 * e-mail again.
 */
@Named
@ViewScoped
public class MyOrders implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject BuyerSession session;
  @Inject BuyerTicketService service;
  @Inject KeyRevealService keys;
  @Inject Language language;

  private List<OrderView> orders = List.of();
  private List<TicketSummary> tickets = List.of();
  private String resentOrder;
  private String resendMessage;
  private boolean resendFailed;

  /** Loaded by the page's view action. */
  public void load() {
    session
        .requireOrRedirect()
        .ifPresent(
            buyer -> {
              orders = service.orders(buyer);
              tickets = service.tickets(buyer);
            });
  }

  /** Sends the order's delivery (its keys) again to the order's contact; limited per order. */
  public void resendDelivery(String orderNo) {
    resentOrder = orderNo;
    session
        .requireOrRedirect()
        .ifPresent(
            buyer -> {
              try {
                keys.resendDelivery(buyer, orderNo, language.getTag());
                resendFailed = false;
                resendMessage = Pages.text("delivery.resent");
              } catch (TooManyRequestsException e) {
                resendFailed = true;
                resendMessage =
                    Pages.text("delivery.limited", Math.max(1, e.retryAfter().toMinutes()));
              } catch (DomainException e) {
                resendFailed = true;
                resendMessage = Pages.text("delivery.nothing");
              }
            });
  }

  /** The answer to "re-send" shown under that order, if it was that order. */
  public String resendMessageFor(String orderNo) {
    return orderNo.equals(resentOrder) ? resendMessage : null;
  }

  public boolean isResendFailed() {
    return resendFailed;
  }

  public List<OrderView> getOrders() {
    return orders;
  }

  public List<TicketSummary> getTickets() {
    return tickets;
  }
}
