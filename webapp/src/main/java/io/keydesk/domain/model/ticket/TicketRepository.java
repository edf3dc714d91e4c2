package io.keydesk.domain.model.ticket;

import io.keydesk.domain.model.category.CategoryCode;
import io.keydesk.domain.model.order.Contact;
import io.keydesk.domain.model.risk.Decision;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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

  /** The ticket, locked (SELECT … FOR UPDATE) until the transaction ends, and read afresh. */
  Optional<Ticket> lockForUpdate(long id);

  /**
   * Open tickets whose deadlines need a look at {@code now}: a running target at risk and not
   * flagged yet, or missed and not escalated yet. At most {@code max}, most urgent first.
   */
  List<Long> deadlineCandidates(Instant now, double atRiskShare, int max);

  /** Tickets in review that nobody holds, most urgent first. */
  List<Long> waitingForAgent(int max);

  /**
   * How many open tickets each of these staff members holds, read with shared locks so a concurrent
   * assignment that committed is counted.
   */
  Map<Long, Long> openAssignedCounts(Collection<Long> staffIds);

  /** Open tickets escalated to a supervisor. */
  long countEscalatedToSupervisor();

  /**
   * Filter and paging of the staff queue. Null fields do not filter. {@code assignee} is a
   * username; {@code unassigned} asks for tickets nobody holds. {@code now} and {@code atRiskShare}
   * decide the deadline states.
   */
  record QueueFilter(
      List<TicketStatus> statuses,
      CategoryCode category,
      String productSku,
      String supplierCode,
      Long supplierId,
      Decision riskDecision,
      Deadline.State deadlineState,
      String assignee,
      boolean unassigned,
      boolean escalatedOnly,
      Instant now,
      double atRiskShare,
      int page,
      int size) {}

  /** One row of the queue, read straight from the database. */
  record QueueRow(
      String ticketNo,
      String orderNo,
      String productSku,
      String productName,
      String supplierCode,
      CategoryCode category,
      TicketStatus status,
      String language,
      Decision riskDecision,
      String assignee,
      Instant createdAt,
      Instant responseDueAt,
      Instant resolutionDueAt,
      Instant firstResponseAt,
      Instant dueAt,
      Deadline.State deadlineState,
      Instant escalatedAt,
      EscalationTarget escalationTarget) {}

  /** One page of the queue with the total count. */
  record QueuePage(List<QueueRow> rows, long total) {}
}
