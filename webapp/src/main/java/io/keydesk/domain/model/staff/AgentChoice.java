package io.keydesk.domain.model.staff;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Who gets a ticket that needs a human: among the agents who handle its category and language, are
 * active, not away and below their capacity, the one assigned least recently (never assigned first;
 * ties by the order given). Round robin that survives restarts, because the last assignment time is
 * stored with the agent.
 */
public final class AgentChoice {
  /** One agent as the choice sees them. */
  public record Candidate(
      String username,
      boolean active,
      boolean away,
      boolean handles,
      int capacity,
      long openTickets,
      Instant lastAssignedAt) {
    public boolean isFree() {
      return active && !away && handles && openTickets < capacity;
    }
  }

  private AgentChoice() {}

  public static Optional<Candidate> choose(List<Candidate> candidates) {
    return candidates.stream()
        .filter(Candidate::isFree)
        .min(
            Comparator.comparing(
                Candidate::lastAssignedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
  }
}
