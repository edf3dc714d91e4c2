package io.keydesk.domain.model.ticket;

import io.keydesk.domain.model.order.Contact;
import java.util.List;
import java.util.Optional;

public interface TicketRepository {
  Optional<Ticket> find(TicketNo no);

  /**
   * A ticket by the number a client sent, if it is well-formed and exists: an unknown, malformed or
   * someone else's number is the same "not found" to the caller.
   */
  default Optional<Ticket> find(String ticketNo) {
    return TicketNo.looksValid(ticketNo) ? find(new TicketNo(ticketNo)) : Optional.empty();
  }

  /** The ticket if that contact filed it: all a buyer may see or touch. */
  default Optional<Ticket> findFiledBy(String ticketNo, Contact contact) {
    return find(ticketNo).filter(t -> t.isFiledBy(contact));
  }

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
