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
   * Queues the delivery again to {@code to}, one of the order's contacts (the buyer's session's: a
   * buyer who signed in with the phone number gets it by SMS); refused, with the time until the
   * next is allowed, when it was re-sent too often lately (nothing queued then).
   *
   * @throws IllegalStateException when the buyer holds no key of the order ({@link
   *     Order#heldKeys()} is empty): callers check that first
   * @throws IllegalArgumentException when {@code to} is not a contact of the order
   */
  public RateLimiter.Decision resend(Order order, Contact to, String language, Instant now) {
    if (!order.belongsTo(to)) {
      throw new IllegalArgumentException("not a contact of order " + order.orderNo());
    }
    List<CardKey> held = order.heldKeys();
    if (held.isEmpty()) {
      throw new IllegalStateException("order " + order.orderNo() + " holds no key to send");
    }
    RateLimiter.Decision allowed = limiter.hit("delivery-resend:" + order.orderNo(), LIMIT, WINDOW);
    if (!allowed.allowed()) {
      return allowed;
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("orderNo", order.orderNo());
    params.put("magicToken", access.issueMagicLink(order, to));
    notifications.send(Notice.to(to, Template.DELIVERY_RESEND, language, params));
    held.forEach(key -> key.markRevealed(now));
    return allowed;
  }
}
