package io.keydesk.application;

import io.keydesk.domain.model.notification.Notice;
import io.keydesk.domain.model.notification.Template;
import io.keydesk.domain.model.order.CardKey;
import io.keydesk.domain.model.order.Contact;
import io.keydesk.domain.model.order.Order;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends an order's delivery to its buyer again, at most {@link #LIMIT} times per {@link #WINDOW}
 * per order (shared by all app instances), through the notification outbox. The mail carries the
 * keys the buyer still holds ({@link Order#heldKeys()}) and a single-use magic link into the portal
 * ({@link BuyerAccessService#issueMagicLink}). A key sent in a mail has been shown to the buyer: it
 * is marked revealed, so it is no longer refunded automatically and put back in stock.
 */
@ApplicationScoped
public class DeliveryNotices {
  static final int LIMIT = 2;
  static final Duration WINDOW = Duration.ofHours(1);

  @Inject RateLimiter limiter;
  @Inject Notifications notifications;
  @Inject BuyerAccessService access;

  /**
   * Queues the delivery again; false when it was re-sent too often lately (nothing queued).
   *
   * @throws IllegalStateException when the buyer holds no key of the order ({@link
   *     Order#heldKeys()} is empty): callers check that first
   */
  public boolean resend(Order order, String language, Instant now) {
    List<CardKey> held = order.heldKeys();
    if (held.isEmpty()) {
      throw new IllegalStateException("order " + order.orderNo() + " holds no key to send");
    }
    if (!limiter.hit("delivery-resend:" + order.orderNo(), LIMIT, WINDOW).allowed()) {
      return false;
    }
    Contact to = order.buyerEmail().or(order::buyerPhone).map(Contact::new).orElseThrow();
    Map<String, String> params = new LinkedHashMap<>();
    params.put("orderNo", order.orderNo());
    params.put("magicToken", access.issueMagicLink(order, to));
    notifications.send(Notice.to(to, Template.DELIVERY_RESEND, language, params));
    held.forEach(key -> key.markRevealed(now));
    return true;
  }
}
