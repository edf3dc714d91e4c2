package io.keydesk.domain.model.ticket;

import io.keydesk.domain.model.order.Contact;
import java.util.List;
import java.util.Optional;

public interface TicketRepository {
  Optional<Ticket> find(TicketNo no);

  Optional<Ticket> findByIdempotencyKey(Contact contact, String key);

  List<Ticket> ofContact(Contact contact);

  /** A queue page: open and closed tickets by the filter, most urgent first. */
  QueuePage queue(QueueFilter filter);

  TicketNo nextTicketNo();

  Ticket store(Ticket ticket);

  /** Filter and paging of the staff queue. Null fields do not filter. */
  record QueueFilter(
      List<TicketStatus> statuses,
      io.keydesk.domain.model.category.CategoryCode category,
      String productSku,
      Long supplierId,
      int page,
      int size) {}

  /** One page of the queue with the total count. */
  record QueuePage(List<Ticket> tickets, long total) {}
}
