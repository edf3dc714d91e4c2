package io.keydesk.domain.model.order;

import java.util.List;
import java.util.Optional;

public interface OrderRepository {
  Optional<Order> find(String orderNo);

  /** The order locked for update, for imports racing on one order number. */
  Optional<Order> findForUpdate(String orderNo);

  List<Order> ofContact(Contact contact);

  List<CardKey> keysWithFingerprint(String fingerprint);

  Order store(Order order);
}
