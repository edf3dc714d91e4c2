package io.keydesk.infrastructure.persistence;

import io.keydesk.domain.model.order.CardKey;
import io.keydesk.domain.model.order.Contact;
import io.keydesk.domain.model.order.Order;
import io.keydesk.domain.model.order.OrderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
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
}
