package io.keydesk.domain.model.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.domain.model.category.Category;
import io.keydesk.domain.model.category.CategoryCode;
import io.keydesk.domain.model.order.Contact;
import io.keydesk.domain.model.order.Order;
import io.keydesk.domain.model.order.TestOrders;
import io.keydesk.domain.model.staff.Role;
import io.keydesk.domain.model.staff.StaffUser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Assignment, deadline flags and escalation on the ticket aggregate. */
class TicketDeadlinesTest {
  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  private static final double SHARE = 0.8;
  private final Order order = TestOrders.order("ORD-2001", 1);
  // response in 100 min, resolution in 1000 min
  private final Category category =
      new Category(CategoryCode.PAYMENT_ISSUE, "Payment", "支付问题", 100, 1000);
  private final StaffUser alice =
      new StaffUser("alice", "Alice", "hash", Role.AGENT, null, "en", T0);

  private Ticket inReview() {
    Ticket t =
        Ticket.open(
            new TicketNo("KD-260302-7K3M9QXB"),
            new Ticket.Claim(
                order,
                null,
                category,
                "charged twice",
                "en",
                "web",
                Contact.parse(TestOrders.EMAIL).orElseThrow(),
                null),
            T0);
    t.sendToReview(Actor.SYSTEM, null, T0);
    t.drainChanges();
    return t;
  }

  private static Instant at(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  @Test
  void theCurrentTargetIsTheResponseUntilAnsweredThenTheResolution() {
    Ticket t = inReview();
    assertEquals(Optional.of(Deadline.Target.RESPONSE), t.currentTarget());
    assertEquals(Optional.of(at(100)), t.currentDueAt());
    assertEquals(Deadline.State.OK, t.deadlineState(at(79), SHARE));
    assertEquals(Deadline.State.AT_RISK, t.deadlineState(at(80), SHARE));
    assertEquals(Deadline.State.BREACHED, t.deadlineState(at(101), SHARE));
    t.reply("We are looking into it.", Actor.staff("alice"), at(90));
    assertEquals(Optional.of(at(1000)), t.currentDueAt());
    assertEquals(Deadline.State.OK, t.deadlineState(at(101), SHARE));
    t.resolve(io.keydesk.domain.model.ticket.Resolution.REFUNDED, null, Actor.staff("a"), at(95));
    assertEquals(Deadline.State.NONE, t.deadlineState(at(2000), SHARE));
  }

  @Test
  void aTargetAtRiskIsFlaggedOnceWithAnInternalLine() {
    Ticket t = inReview();
    assertFalse(t.flagAtRisk(Deadline.Target.RESPONSE, at(70), SHARE), "not yet");
    assertTrue(t.flagAtRisk(Deadline.Target.RESPONSE, at(85), SHARE));
    assertFalse(t.flagAtRisk(Deadline.Target.RESPONSE, at(86), SHARE), "once");
    TimelineEntry last = t.timeline().get(t.timeline().size() - 1);
    assertEquals(TimelineEntry.Kind.NOTE, last.kind());
    assertFalse(last.visibleToBuyer());
    assertEquals(Optional.of(at(85)), t.flaggedAtRisk(Deadline.Target.RESPONSE));
    List<TicketChange> changes = t.drainChanges();
    assertEquals(1, changes.size());
    assertEquals(TicketChange.Kind.DEADLINE_AT_RISK, changes.get(0).kind());
    assertEquals("RESPONSE", changes.get(0).detail());
  }

  @Test
  void aMissedTargetEscalatesToASupervisorOncePerTarget() {
    Ticket t = inReview();
    assertFalse(t.escalateMissed(Deadline.Target.RESPONSE, at(100)), "due, not missed");
    assertTrue(t.escalateMissed(Deadline.Target.RESPONSE, at(101)));
    assertFalse(t.escalateMissed(Deadline.Target.RESPONSE, at(102)), "once");
    assertFalse(t.escalateMissed(Deadline.Target.RESOLUTION, at(102)), "not missed yet");
    assertEquals(Optional.of(EscalationTarget.SUPERVISOR), t.escalationTarget());
    assertEquals(Optional.of(at(101)), t.escalatedAt());
    assertTrue(t.escalateMissed(Deadline.Target.RESOLUTION, at(1001)));
    List<TicketChange> changes = t.drainChanges();
    assertEquals(2, changes.size());
    assertTrue(changes.stream().allMatch(c -> c.kind() == TicketChange.Kind.ESCALATED));
    assertEquals(Actor.SYSTEM, changes.get(0).actor());
  }

  @Test
  void anAnsweredOrWaitingCaseDoesNotMissItsResponseTarget() {
    Ticket t = inReview();
    t.askBuyer("Which card did you pay with?", Actor.staff("alice"), at(10));
    assertFalse(t.escalateMissed(Deadline.Target.RESPONSE, at(500)));
    assertFalse(t.escalateMissed(Deadline.Target.RESOLUTION, at(5000)), "waits for the buyer");
  }

  @Test
  void agentsEscalateWithAReasonToASupervisorOrTheSupplier() {
    Ticket t = inReview();
    t.escalate(EscalationTarget.SUPPLIER, " batch B7 fails ", Actor.staff("alice"), at(5));
    assertEquals(Optional.of(EscalationTarget.SUPPLIER), t.escalationTarget());
    assertEquals(Optional.of("batch B7 fails"), t.escalationReason());
    TimelineEntry last = t.timeline().get(t.timeline().size() - 1);
    assertFalse(last.visibleToBuyer());
    assertTrue(last.body().orElseThrow().contains("batch B7 fails"));
    assertThrows(
        IllegalArgumentException.class,
        () -> t.escalate(EscalationTarget.SUPERVISOR, " ", Actor.staff("alice"), at(6)));
    t.resolve(io.keydesk.domain.model.ticket.Resolution.REFUNDED, null, Actor.staff("a"), at(7));
    assertThrows(
        IllegalTransitionException.class,
        () -> t.escalate(EscalationTarget.SUPERVISOR, "late", Actor.staff("alice"), at(8)));
  }

  @Test
  void assignmentIsAnInternalLineAndAChangeOnlyWhenTheAssigneeChanges() {
    Ticket t = inReview();
    assertTrue(t.enteredReview() || t.assignee().isEmpty());
    assertTrue(t.assignTo(alice, Actor.SYSTEM, at(1)));
    assertFalse(t.assignTo(alice, Actor.staff("sup"), at(2)), "already hers");
    assertEquals(Optional.of(alice), t.assignee());
    List<TicketChange> changes = t.drainChanges();
    assertEquals(1, changes.size());
    assertEquals(TicketChange.Kind.ASSIGNED, changes.get(0).kind());
    assertEquals("alice", changes.get(0).detail());
    TimelineEntry last = t.timeline().get(t.timeline().size() - 1);
    assertFalse(last.visibleToBuyer());
    alice.deactivate();
    StaffUser bob = new StaffUser("bob", "Bob", "hash", Role.AGENT, null, "en", T0);
    bob.deactivate();
    assertThrows(
        io.keydesk.domain.shared.DomainException.class, () -> t.assignTo(bob, Actor.SYSTEM, at(3)));
  }

  @Test
  void aTicketMovingIntoReviewUnassignedIsDueForAssignment() {
    Ticket t =
        Ticket.open(
            new TicketNo("KD-260302-7K3M9QXC"),
            new Ticket.Claim(
                order,
                null,
                category,
                "charged twice",
                "en",
                "web",
                Contact.parse(TestOrders.EMAIL).orElseThrow(),
                null),
            T0);
    assertFalse(t.enteredReview());
    t.sendToReview(Actor.SYSTEM, null, T0);
    assertTrue(t.enteredReview());
    t.assignTo(alice, Actor.SYSTEM, T0);
    assertFalse(t.enteredReview());
  }
}
