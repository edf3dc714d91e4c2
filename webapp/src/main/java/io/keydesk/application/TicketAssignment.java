package io.keydesk.application;

import io.keydesk.domain.model.staff.AgentChoice;
import io.keydesk.domain.model.staff.StaffRepository;
import io.keydesk.domain.model.staff.StaffUser;
import io.keydesk.domain.model.ticket.Actor;
import io.keydesk.domain.model.ticket.Ticket;
import io.keydesk.domain.model.ticket.TicketRepository;
import io.keydesk.domain.model.ticket.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Automatic assignment (docs/console.md#queue-assignment-and-deadlines): a ticket that enters
 * review goes to a free agent who handles its category and language, least recently assigned first.
 * The candidates' rows are locked for the rest of the transaction, so assignments on any number of
 * app instances take turns and never exceed an agent's capacity.
 */
@ApplicationScoped
public class TicketAssignment {
  @Inject StaffRepository staff;
  @Inject TicketRepository tickets;

  /**
   * Assigns the ticket in the caller's transaction, if it is in review, unassigned, and an agent is
   * free; the ticket records the change (timeline, event and audit follow with the caller's {@link
   * DomainEvents#ticketChanged}).
   *
   * @return the agent's username, if one was free
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<String> autoAssign(Ticket ticket, Instant now) {
    if (ticket.status() != TicketStatus.IN_REVIEW || ticket.assignee().isPresent()) {
      return Optional.empty();
    }
    List<StaffUser> agents = staff.lockAvailableAgents(ticket.category().code(), ticket.language());
    if (agents.isEmpty()) {
      return Optional.empty();
    }
    Map<Long, Long> open = tickets.openAssignedCounts(agents.stream().map(StaffUser::id).toList());
    List<AgentChoice.Candidate> candidates = new ArrayList<>();
    for (StaffUser agent : agents) {
      candidates.add(
          new AgentChoice.Candidate(
              agent.username(),
              agent.isActive(),
              agent.isAway(),
              agent.handles(ticket.category().code(), ticket.language()),
              agent.capacity(),
              open.getOrDefault(agent.id(), 0L),
              agent.lastAssignedAt().orElse(null)));
    }
    return AgentChoice.choose(candidates)
        .map(
            chosen -> {
              StaffUser agent =
                  agents.stream()
                      .filter(a -> a.username().equals(chosen.username()))
                      .findFirst()
                      .orElseThrow();
              agent.markAssigned(now);
              ticket.assignTo(agent, Actor.SYSTEM, now);
              return agent.username();
            });
  }
}
