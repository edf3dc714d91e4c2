package io.keydesk.infrastructure.persistence;

import io.keydesk.domain.model.order.Contact;
import io.keydesk.domain.model.ticket.Ticket;
import io.keydesk.domain.model.ticket.TicketNo;
import io.keydesk.domain.model.ticket.TicketRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaTicketRepository implements TicketRepository {
  @PersistenceContext private EntityManager em;

  @Override
  public Optional<Ticket> find(TicketNo no) {
    return em.createNamedQuery("Ticket.byNo", Ticket.class)
        .setParameter("ticketNo", no.value())
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Ticket> findByIdempotencyKey(Contact contact, String key) {
    return em.createNamedQuery("Ticket.byIdempotencyKey", Ticket.class)
        .setParameter("contact", contact.value())
        .setParameter("key", key)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Ticket> ofContact(Contact contact) {
    return em.createNamedQuery("Ticket.ofContact", Ticket.class)
        .setParameter("contact", contact.value())
        .setMaxResults(200)
        .getResultList();
  }

  @Override
  public QueuePage queue(QueueFilter filter) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Ticket> select = cb.createQuery(Ticket.class);
    Root<Ticket> t = select.from(Ticket.class);
    select.where(predicates(cb, t, filter)).orderBy(cb.asc(t.get("rankAt")), cb.asc(t.get("id")));
    TypedQuery<Ticket> page =
        em.createQuery(select)
            .setFirstResult(filter.page() * filter.size())
            .setMaxResults(filter.size());

    CriteriaQuery<Long> count = cb.createQuery(Long.class);
    Root<Ticket> c = count.from(Ticket.class);
    count.select(cb.count(c)).where(predicates(cb, c, filter));
    return new QueuePage(page.getResultList(), em.createQuery(count).getSingleResult());
  }

  private static Predicate[] predicates(CriteriaBuilder cb, Root<Ticket> t, QueueFilter filter) {
    List<Predicate> where = new ArrayList<>();
    if (filter.statuses() != null && !filter.statuses().isEmpty()) {
      where.add(t.get("status").in(filter.statuses()));
    }
    if (filter.category() != null) {
      where.add(cb.equal(t.get("category").get("code"), filter.category()));
    }
    if (filter.productSku() != null) {
      where.add(cb.equal(t.get("order").get("product").get("sku"), filter.productSku()));
    }
    if (filter.supplierId() != null) {
      where.add(
          cb.equal(t.get("order").get("product").get("supplier").get("id"), filter.supplierId()));
    }
    return where.toArray(Predicate[]::new);
  }

  @Override
  public TicketNo nextTicketNo() {
    return TicketNo.random(LocalDate.now(Clock.systemUTC()));
  }

  @Override
  public Ticket store(Ticket ticket) {
    if (ticket.id() == null) {
      em.persist(ticket);
    }
    return ticket;
  }
}
