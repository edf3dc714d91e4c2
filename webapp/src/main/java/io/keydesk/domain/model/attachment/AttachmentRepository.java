package io.keydesk.domain.model.attachment;

import io.keydesk.domain.model.ticket.Ticket;
import java.util.List;
import java.util.Optional;

/** The attachments of tickets. */
public interface AttachmentRepository {
  List<Attachment> ofTicket(Ticket ticket);

  Optional<Attachment> find(Ticket ticket, String publicId);

  void store(Attachment attachment);
}
