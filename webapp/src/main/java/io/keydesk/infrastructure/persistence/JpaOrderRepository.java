package io.keydesk.infrastructure.persistence;

import io.keydesk.domain.model.catalog.Product;
import io.keydesk.domain.model.order.CardKey;
import io.keydesk.domain.model.order.Contact;
import io.keydesk.domain.model.order.Order;
import io.keydesk.domain.model.order.OrderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaOrderRepository implements OrderRepository {
  @PersistenceContext private EntityManager em;

  @Override
  public Optional<Order> find(String orderNo) {
    return em.createNamedQuery("Order.byNo", Order.class)
        .setParameter("orderNo", orderNo)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Order> findForUpdate(String orderNo) {
    return em.createNamedQuery("Order.byNo", Order.class)
        .setParameter("orderNo", orderNo)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Order> ofContact(Contact contact) {
    return em.createNamedQuery("Order.byContact", Order.class)
        .setParameter("contact", contact.value())
        .setMaxResults(200)
        .getResultList();
  }

  @Override
  public List<String> possibleRepeats(String orderNo, Duration window) {
    @SuppressWarnings("unchecked")
    List<Object> numbers =
        em.createNativeQuery(
                "SELECT o2.order_no FROM shop_order o1 JOIN shop_order o2"
                    + " ON o2.product_id = o1.product_id AND o2.id <> o1.id"
                    + " AND o2.quantity = o1.quantity AND o2.amount = o1.amount"
                    + " AND o2.currency = o1.currency"
                    + " AND o2.paid_at BETWEEN o1.paid_at - INTERVAL ? SECOND"
                    + " AND o1.paid_at + INTERVAL ? SECOND"
                    + " AND (o2.buyer_email = o1.buyer_email OR o2.buyer_phone = o1.buyer_phone)"
                    + " WHERE o1.order_no = ? LIMIT 20")
            .setParameter(1, window.toSeconds())
            .setParameter(2, window.toSeconds())
            .setParameter(3, orderNo)
            .getResultList();
    return numbers.stream().map(String::valueOf).toList();
  }

  @Override
  public List<CardKey> keysWithFingerprint(String fingerprint) {
    return em.createNamedQuery("CardKey.byFingerprint", CardKey.class)
        .setParameter("fingerprint", fingerprint)
        .getResultList();
  }

  @Override
  public Order store(Order order) {
    if (order.id() == null) {
      em.persist(order);
    }
    return order;
  }

  @Override
  public void lockFingerprints(java.util.Collection<String> fingerprints) {
    if (fingerprints.isEmpty()) {
      return;
    }
    String marks = String.join(", ", java.util.Collections.nCopies(fingerprints.size(), "?"));
    var query =
        em.createNativeQuery(
            "SELECT id FROM card_key WHERE fingerprint IN (" + marks + ") ORDER BY id FOR UPDATE");
    int i = 1;
    for (String f : fingerprints) {
      query.setParameter(i++, f);
    }
    query.getResultList();
  }

  @Override
  public List<CardKey> takeFromStock(Product product, int count) {
    if (count <= 0) {
      return List.of();
    }
    @SuppressWarnings("unchecked")
    List<Number> ids =
        em.createNativeQuery(
                "SELECT id FROM card_key WHERE product_id = ? AND status = 'IN_STOCK' ORDER BY id"
                    + " LIMIT ? FOR UPDATE SKIP LOCKED")
            .setParameter(1, product.id())
            .setParameter(2, count)
            .getResultList();
    return ids.stream().map(id -> em.find(CardKey.class, id.longValue())).toList();
  }

  @Override
  public CardKey stock(CardKey key) {
    em.persist(key);
    return key;
  }

  @Override
  public long inStock(Product product) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM card_key WHERE product_id = ? AND status = 'IN_STOCK'")
                .setParameter(1, product.id())
                .getSingleResult())
        .longValue();
  }
}
