package io.keydesk.application;

import io.keydesk.domain.model.category.CategoryCode;
import io.keydesk.domain.model.order.CardKey;
import io.keydesk.domain.model.order.Order;
import java.util.List;
import java.util.Optional;

/** Which key a claim is about. */
final class Claims {
  private Claims() {}

  /**
   * The keys a claim is about: the named key, or for a refund without one (the whole order) every
   * key of the order.
   */
  static List<CardKey> concernedKeys(Order order, CategoryCode category, CardKey named) {
    if (named != null) {
      return List.of(named);
    }
    return category == CategoryCode.WRONG_PURCHASE ? order.keys() : List.of();
  }

  /**
   * Whether a payment claim says the purchase was charged twice. Only the buyer's explicit answer
   * ({@code chargedTwice}, the portal's tick box) counts: money moves on it, and a description can
   * mention two charges for other reasons ("the bank shows it pending twice"). The classifier's
   * {@code CHARGED_TWICE} hint is kept on the ticket for the agent.
   */
  static boolean saysChargedTwice(CategoryCode category, FileTicket cmd) {
    return category == CategoryCode.PAYMENT_ISSUE && Boolean.TRUE.equals(cmd.chargedTwice());
  }

  /**
   * The key the buyer named, or for a key problem (INVALID_KEY) on an order with a single key, that
   * key. A key problem on an order with several keys must name one.
   *
   * @throws InvalidFieldException when the index names no key, or a key problem names none on an
   *     order with several
   */
  static Optional<CardKey> claimedKey(Order order, CategoryCode category, Integer keyIndex) {
    if (keyIndex != null) {
      return Optional.of(
          order
              .key(keyIndex)
              .orElseThrow(
                  () -> new InvalidFieldException("keyIndex", "the order has no such key")));
    }
    if (category != CategoryCode.INVALID_KEY) {
      return Optional.empty();
    }
    List<CardKey> current = order.keys().stream().filter(k -> k.replacedBy().isEmpty()).toList();
    if (current.size() == 1) {
      return Optional.of(current.get(0));
    }
    if (current.isEmpty()) {
      return Optional.empty();
    }
    throw new InvalidFieldException(
        "keyIndex", "the order has several keys: say which one does not work");
  }
}
