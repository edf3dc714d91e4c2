package io.keydesk.application;

import io.keydesk.domain.model.ticket.Deadline;
import io.keydesk.domain.model.ticket.Ticket;
import io.keydesk.domain.model.ticket.TicketRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One ticket's share of a {@link DeadlineSweep}, each in its own transaction. The ticket's row is
 * locked and read afresh first, and the domain flags or escalates a target only if that was not
 * done yet: whichever app instance comes second finds the work done and changes nothing.
 */
@ApplicationScoped
public class DeadlineWork {
  @Inject TicketRepository tickets;
  @Inject DomainEvents events;
  @Inject TicketAssignment assignment;

  /** What checking one ticket did. */
  public record Outcome(int flagged, int escalated) {}

  /**
   * The open tickets whose targets may need a flag or an escalation, read in a transaction of their
   * own: the sweep runs on a scheduler thread, where the container's entity manager works only
   * inside a transaction (outside one every timer run failed).
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<Long> candidates(Instant now, double atRiskShare, int batch) {
    return tickets.deadlineCandidates(now, atRiskShare, batch);
  }

  /** Tickets in review waiting for an agent, read in a transaction of their own. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<Long> waiting(int batch) {
    return tickets.waitingForAgent(batch);
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Outcome check(long ticketId, Instant now, double atRiskShare) {
    Optional<Ticket> found = tickets.lockForUpdate(ticketId);
    if (found.isEmpty()) {
      return new Outcome(0, 0);
    }
    Ticket ticket = found.get();
    int escalated = 0;
    int flagged = 0;
    for (Deadline.Target target : Deadline.Target.values()) {
      if (ticket.escalateMissed(target, now)) {
        escalated++;
      } else if (ticket.flagAtRisk(target, now, atRiskShare)) {
        flagged++;
      }
    }
    events.ticketChanged(ticket, now);
    return new Outcome(flagged, escalated);
  }

  /** Gives a waiting ticket to an agent who became free; whether one was. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean assignWaiting(long ticketId, Instant now) {
    Optional<Ticket> found = tickets.lockForUpdate(ticketId);
    if (found.isEmpty()) {
      return false;
    }
    boolean assigned = assignment.autoAssign(found.get(), now).isPresent();
    events.ticketChanged(found.get(), now);
    return assigned;
  }
}
