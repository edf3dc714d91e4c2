package io.keydesk.infrastructure.persistence;

import io.keydesk.domain.model.reply.CannedReply;
import io.keydesk.domain.model.reply.CannedReplyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaCannedReplyRepository implements CannedReplyRepository {
  @PersistenceContext private EntityManager em;

  @Override
  public Optional<CannedReply> find(long id) {
    return Optional.ofNullable(em.find(CannedReply.class, id));
  }

  @Override
  public Optional<CannedReply> find(String name, String language) {
    return em.createNamedQuery("CannedReply.byNameAndLanguage", CannedReply.class)
        .setParameter("name", name)
        .setParameter("language", language)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<CannedReply> all() {
    return em.createNamedQuery("CannedReply.all", CannedReply.class).getResultList();
  }

  @Override
  public CannedReply store(CannedReply reply) {
    if (reply.id() == null) {
      em.persist(reply);
      em.flush();
      return reply;
    }
    return em.merge(reply);
  }

  @Override
  public void remove(CannedReply reply) {
    em.remove(reply);
  }
}
