package io.keydesk.domain.model.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keydesk.domain.model.staff.AgentChoice.Candidate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who gets the next ticket: the free agent assigned least recently. */
class AgentChoiceTest {
  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  private static Candidate agent(String name, long open, int capacity, Instant last) {
    return new Candidate(name, true, false, true, capacity, open, last);
  }

  private static Optional<String> choose(Candidate... candidates) {
    return AgentChoice.choose(List.of(candidates)).map(Candidate::username);
  }

  @Test
  void theLeastRecentlyAssignedFreeAgentWins() {
    assertEquals(
        Optional.of("bob"),
        choose(
            agent("alice", 0, 5, T0.plusSeconds(60)),
            agent("bob", 3, 5, T0),
            agent("carol", 1, 5, T0.plusSeconds(30))));
  }

  @Test
  void anAgentNeverAssignedGoesFirstAndTiesKeepTheGivenOrder() {
    assertEquals(
        Optional.of("carol"),
        choose(agent("alice", 0, 5, T0), agent("carol", 0, 5, null), agent("dan", 0, 5, null)));
  }

  @Test
  void fullAwayInactiveOrUnskilledAgentsAreSkipped() {
    assertEquals(
        Optional.of("erin"),
        choose(
            agent("alice", 5, 5, null),
            new Candidate("bob", true, true, true, 5, 0, null),
            new Candidate("carol", false, false, true, 5, 0, null),
            new Candidate("dan", true, false, false, 5, 0, null),
            agent("erin", 4, 5, T0)));
  }

  @Test
  void nobodyFreeMeansTheTicketWaits() {
    assertEquals(Optional.empty(), choose(agent("alice", 2, 2, null), agent("bob", 0, 0, null)));
    assertEquals(Optional.empty(), choose());
  }

  @Test
  void roundRobinTakesTurns() {
    Instant[] last = {null, null, null};
    String[] names = {"a", "b", "c"};
    StringBuilder order = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      Candidate[] cs = new Candidate[3];
      for (int j = 0; j < 3; j++) {
        cs[j] = agent(names[j], 0, 10, last[j]);
      }
      String chosen = choose(cs).orElseThrow();
      order.append(chosen);
      last[List.of(names).indexOf(chosen)] = T0.plusSeconds(i);
    }
    assertEquals("abcabc", order.toString());
  }
}
