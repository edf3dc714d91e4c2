package io.keydesk.analytics;

import io.keydesk.events.CardKeyEvent;
import io.keydesk.events.OrderEvent;
import io.keydesk.events.TicketEvent;

/**
 * One event about an order, from any of the three topics that speak of orders, re-keyed by order
 * number onto the internal topic {@code <app-id>-order-inputs-repartition} so that one task sees
 * all of an order's events. Exactly one component is set.
 */
record OrderInput(OrderEvent order, CardKeyEvent cardKey, TicketEvent ticket) {

  static OrderInput of(OrderEvent order) {
    return new OrderInput(order, null, null);
  }

  static OrderInput of(CardKeyEvent cardKey) {
    return new OrderInput(null, cardKey, null);
  }

  static OrderInput of(TicketEvent ticket) {
    return new OrderInput(null, null, ticket);
  }
}
