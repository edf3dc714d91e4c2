package io.keydesk.domain.model.ticket;

import static io.keydesk.domain.model.ticket.TicketStatus.AUTO_RESOLVING;
import static io.keydesk.domain.model.ticket.TicketStatus.AWAITING_BUYER;
import static io.keydesk.domain.model.ticket.TicketStatus.CLOSED;
import static io.keydesk.domain.model.ticket.TicketStatus.IN_REVIEW;
import static io.keydesk.domain.model.ticket.TicketStatus.REOPENED;
import static io.keydesk.domain.model.ticket.TicketStatus.RESOLVED;
import static io.keydesk.domain.model.ticket.TicketStatus.SUBMITTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The lifecycle of DESIGN.md, written out once more by hand. */
class TicketStatusTest {
  private static final Map<TicketStatus, Set<TicketStatus>> LIFECYCLE = lifecycle();

  private static Map<TicketStatus, Set<TicketStatus>> lifecycle() {
    Map<TicketStatus, Set<TicketStatus>> m = new EnumMap<>(TicketStatus.class);
    m.put(SUBMITTED, EnumSet.of(AUTO_RESOLVING, AWAITING_BUYER, IN_REVIEW, RESOLVED));
    m.put(AUTO_RESOLVING, EnumSet.of(AWAITING_BUYER, IN_REVIEW, RESOLVED));
    m.put(AWAITING_BUYER, EnumSet.of(IN_REVIEW, RESOLVED));
    m.put(IN_REVIEW, EnumSet.of(AWAITING_BUYER, RESOLVED));
    m.put(RESOLVED, EnumSet.of(REOPENED, CLOSED));
    m.put(REOPENED, EnumSet.of(AWAITING_BUYER, IN_REVIEW, RESOLVED));
    m.put(CLOSED, EnumSet.noneOf(TicketStatus.class));
    return m;
  }

  @ParameterizedTest
  @EnumSource(TicketStatus.class)
  void nextStatesAreThoseOfTheLifecycle(TicketStatus from) {
    assertEquals(LIFECYCLE.get(from), from.next());
  }

  @ParameterizedTest
  @EnumSource(TicketStatus.class)
  void canMoveToAllowsExactlyTheNextStates(TicketStatus from) {
    for (TicketStatus to : TicketStatus.values()) {
      assertEquals(LIFECYCLE.get(from).contains(to), from.canMoveTo(to), from + " -> " + to);
    }
  }

  @Test
  void noStateMovesToItselfNorBackToSubmitted() {
    for (TicketStatus s : TicketStatus.values()) {
      assertFalse(s.canMoveTo(s), s + " -> " + s);
      assertFalse(s.canMoveTo(SUBMITTED), s + " -> SUBMITTED");
    }
  }

  @Test
  void closedIsFinal() {
    assertTrue(CLOSED.next().isEmpty());
  }

  @Test
  void onlyAResolvedTicketCanBeReopenedOrClosed() {
    for (TicketStatus s : TicketStatus.values()) {
      assertEquals(s == RESOLVED, s.canMoveTo(REOPENED), s + " -> REOPENED");
      assertEquals(s == RESOLVED, s.canMoveTo(CLOSED), s + " -> CLOSED");
    }
  }

  @Test
  void nextCannotBeUsedToChangeTheLifecycle() {
    try {
      SUBMITTED.next().add(CLOSED);
    } catch (UnsupportedOperationException immutable) {
      // an unmodifiable answer protects the lifecycle too
    }
    assertFalse(SUBMITTED.canMoveTo(CLOSED));
  }

  @ParameterizedTest
  @EnumSource(TicketStatus.class)
  void resolvedAndClosedAreNotOpen(TicketStatus s) {
    assertEquals(s != RESOLVED && s != CLOSED, s.isOpen());
  }
}
