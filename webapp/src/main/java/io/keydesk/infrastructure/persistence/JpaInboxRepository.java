package io.keydesk.infrastructure.persistence;

import io.keydesk.domain.model.notification.InboxMessage;
import io.keydesk.domain.model.notification.InboxRepository;
import io.keydesk.domain.model.order.Contact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaInboxRepository implements InboxRepository {
  @PersistenceContext private EntityManager em;

  @Override
  public List<InboxMessage> ofContact(Contact contact, int limit) {
    return em.createNamedQuery("InboxMessage.ofContact", InboxMessage.class)
        .setParameter("contact", contact.value())
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public long unreadCount(Contact contact) {
    return em.createNamedQuery("InboxMessage.unread", Long.class)
        .setParameter("contact", contact.value())
        .getSingleResult();
  }

  @Override
  public Optional<InboxMessage> find(long id) {
    return Optional.ofNullable(em.find(InboxMessage.class, id));
  }

  @Override
  public Optional<InboxMessage> findByEventId(String eventId) {
    return em.createNamedQuery("InboxMessage.byEventId", InboxMessage.class)
        .setParameter("eventId", eventId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public InboxMessage store(InboxMessage message) {
    if (message.id() == null) {
      em.persist(message);
      return message;
    }
    return em.merge(message);
  }
}
