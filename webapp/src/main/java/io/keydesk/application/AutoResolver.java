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
import io.keydesk.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

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
  @Inject BuyerTexts texts;

  /** What an automatic path did. */
  public enum Action {
    DELIVERY_RESENT,
    DELIVERY_SHOWN,
    DELIVERED_FROM_STOCK,
    REFUNDED_OUT_OF_STOCK,
    REPLACED,
    /** A key the supplier verified defective, refunded because no replacement was in stock. */
    REFUNDED_DEFECTIVE,
    REFUNDED,
    /** A purchase paid twice: the repeat order, its keys never revealed, refunded in full. */
    REFUNDED_DUPLICATE
  }

  /** Why an automatic path handed the case to an agent. */
  public enum Review {
    NO_KEY_NAMED,
    ALREADY_REPLACED,
    KEY_NOT_REPLACEABLE,
    NOT_CHECKED,
    SUPPLIER_REDEEMED,
    SUPPLIER_VALID,
    SUPPLIER_UNAVAILABLE,
    KEY_REVEALED,
    KEY_NOT_REFUNDABLE,
    USAGE_HELP,
    AGENT_CATEGORY,
    /** "Charged twice", but the buyer has no second order of the same purchase. */
    DUPLICATE_NOT_FOUND,
    /** "Charged twice", and the repeat order was already refunded. */
    DUPLICATE_ALREADY_REFUNDED,
    /** "Charged twice", but a key of each order was revealed or redeemed. */
    DUPLICATE_KEYS_USED,
    /** "Not received", but every unit of the order was refunded or withdrawn: nothing to send. */
    NOTHING_HELD
  }

  /**
   * A payment claim saying the purchase was charged twice, with the buyer's other orders of the
   * same purchase ({@link Order#isRepeatedBy}), locked by the caller.
   */
  public record ChargedTwice(List<Order> repeats) {
    public ChargedTwice {
      repeats = List.copyOf(repeats);
    }
  }

  /** How close in time two payments of one purchase must be to count as one paid twice. */
  public static final Duration REPEAT_WINDOW = Duration.ofHours(2);

  /**
   * What happened automatically: the action and its note for the buyer, or (action null) why an
   * agent gets the case. {@code detail} is the English sentence for the audit log.
   */
  public record Outcome(
      String action,
      String detail,
      List<CardKey> newKeys,
      BigDecimal refunded,
      List<Integer> refundedIndexes) {
    public boolean resolved() {
      return action != null;
    }
  }

  /**
   * Whether the category's automatic path would pay out (a refund or a new key) for this claim.
   *
   * @param chargedTwice the "charged twice" facts of a payment claim, or null
   */
  public static boolean paysOut(CategoryCode category, Order order, ChargedTwice chargedTwice) {
    return switch (category) {
      case NOT_RECEIVED -> !order.undeliveredIndexes().isEmpty();
      case INVALID_KEY, WRONG_PURCHASE -> true;
      case PAYMENT_ISSUE -> chargedTwice != null && !chargedTwice.repeats().isEmpty();
      default -> false;
    };
  }

  /**
   * Runs the category's path on a ticket the risk engine cleared.
   *
   * @param verdict the supplier's answer about the claimed key (INVALID_KEY only; may be null)
   * @param chargedTwice a payment claim's "charged twice" facts (PAYMENT_ISSUE only; may be null)
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Outcome resolve(Ticket ticket, Verdict verdict, ChargedTwice chargedTwice, Instant now) {
    ticket.startAutoResolution(now);
    Outcome outcome =
        switch (ticket.category().code()) {
          case NOT_RECEIVED -> notReceived(ticket, Actor.SYSTEM, now);
          case INVALID_KEY -> invalidKey(ticket, verdict, now);
          case WRONG_PURCHASE -> wrongPurchase(ticket, Actor.SYSTEM, now);
          case USAGE_HELP -> review(ticket, now, Review.USAGE_HELP);
          case PAYMENT_ISSUE ->
              chargedTwice == null
                  ? review(ticket, now, Review.AGENT_CATEGORY)
                  : duplicatePayment(ticket, chargedTwice.repeats(), now);
          default -> review(ticket, now, Review.AGENT_CATEGORY);
        };
    if (outcome.resolved()) {
      ticket.recordAutoAction(outcome.action());
    }
    return outcome;
  }

  /** Hands the case to an agent, telling the buyer why in their language. */
  private Outcome review(Ticket ticket, Instant now, Review why, Object... args) {
    ticket.sendToReview(
        Actor.SYSTEM, texts.text(ticket.language(), "review." + why.name(), args), now);
    return new Outcome(
        null, texts.text("en", "review." + why.name(), args), List.of(), null, List.of());
  }

  /**
   * Resolves the case with the note of {@code action} in the buyer's language, as {@code actor}
   * (the system on the automatic path, an agent on theirs: see {@link #noteKey}).
   */
  private Outcome resolved(
      Ticket ticket,
      Actor actor,
      Instant now,
      Resolution how,
      Action action,
      List<CardKey> newKeys,
      BigDecimal refunded,
      List<Integer> refundedIndexes,
      Object... args) {
    String key = noteKey(actor, action);
    ticket.resolve(how, texts.text(ticket.language(), key, args), actor, now);
    return new Outcome(
        action.name(), texts.text("en", key, args), newKeys, refunded, refundedIndexes);
  }

  /**
   * An agent re-delivers: the same path as an automatic NOT_RECEIVED claim, whatever the category
   * (the delivery sent again when every key was delivered, keys from stock for the units never
   * delivered, a refund for what stock cannot fill). The caller holds the order's lock.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Outcome redeliverByStaff(Ticket ticket, Actor agent, Instant now) {
    return notReceived(ticket, agent, now);
  }

  /**
   * An agent replaces {@code key} with a fresh stock key of the same product: the same rules as the
   * automatic replacement (once per key, the old key and its batch marked). The caller holds the
   * order's and the key fingerprint's locks.
   *
   * @throws DomainException when the key may not be replaced or no key is in stock
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Outcome replaceByStaff(Ticket ticket, CardKey key, Actor agent, Instant now) {
    if (!key.mayBeReplaced()) {
      throw new DomainException(
          "key-not-replaceable",
          key.replacedBy().isPresent()
              ? "the key was already replaced once"
              : "the key is " + key.status());
    }
    if (orders.inStock(ticket.order().product()) == 0) {
      throw new DomainException("no-stock", "no key of this product is in stock");
    }
    return replace(ticket, key, agent, now);
  }

  /**
   * An agent refunds {@code keys} (or, empty, every delivered key of the order): one {@code
   * refund.issued} webhook through the outbox; a key the buyer never saw goes back to stock, a
   * revealed or redeemed one is only marked refunded. The caller holds the locks.
   *
   * @throws DomainException when a key is not delivered (already refunded, replaced, voided)
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Outcome refundByStaff(Ticket ticket, List<CardKey> keys, Actor agent, Instant now) {
    Order order = ticket.order();
    List<CardKey> concerned = keys.isEmpty() ? order.heldKeys() : keys;
    if (concerned.isEmpty()) {
      throw new DomainException("nothing-to-refund", "no delivered key of this order to refund");
    }
    List<Integer> indexes = new ArrayList<>();
    int restocked = 0;
    for (CardKey k : concerned) {
      if (k.mayBeRefunded()) {
        orders.stock(k.refundToStock(now));
        restocked++;
      } else {
        k.refundWithoutRestock(now);
      }
      indexes.add(k.keyIndex());
      events.keyStatusChanged(k, now);
    }
    BigDecimal amount = share(order, concerned.size());
    refund(ticket, indexes, amount, "refunded by an agent");
    return resolved(
        ticket,
        agent,
        now,
        Resolution.REFUNDED,
        Action.REFUNDED,
        List.of(),
        amount,
        List.copyOf(indexes),
        amount.toPlainString(),
        order.currency(),
        restocked);
  }

  /**
   * The text of a resolution note: the automatic path's own; an agent's replacement and refund say
   * it was an agent (the supplier did not necessarily check the key).
   */
  private static String noteKey(Actor actor, Action action) {
    boolean staffWording =
        actor.type() == Actor.Type.STAFF
            && (action == Action.REPLACED || action == Action.REFUNDED);
    return (staffWording ? "staff." : "auto.") + action.name();
  }

  private Outcome notReceived(Ticket ticket, Actor actor, Instant now) {
    Order order = ticket.order();
    List<Integer> missing = order.undeliveredIndexes();
    if (missing.isEmpty() && order.heldKeys().isEmpty()) {
      if (actor.type() == Actor.Type.STAFF) {
        throw new DomainException(
            "nothing-delivered",
            "every key of this order was refunded or withdrawn: nothing to send");
      }
      return review(ticket, now, Review.NOTHING_HELD);
    }
    if (missing.isEmpty()) {
      boolean resent =
          delivery.resend(order, ticket.buyerContact(), ticket.language(), now).allowed();
      return resolved(
          ticket,
          actor,
          now,
          Resolution.REDELIVERED,
          resent ? Action.DELIVERY_RESENT : Action.DELIVERY_SHOWN,
          List.of(),
          null,
          List.of(),
          ticket.buyerContact().masked());
    }
    List<CardKey> stock = orders.takeFromStock(order.product(), missing.size());
    List<CardKey> delivered = new ArrayList<>();
    for (int i = 0; i < stock.size(); i++) {
      CardKey key = order.deliverFromStock(stock.get(i), missing.get(i), now);
      delivered.add(key);
      events.keyStatusChanged(key, now);
    }
    List<Integer> unfilled = List.copyOf(missing.subList(stock.size(), missing.size()));
    if (unfilled.isEmpty()) {
      return resolved(
          ticket,
          actor,
          now,
          Resolution.REDELIVERED,
          Action.DELIVERED_FROM_STOCK,
          delivered,
          null,
          List.of(),
          delivered.size());
    }
    BigDecimal amount = share(order, unfilled.size());
    order.refundUndelivered(unfilled);
    refund(ticket, unfilled, amount, "out of stock: the key was never delivered");
    return resolved(
        ticket,
        actor,
        now,
        Resolution.REFUNDED,
        Action.REFUNDED_OUT_OF_STOCK,
        delivered,
        amount,
        unfilled,
        amount.toPlainString(),
        order.currency(),
        unfilled.size(),
        delivered.size());
  }

  private void refund(Ticket ticket, List<Integer> indexes, BigDecimal amount, String reason) {
    refund(ticket, ticket.order(), indexes, amount, reason);
  }

  private void refund(
      Ticket ticket, Order order, List<Integer> indexes, BigDecimal amount, String reason) {
    webhooks.enqueue(
        ShopWebhooks.REFUND_ISSUED,
        order.orderNo(),
        new ShopWebhooks.RefundIssued(
            order.orderNo(),
            List.copyOf(indexes),
            amount,
            order.currency(),
            ticket.ticketNo().value(),
            reason));
  }

  private Outcome invalidKey(Ticket ticket, Verdict verdict, Instant now) {
    CardKey key = ticket.cardKey().orElse(null);
    if (key == null) {
      return review(ticket, now, Review.NO_KEY_NAMED);
    }
    if (!key.mayBeReplaced()) {
      return key.replacedBy().isPresent()
          ? review(ticket, now, Review.ALREADY_REPLACED)
          : review(ticket, now, Review.KEY_NOT_REPLACEABLE);
    }
    if (verdict == null) {
      return review(ticket, now, Review.NOT_CHECKED);
    }
    return switch (verdict.outcome()) {
      case DEFECTIVE -> replace(ticket, key, Actor.SYSTEM, now);
      case REDEEMED -> {
        riskEngine.signal(
            ticket,
            SignalKind.CLAIM_AFTER_REDEMPTION.name(),
            Decision.REVIEW,
            "the supplier reports the key already redeemed",
            now);
        yield review(ticket, now, Review.SUPPLIER_REDEEMED);
      }
      case VALID -> review(ticket, now, Review.SUPPLIER_VALID);
      case UNAVAILABLE -> review(ticket, now, Review.SUPPLIER_UNAVAILABLE);
    };
  }

  private Outcome replace(Ticket ticket, CardKey key, Actor actor, Instant now) {
    Order order = ticket.order();
    List<CardKey> stock = orders.takeFromStock(order.product(), 1);
    if (stock.isEmpty()) {
      return refundDefective(ticket, key, actor, now);
    }
    CardKey replacement = order.deliverFromStock(stock.get(0), null, now);
    key.replaceWith(replacement, now);
    events.keyStatusChanged(key, now);
    events.keyStatusChanged(replacement, now);
    return resolved(
        ticket,
        actor,
        now,
        Resolution.REPLACED,
        Action.REPLACED,
        List.of(replacement),
        null,
        List.of(),
        replacement.keyIndex() + 1);
  }

  /**
   * A verified defective key with nothing in stock to replace it: the buyer paid for a key that
   * does not work, so its share of the order is refunded now rather than after an agent's shift
   * (the same reasoning as a key never delivered and out of stock). The key is marked so that it is
   * neither replaced nor refunded again.
   */
  private Outcome refundDefective(Ticket ticket, CardKey key, Actor actor, Instant now) {
    Order order = ticket.order();
    key.refundDefective(now);
    events.keyStatusChanged(key, now);
    BigDecimal amount = share(order, 1);
    refund(
        ticket,
        List.of(key.keyIndex()),
        amount,
        "the supplier verified the key defective; no replacement in stock");
    return resolved(
        ticket,
        actor,
        now,
        Resolution.REFUNDED,
        Action.REFUNDED_DEFECTIVE,
        List.of(),
        amount,
        List.of(key.keyIndex()),
        amount.toPlainString(),
        order.currency(),
        key.keyIndex() + 1);
  }

  private Outcome wrongPurchase(Ticket ticket, Actor actor, Instant now) {
    Order order = ticket.order();
    List<CardKey> keys =
        ticket.cardKey().map(List::of).orElseGet(order::keys).stream()
            .filter(k -> k.keyIndex() < order.quantity())
            .toList();
    for (CardKey k : keys) {
      if (!k.mayBeRefunded()) {
        return k.revealedAt().isPresent()
            ? review(ticket, now, Review.KEY_REVEALED, k.keyIndex() + 1)
            : review(ticket, now, Review.KEY_NOT_REFUNDABLE, k.keyIndex() + 1);
      }
    }
    List<Integer> indexes = new ArrayList<>();
    for (CardKey k : keys) {
      orders.stock(k.refundToStock(now));
      indexes.add(k.keyIndex());
      events.keyStatusChanged(k, now);
    }
    BigDecimal amount = share(order, ticket.cardKey().isPresent() ? 1 : order.quantity());
    refund(ticket, indexes, amount, "bought by mistake; the key was never revealed");
    return resolved(
        ticket,
        actor,
        now,
        Resolution.REFUNDED,
        Action.REFUNDED,
        List.of(),
        amount,
        List.copyOf(indexes),
        amount.toPlainString(),
        order.currency());
  }

  /**
   * The buyer says the purchase was charged twice. Of the orders of that purchase still the buyer's
   * (not refunded in full), one must stay; the latest whose keys were never revealed nor redeemed
   * is refunded in full and its keys go back to stock — what a WRONG_PURCHASE refund of that order
   * would do. Anything else (no second order, already refunded, every order's keys seen) is for an
   * agent, who can check with the payment provider.
   */
  private Outcome duplicatePayment(Ticket ticket, List<Order> repeats, Instant now) {
    if (repeats.isEmpty()) {
      return review(ticket, now, Review.DUPLICATE_NOT_FOUND);
    }
    List<Order> standing =
        Stream.concat(Stream.of(ticket.order()), repeats.stream())
            .filter(o -> !o.refundedInFull())
            .toList();
    if (standing.size() < 2) {
      return review(ticket, now, Review.DUPLICATE_ALREADY_REFUNDED);
    }
    Order target =
        standing.stream()
            .filter(Order::refundableAsWhole)
            .max(Comparator.comparing(Order::paidAt).thenComparing(Order::orderNo))
            .orElse(null);
    if (target == null) {
      return review(ticket, now, Review.DUPLICATE_KEYS_USED);
    }
    List<Integer> indexes = new ArrayList<>();
    for (CardKey k : target.keys()) {
      if (k.keyIndex() < target.quantity()) {
        orders.stock(k.refundToStock(now));
        indexes.add(k.keyIndex());
        events.keyStatusChanged(k, now);
      }
    }
    BigDecimal amount = target.amount().setScale(2, RoundingMode.HALF_UP);
    refund(
        ticket,
        target,
        indexes,
        amount,
        "the same purchase was paid twice; this order's keys were never revealed");
    return resolved(
        ticket,
        Actor.SYSTEM,
        now,
        Resolution.REFUNDED,
        Action.REFUNDED_DUPLICATE,
        List.of(),
        amount,
        List.copyOf(indexes),
        amount.toPlainString(),
        target.currency(),
        target.orderNo());
  }

  /** The order amount for {@code units} of its quantity. */
  private static BigDecimal share(Order order, int units) {
    return order
        .amount()
        .multiply(BigDecimal.valueOf(Math.min(units, order.quantity())))
        .divide(BigDecimal.valueOf(order.quantity()), 2, RoundingMode.HALF_UP);
  }
}
