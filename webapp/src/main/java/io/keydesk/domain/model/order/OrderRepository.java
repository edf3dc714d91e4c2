package io.keydesk.domain.model.order;

import java.util.List;
import java.util.Optional;

public interface OrderRepository {
  Optional<Order> find(String orderNo);

  /** The order locked for update, for imports racing on one order number. */
  Optional<Order> findForUpdate(String orderNo);

  List<Order> ofContact(Contact contact);

  /**
   * Numbers of the orders that may be {@code orderNo}'s purchase paid again (same buyer contact,
   * product, quantity, amount and currency, paid within {@code window}), read without loading or
   * locking anything; {@link Order#isRepeatedBy} decides on the locked orders.
   */
  List<String> possibleRepeats(String orderNo, java.time.Duration window);

  List<CardKey> keysWithFingerprint(String fingerprint);

  Order store(Order order);

  /**
   * Locks every key with one of these fingerprints (in any order) until the transaction ends, in id
   * order, so that two claims on one key, even from two orders, are decided one after the other.
   */
  void lockFingerprints(java.util.Collection<String> fingerprints);

  /**
   * Takes up to {@code count} keys of the product's stock and locks them; keys another transaction
   * is taking are skipped, so two claims never get the same key.
   */
  List<CardKey> takeFromStock(io.keydesk.domain.model.catalog.Product product, int count);

  /** Adds a key to stock. */
  CardKey stock(CardKey key);

  /** Keys of the product in stock. */
  long inStock(io.keydesk.domain.model.catalog.Product product);
}
