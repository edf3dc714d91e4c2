package io.keydesk.infrastructure.persistence;

import io.keydesk.domain.model.attachment.Attachment;
import io.keydesk.domain.model.attachment.AttachmentRepository;
import io.keydesk.domain.model.ticket.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Attachments in {@code attachment}. */
@ApplicationScoped
public class JpaAttachmentRepository implements AttachmentRepository {
  @PersistenceContext private EntityManager em;

  @Override
  public List<Attachment> ofTicket(Ticket ticket) {
    return em.createNamedQuery("Attachment.ofTicket", Attachment.class)
        .setParameter("ticket", ticket)
        .getResultList();
  }

  @Override
  public Optional<Attachment> find(Ticket ticket, String publicId) {
    return em.createNamedQuery("Attachment.byPublicId", Attachment.class)
        .setParameter("ticket", ticket)
        .setParameter("publicId", publicId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void store(Attachment attachment) {
    em.persist(attachment);
    // EclipseLink inserts new objects in no particular order at commit; flushing each one keeps
    // the ids (and so the list order) in the order the files were sent.
    em.flush();
  }
}
