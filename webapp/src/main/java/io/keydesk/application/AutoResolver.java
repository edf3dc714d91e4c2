package io.keydesk.application;

import io.keydesk.application.SupplierVerification.Verdict;
import io.keydesk.domain.model.category.CategoryCode;
import io.keydesk.domain.model.order.CardKey;
import io.keydesk.domain.model.order.Order;
import io.keydesk.domain.model.order.OrderRepository;
import io.keydesk.domain.model.risk.Decision;
import io.keydesk.domain.model.risk.SignalKind;
import io.keydesk.domain.model.ticket.Actor;
import io.keydesk.domain.model.ticket.Resolution;
import io.keydesk.domain.model.ticket.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The self-service rules of DESIGN.md, run once the risk engine said AUTO: each path either
 * resolves the case on the spot (a key delivered from stock, a replacement, a refund, the delivery
 * sent again) or hands it to a human with the reason. Runs in the claim's transaction, with the
 * order and every key of the same fingerprint locked, so a key is never replaced or refunded twice
 * and two claims never take the same stock key.
 */
@ApplicationScoped
public class AutoResolver {
  @Inject OrderRepository orders;
  @Inject ShopWebhooks webhooks;
  @Inject DomainEvents events;
  @Inject RiskEngine riskEngine;
  @Inject DeliveryNotices delivery;

  /** What happened automatically; {@code action} is null when the case went to a human. */
  public record Outcome(
      String action,
      String detail,
      List<CardKey> newKeys,
      BigDecimal refunded,
      List<Integer> refundedIndexes) {
    static Outcome review(String detail) {
      return new Outcome(null, detail, List.of(), null, List.of());
    }

    public boolean resolved() {
      return action != null;
    }
  }

  /** Whether the category's automatic path would pay out (a refund or a new key) for this claim. */
  public static boolean paysOut(CategoryCode category, Order order) {
    return switch (category) {
      case NOT_RECEIVED -> !order.undeliveredIndexes().isEmpty();
      case INVALID_KEY, WRONG_PURCHASE -> true;
      default -> false;
    };
  }

  /**
   * Runs the category's path on a ticket the risk engine cleared.
   *
   * @param verdict the supplier's answer about the claimed key (INVALID_KEY only; may be null)
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Outcome resolve(Ticket ticket, Verdict verdict, Instant now) {
    ticket.startAutoResolution(now);
    Outcome outcome =
        switch (ticket.category().code()) {
          case NOT_RECEIVED -> notReceived(ticket, now);
          case INVALID_KEY -> invalidKey(ticket, verdict, now);
          case WRONG_PURCHASE -> wrongPurchase(ticket, now);
          case USAGE_HELP ->
              Outcome.review(
                  "usage questions are answered by an agent when the help pages did not");
          default -> Outcome.review("this kind of case is always handled by an agent");
        };
    if (outcome.resolved()) {
      ticket.recordAutoAction(outcome.action());
    } else {
      ticket.sendToReview(Actor.SYSTEM, outcome.detail(), now);
    }
    return outcome;
  }

  private Outcome notReceived(Ticket ticket, Instant now) {
    Order order = ticket.order();
    List<Integer> missing = order.undeliveredIndexes();
    if (missing.isEmpty()) {
      boolean resent = delivery.resend(order, ticket.language(), now);
      String note =
          resent
              ? "Your keys were delivered on your order; we sent the delivery again to "
                  + ticket.buyerContact().masked()
                  + ". You can also show a key on the order page after a one-time code."
              : "Your keys were delivered on your order. The delivery was re-sent recently; you"
                  + " can show a key on the order page after a one-time code.";
      ticket.resolve(Resolution.REDELIVERED, note, Actor.SYSTEM, now);
      return new Outcome(
          resent ? "DELIVERY_RESENT" : "DELIVERY_SHOWN", note, List.of(), null, List.of());
    }
    List<CardKey> stock = orders.takeFromStock(order.product(), missing.size());
    List<CardKey> delivered = new ArrayList<>();
    for (int i = 0; i < stock.size(); i++) {
      CardKey key = order.deliverFromStock(stock.get(i), missing.get(i), now);
      delivered.add(key);
      events.keyStatusChanged(key, now);
    }
    List<Integer> unfilled = missing.subList(stock.size(), missing.size());
    if (unfilled.isEmpty()) {
      String note =
          delivered.size()
              + (delivered.size() == 1 ? " key was" : " keys were")
              + " delivered now; show them on the order page.";
      ticket.resolve(Resolution.REDELIVERED, note, Actor.SYSTEM, now);
      return new Outcome("DELIVERED_FROM_STOCK", note, delivered, null, List.of());
    }
    BigDecimal amount = share(order, unfilled.size());
    webhooks.enqueue(
        ShopWebhooks.REFUND_ISSUED,
        order.orderNo(),
        new ShopWebhooks.RefundIssued(
            order.orderNo(),
            List.copyOf(unfilled),
            amount,
            order.currency(),
            ticket.ticketNo().value(),
            "out of stock: the key was never delivered"));
    String note =
        (delivered.isEmpty() ? "" : delivered.size() + " key(s) delivered now; ")
            + "the product is out of stock, so "
            + amount.toPlainString()
            + " "
            + order.currency()
            + " will be refunded for "
            + unfilled.size()
            + " undelivered key(s).";
    ticket.resolve(Resolution.REFUNDED, note, Actor.SYSTEM, now);
    return new Outcome("REFUNDED_OUT_OF_STOCK", note, delivered, amount, List.copyOf(unfilled));
  }

  private Outcome invalidKey(Ticket ticket, Verdict verdict, Instant now) {
    CardKey key = ticket.cardKey().orElse(null);
    if (key == null) {
      return Outcome.review("the case does not say which key does not work");
    }
    if (!key.mayBeReplaced()) {
      return Outcome.review(
          key.replacedBy().isPresent()
              ? "this key was already replaced once"
              : "the key is " + key.status().name().toLowerCase(java.util.Locale.ROOT));
    }
    if (verdict == null) {
      return Outcome.review("the key could not be checked with the supplier");
    }
    return switch (verdict.outcome()) {
      case DEFECTIVE -> replace(ticket, key, now);
      case REDEEMED -> {
        String detail = "the supplier reports the key already redeemed";
        riskEngine.signal(
            ticket, SignalKind.CLAIM_AFTER_REDEMPTION.name(), Decision.REVIEW, detail, now);
        yield Outcome.review(detail);
      }
      case VALID -> Outcome.review("the supplier reports the key valid and unused");
      case UNAVAILABLE ->
          Outcome.review("the supplier could not check the key (" + verdict.detail() + ")");
    };
  }

  private Outcome replace(Ticket ticket, CardKey key, Instant now) {
    Order order = ticket.order();
    List<CardKey> stock = orders.takeFromStock(order.product(), 1);
    if (stock.isEmpty()) {
      return Outcome.review(
          "the supplier confirmed the key defective but there is no replacement in stock");
    }
    CardKey replacement = order.deliverFromStock(stock.get(0), null, now);
    key.replaceWith(replacement, now);
    events.keyStatusChanged(key, now);
    events.keyStatusChanged(replacement, now);
    String note =
        "The supplier confirmed the key was defective; a new key was delivered to your order"
            + " (key "
            + (replacement.keyIndex() + 1)
            + ").";
    ticket.resolve(Resolution.REPLACED, note, Actor.SYSTEM, now);
    return new Outcome("REPLACED", note, List.of(replacement), null, List.of());
  }

  private Outcome wrongPurchase(Ticket ticket, Instant now) {
    Order order = ticket.order();
    List<CardKey> keys =
        ticket.cardKey().map(List::of).orElseGet(order::keys).stream()
            .filter(k -> k.keyIndex() < order.quantity())
            .toList();
    for (CardKey k : keys) {
      if (!k.mayBeRefunded()) {
        return Outcome.review(
            k.revealedAt().isPresent()
                ? "key " + (k.keyIndex() + 1) + " was already revealed"
                : "key "
                    + (k.keyIndex() + 1)
                    + " is "
                    + k.status().name().toLowerCase(java.util.Locale.ROOT));
      }
    }
    List<Integer> indexes = new ArrayList<>();
    for (CardKey k : keys) {
      orders.stock(k.refundToStock(now));
      indexes.add(k.keyIndex());
      events.keyStatusChanged(k, now);
    }
    BigDecimal amount = share(order, ticket.cardKey().isPresent() ? 1 : order.quantity());
    webhooks.enqueue(
        ShopWebhooks.REFUND_ISSUED,
        order.orderNo(),
        new ShopWebhooks.RefundIssued(
            order.orderNo(),
            List.copyOf(indexes),
            amount,
            order.currency(),
            ticket.ticketNo().value(),
            "bought by mistake; the key was never revealed"));
    String note =
        amount.toPlainString()
            + " "
            + order.currency()
            + " will be refunded: the key was never revealed, so it went back to stock.";
    ticket.resolve(Resolution.REFUNDED, note, Actor.SYSTEM, now);
    return new Outcome("REFUNDED", note, List.of(), amount, List.copyOf(indexes));
  }

  /** The order amount for {@code units} of its quantity. */
  private static BigDecimal share(Order order, int units) {
    return order
        .amount()
        .multiply(BigDecimal.valueOf(Math.min(units, order.quantity())))
        .divide(BigDecimal.valueOf(order.quantity()), 2, RoundingMode.HALF_UP);
  }
}
