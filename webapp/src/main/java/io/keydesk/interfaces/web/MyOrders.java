package io.keydesk.interfaces.web;

import io.keydesk.application.BuyerTicketService;
import io.keydesk.application.Views.OrderView;
import io.keydesk.application.Views.TicketSummary;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The buyer's orders and cases. */
@Named
@RequestScoped
public class MyOrders {
  @Inject BuyerSession session;
  @Inject BuyerTicketService service;

  private List<OrderView> orders = List.of();
  private List<TicketSummary> tickets = List.of();

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

  public List<OrderView> getOrders() {
    return orders;
  }

  public List<TicketSummary> getTickets() {
    return tickets;
  }
}
