package io.keydesk.domain.model.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.domain.model.category.Category;
import io.keydesk.domain.model.category.CategoryCode;
import io.keydesk.domain.model.order.CardKey;
import io.keydesk.domain.model.order.Contact;
import io.keydesk.domain.model.order.Order;
import io.keydesk.domain.model.order.TestOrders;
import io.keydesk.domain.shared.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The ticket aggregate through its public behaviour, without a container. */
class TicketTest {
  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  private static final Actor AGENT = Actor.staff("alice");
  private static final TicketNo NO = new TicketNo("KD-260302-7K3M9QXA");
  private static final Contact BUYER = Contact.parse(TestOrders.EMAIL).orElseThrow();

  private final Order order = TestOrders.order("ORD-1001", 2);
  private final CardKey key = TestOrders.deliver(order, 0, "A");
  private final Category invalidKey =
      new Category(CategoryCode.INVALID_KEY, "Key does not work", "卡密无效", 60, 24 * 60);

  private Ticket.Claim claim(Category category, Contact contact) {
    return new Ticket.Claim(
        order,
        key,
        category,
        "  The key says it was already used.  ",
        "zh-CN",
        "web",
        contact,
        "idem-1");
  }

  private Ticket open() {
    return Ticket.open(NO, claim(invalidKey, BUYER), T0);
  }

  private static Instant at(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  private static TicketChange change(
      TicketChange.Kind kind, TicketStatus from, TicketStatus to, Actor actor) {
    return new TicketChange(kind, from, to, actor);
  }

  private static TimelineEntry last(Ticket t) {
    return t.timeline().get(t.timeline().size() - 1);
  }

  @Nested
  class Opening {
    @Test
    void aNewTicketIsSubmittedAndKeepsTheClaim() {
      Ticket t = open();

      assertEquals(TicketStatus.SUBMITTED, t.status());
      assertEquals(NO, t.ticketNo());
      assertEquals(order, t.order());
      assertEquals(Optional.of(key), t.cardKey());
      assertEquals(invalidKey, t.category());
      assertEquals("The key says it was already used.", t.description());
      assertEquals("zh-CN", t.language());
      assertEquals("web", t.channel());
      assertEquals(BUYER, t.buyerContact());
      assertTrue(t.isFiledBy(Contact.parse(" BUYER@example.com").orElseThrow()));
      assertFalse(t.isFiledBy(Contact.parse("someone@example.com").orElseThrow()));
      assertFalse(t.isFiledBy(null));
      assertEquals(T0, t.createdAt());
      assertEquals(Optional.empty(), t.firstResponseAt());
      assertEquals(Optional.empty(), t.resolution());
      assertEquals(Optional.empty(), t.resolvedAt());
    }

    @ParameterizedTest
    @MethodSource("io.keydesk.domain.model.ticket.TicketTest#targets")
    void deadlinesComeFromTheCategoryTargets(int responseMinutes, int resolutionMinutes) {
      Category category =
          new Category(
              CategoryCode.NOT_RECEIVED,
              "Key not received",
              "未收到卡密",
              responseMinutes,
              resolutionMinutes);

      Ticket t = Ticket.open(NO, claim(category, BUYER), T0);

      assertEquals(T0.plus(Duration.ofMinutes(responseMinutes)), t.responseDueAt());
      assertEquals(T0.plus(Duration.ofMinutes(resolutionMinutes)), t.resolutionDueAt());
    }

    @Test
    void theSubmissionIsTheFirstTimelineEntry() {
      Ticket t = open();

      assertEquals(1, t.timeline().size());
      TimelineEntry e = t.timeline().get(0);
      assertEquals(TimelineEntry.Kind.TRANSITION, e.kind());
      assertEquals(Optional.empty(), e.from());
      assertEquals(Optional.of(TicketStatus.SUBMITTED), e.to());
      assertEquals(Actor.buyer(), e.actor());
      assertTrue(e.visibleToBuyer());
      assertEquals(T0, e.at());
    }

    @Test
    void attachedFilesAreOneVisibleLineAndChangeNoStatus() {
      Ticket t = open();
      t.drainChanges();
      t.recordAttachments(3, Actor.buyer(), T0.plusSeconds(60));

      TimelineEntry e = t.timeline().get(t.timeline().size() - 1);
      assertEquals(TimelineEntry.Kind.MESSAGE, e.kind());
      assertTrue(e.visibleToBuyer());
      assertTrue(e.body().orElseThrow().contains("3 files attached"));
      assertTrue(e.body().orElseThrow().contains("已附加 3 个文件"));
      assertEquals(TicketStatus.SUBMITTED, t.status());
      assertEquals(1, t.drainChanges().size());
      assertThrows(IllegalArgumentException.class, () -> t.recordAttachments(0, Actor.buyer(), T0));
    }

    @Test
    void creationIsAnnouncedOnce() {
      Ticket t = open();

      assertEquals(
          List.of(change(TicketChange.Kind.CREATED, null, TicketStatus.SUBMITTED, Actor.buyer())),
          t.drainChanges());
      assertEquals(List.of(), t.drainChanges());
    }

    @Test
    void theBuyersPhoneNumberIsAcceptedAsContact() {
      Contact phone = Contact.parse("138-0013 8000").orElseThrow();

      Ticket t = Ticket.open(NO, claim(invalidKey, phone), T0);

      assertTrue(t.isFiledBy(phone));
    }

    @Test
    void aClaimWithAContactNotOfTheOrderIsRefused() {
      Contact stranger = Contact.parse("stranger@example.com").orElseThrow();

      assertThrows(IllegalArgumentException.class, () -> claim(invalidKey, stranger));
    }

    @Test
    void aClaimAboutAKeyOfAnotherOrderIsRefused() {
      CardKey otherKey = TestOrders.deliver(TestOrders.order("ORD-2002", 1), 0, "B");

      assertThrows(
          IllegalArgumentException.class,
          () -> new Ticket.Claim(order, otherKey, invalidKey, "broken", "en", "web", BUYER, null));
    }

    @Test
    void aClaimWithoutAKeyIsAboutTheWholeOrder() {
      Ticket t =
          Ticket.open(
              NO,
              new Ticket.Claim(order, null, invalidKey, "no key", "en", "web", BUYER, null),
              T0);

      assertEquals(Optional.empty(), t.cardKey());
    }

    @Test
    void aClaimNeedsADescriptionOfAtMost4000Characters() {
      assertThrows(
          IllegalArgumentException.class,
          () -> new Ticket.Claim(order, key, invalidKey, "   ", "en", "web", BUYER, null));
      assertThrows(
          IllegalArgumentException.class,
          () ->
              new Ticket.Claim(order, key, invalidKey, "x".repeat(4001), "en", "web", BUYER, null));
    }
  }

  static Stream<Arguments> targets() {
    return Stream.of(Arguments.of(60, 24 * 60), Arguments.of(4 * 60, 3 * 24 * 60));
  }

  @Nested
  class Conversation {
    @Test
    void theFirstAgentReplyStopsTheResponseClockAndLaterRepliesDoNotMoveIt() {
      Ticket t = open();

      t.reply("We are checking the key.", AGENT, at(10));
      t.reply("Still checking.", AGENT, at(20));

      assertEquals(Optional.of(at(10)), t.firstResponseAt());
    }

    @Test
    void aReplyToANewTicketIsAMessageThenAMoveToReview() {
      Ticket t = open();
      t.drainChanges();

      t.reply("  We are checking the key.  ", AGENT, at(10));

      assertEquals(TicketStatus.IN_REVIEW, t.status());
      assertEquals(3, t.timeline().size());
      TimelineEntry message = t.timeline().get(1);
      assertEquals(TimelineEntry.Kind.MESSAGE, message.kind());
      assertEquals(Optional.of("We are checking the key."), message.body());
      assertEquals(AGENT, message.actor());
      assertTrue(message.visibleToBuyer());
      TimelineEntry move = t.timeline().get(2);
      assertEquals(TimelineEntry.Kind.TRANSITION, move.kind());
      assertEquals(Optional.of(TicketStatus.SUBMITTED), move.from());
      assertEquals(Optional.of(TicketStatus.IN_REVIEW), move.to());
      assertEquals(
          List.of(
              change(
                  TicketChange.Kind.MESSAGE_ADDED,
                  TicketStatus.SUBMITTED,
                  TicketStatus.SUBMITTED,
                  AGENT),
              change(
                  TicketChange.Kind.TRANSITIONED,
                  TicketStatus.SUBMITTED,
                  TicketStatus.IN_REVIEW,
                  AGENT)),
          t.drainChanges());
      assertEquals(List.of(), t.drainChanges());
      assertEquals(at(10), t.updatedAt());
    }

    @Test
    void askingTheBuyerWaitsForTheBuyerAndTheirAnswerReturnsTheTicketToReview() {
      Ticket t = open();

      t.askBuyer("Which error message do you see?", AGENT, at(5));
      assertEquals(TicketStatus.AWAITING_BUYER, t.status());
      assertEquals(Optional.of(at(5)), t.firstResponseAt());

      t.addBuyerMessage("It says 'code already redeemed'.", at(30));
      assertEquals(TicketStatus.IN_REVIEW, t.status());
      TimelineEntry move = last(t);
      assertEquals(Optional.of(TicketStatus.AWAITING_BUYER), move.from());
      assertEquals(Optional.of(TicketStatus.IN_REVIEW), move.to());
      assertEquals(Actor.buyer(), move.actor());
      TimelineEntry answer = t.timeline().get(t.timeline().size() - 2);
      assertEquals(TimelineEntry.Kind.MESSAGE, answer.kind());
      assertEquals(Optional.of("It says 'code already redeemed'."), answer.body());
    }

    @Test
    void aBuyerMessageToANewTicketHandsItToAnAgent() {
      Ticket t = open();

      t.addBuyerMessage("I want to talk to a human.", at(1));

      assertEquals(TicketStatus.IN_REVIEW, t.status());
      assertEquals(Optional.empty(), t.firstResponseAt(), "the buyer does not answer themselves");
    }

    @Test
    void aBuyerMessageWhileInReviewOnlyAddsTheMessage() {
      Ticket t = open();
      t.sendToReview(AGENT, null, at(1));
      t.drainChanges();
      int entries = t.timeline().size();

      t.addBuyerMessage("Any news?", at(60));

      assertEquals(TicketStatus.IN_REVIEW, t.status());
      assertEquals(entries + 1, t.timeline().size());
      assertEquals(
          List.of(
              change(
                  TicketChange.Kind.MESSAGE_ADDED,
                  TicketStatus.IN_REVIEW,
                  TicketStatus.IN_REVIEW,
                  Actor.buyer())),
          t.drainChanges());
    }

    @Test
    void internalNotesAreNeitherVisibleToTheBuyerNorAnnouncedNorAResponse() {
      Ticket t = open();
      t.drainChanges();

      t.addInternalNote("Supplier batch 42 looks bad.", AGENT, at(3));

      TimelineEntry note = last(t);
      assertEquals(TimelineEntry.Kind.NOTE, note.kind());
      assertFalse(note.visibleToBuyer());
      assertEquals(Optional.of("Supplier batch 42 looks bad."), note.body());
      assertTrue(
          t.timeline().stream()
              .filter(TimelineEntry::visibleToBuyer)
              .noneMatch(e -> e.body().orElse("").contains("batch 42")));
      assertEquals(List.of(), t.drainChanges());
      assertEquals(Optional.empty(), t.firstResponseAt());
      assertEquals(TicketStatus.SUBMITTED, t.status());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void emptyMessagesAreRefused(String text) {
      Ticket t = open();

      assertThrows(IllegalArgumentException.class, () -> t.addBuyerMessage(text, at(1)));
      assertThrows(IllegalArgumentException.class, () -> t.reply(text, AGENT, at(1)));
      assertThrows(IllegalArgumentException.class, () -> t.addInternalNote(text, AGENT, at(1)));
      assertEquals(1, t.timeline().size());
    }

    @Test
    void messagesLongerThan4000CharactersAreRefused() {
      Ticket t = open();

      assertThrows(
          IllegalArgumentException.class, () -> t.addBuyerMessage("x".repeat(4001), at(1)));
      t.addBuyerMessage("x".repeat(4000), at(1));
      assertEquals(Optional.of("x".repeat(4000)), t.timeline().get(1).body());
    }

    @Test
    void theTimelineCannotBeEditedFromOutside() {
      Ticket t = open();

      assertThrows(UnsupportedOperationException.class, () -> t.timeline().clear());
    }
  }

  @Nested
  class Resolving {
    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void aRejectionNeedsAReasonForTheBuyer(String reason) {
      Ticket t = open();
      t.drainChanges();

      DomainException e =
          assertThrows(
              DomainException.class, () -> t.resolve(Resolution.REJECTED, reason, AGENT, at(10)));

      assertEquals("reason-required", e.code());
      assertEquals(TicketStatus.SUBMITTED, t.status());
      assertEquals(List.of(), t.drainChanges());
    }

    @Test
    void aRejectionWithAReasonResolvesTheTicket() {
      Ticket t = open();

      t.resolve(Resolution.REJECTED, "  The key was redeemed from your account.  ", AGENT, at(10));

      assertEquals(TicketStatus.RESOLVED, t.status());
      assertEquals(Optional.of(Resolution.REJECTED), t.resolution());
      assertEquals(Optional.of("The key was redeemed from your account."), t.resolutionNote());
      assertEquals(Optional.of(at(10)), t.resolvedAt());
    }

    @Test
    void otherResolutionsNeedNoNote() {
      Ticket t = open();

      t.resolve(Resolution.REPLACED, null, AGENT, at(10));

      assertEquals(Optional.of(Resolution.REPLACED), t.resolution());
      assertEquals(Optional.empty(), t.resolutionNote());
    }

    @Test
    void aResolutionByAnAgentCountsAsTheFirstResponse() {
      Ticket t = open();

      t.resolve(Resolution.ANSWERED, "See the guide.", AGENT, at(15));

      assertEquals(Optional.of(at(15)), t.firstResponseAt());
    }

    @Test
    void anAutomaticResolutionIsNotAnAgentResponse() {
      Ticket t = open();

      t.resolve(Resolution.REDELIVERED, null, Actor.SYSTEM, at(1));

      assertEquals(Optional.empty(), t.firstResponseAt());
    }

    @Test
    void theBuyerMaySayAnOpenCaseIsSolvedOnceAndReopenItLater() {
      Ticket t = open();
      t.sendToReview(Actor.SYSTEM, "An agent will help you use the key.", at(1));

      t.solvedByBuyer("You said the problem is solved.", at(5));

      assertEquals(TicketStatus.RESOLVED, t.status());
      assertEquals(Optional.of(Resolution.ANSWERED), t.resolution());
      assertEquals(Optional.empty(), t.firstResponseAt(), "no agent responded");
      assertThrows(IllegalTransitionException.class, () -> t.solvedByBuyer("again", at(6)));
      t.reopen("It stopped working", Actor.buyer(), at(7));
      t.solvedByBuyer("You said the problem is solved.", at(8));
      assertEquals(TicketStatus.RESOLVED, t.status());
      t.close(Actor.SYSTEM, at(9));
      assertThrows(IllegalTransitionException.class, () -> t.solvedByBuyer("closed", at(10)));
    }

    @Test
    void aResolvedTicketRefusesMessagesUntilReopened() {
      Ticket t = open();
      t.resolve(Resolution.ANSWERED, "See the guide.", AGENT, at(15));

      assertThrows(
          IllegalTransitionException.class, () -> t.addBuyerMessage("Still broken", at(20)));
      assertThrows(IllegalTransitionException.class, () -> t.reply("Hello", AGENT, at(20)));

      t.reopen("Still broken", Actor.buyer(), at(20));
      t.addBuyerMessage("The guide did not help.", at(21));
      assertEquals(TicketStatus.IN_REVIEW, t.status());
    }

    @Test
    void theBuyerCanReopenUpToSevenDaysAfterTheResolution() {
      Ticket t = open();
      t.resolve(Resolution.REPLACED, "New key sent.", AGENT, at(30));
      t.drainChanges();
      Instant lastMoment = at(30).plus(Duration.ofDays(7));

      t.reopen("The new key fails too.", Actor.buyer(), lastMoment);

      assertEquals(TicketStatus.REOPENED, t.status());
      assertEquals(Optional.empty(), t.resolution());
      assertEquals(Optional.empty(), t.resolutionNote());
      assertEquals(Optional.empty(), t.resolvedAt());
      TimelineEntry move = last(t);
      assertEquals(Optional.of(TicketStatus.RESOLVED), move.from());
      assertEquals(Optional.of(TicketStatus.REOPENED), move.to());
      assertEquals(Optional.of("The new key fails too."), move.body());
      assertEquals(
          List.of(
              change(
                  TicketChange.Kind.TRANSITIONED,
                  TicketStatus.RESOLVED,
                  TicketStatus.REOPENED,
                  Actor.buyer())),
          t.drainChanges());
    }

    @Test
    void reopeningAfterSevenDaysIsRefused() {
      Ticket t = open();
      t.resolve(Resolution.REPLACED, "New key sent.", AGENT, at(30));
      Instant tooLate = at(30).plus(Duration.ofDays(7)).plusSeconds(1);

      DomainException e =
          assertThrows(DomainException.class, () -> t.reopen("fails", Actor.buyer(), tooLate));

      assertEquals("reopen-window-passed", e.code());
      assertEquals(TicketStatus.RESOLVED, t.status());
      assertEquals(Optional.of(Resolution.REPLACED), t.resolution());
    }

    @Test
    void theReopenWindowCountsFromTheLatestResolution() {
      Ticket t = open();
      t.resolve(Resolution.REPLACED, "New key sent.", AGENT, at(30));
      t.reopen("fails", Actor.buyer(), at(30).plus(Duration.ofDays(6)));
      Instant secondResolution = at(30).plus(Duration.ofDays(6)).plusSeconds(60);
      t.resolve(Resolution.REFUNDED, "Refunded.", AGENT, secondResolution);

      t.reopen("refund missing", Actor.buyer(), secondResolution.plus(Duration.ofDays(7)));

      assertEquals(TicketStatus.REOPENED, t.status());
    }

    @Test
    void aClosedTicketRefusesMessagesAndEveryMove() {
      Ticket t = open();
      t.resolve(Resolution.ANSWERED, "See the guide.", AGENT, at(15));
      t.close(Actor.SYSTEM, at(15).plus(Duration.ofDays(8)));
      t.drainChanges();
      int entries = t.timeline().size();

      assertThrows(IllegalTransitionException.class, () -> t.addBuyerMessage("hello", at(99)));
      assertThrows(IllegalTransitionException.class, () -> t.reply("hello", AGENT, at(99)));
      assertThrows(IllegalTransitionException.class, () -> t.askBuyer("hello", AGENT, at(99)));
      assertThrows(
          IllegalTransitionException.class, () -> t.reopen("again", Actor.buyer(), at(99)));
      assertThrows(IllegalTransitionException.class, () -> t.close(AGENT, at(99)));

      assertEquals(TicketStatus.CLOSED, t.status());
      assertEquals(entries, t.timeline().size());
      assertEquals(List.of(), t.drainChanges());
    }

    @Test
    void aWholeCaseIsAnnouncedInOrder() {
      Ticket t = open();
      t.askBuyer("Which error?", AGENT, at(5));
      t.addBuyerMessage("Already redeemed.", at(10));
      t.resolve(Resolution.REPLACED, "New key sent.", AGENT, at(20));
      t.close(Actor.SYSTEM, at(20).plus(Duration.ofDays(7)));

      List<TicketChange.Kind> kinds = t.drainChanges().stream().map(TicketChange::kind).toList();

      assertEquals(
          List.of(
              TicketChange.Kind.CREATED,
              TicketChange.Kind.MESSAGE_ADDED,
              TicketChange.Kind.TRANSITIONED,
              TicketChange.Kind.MESSAGE_ADDED,
              TicketChange.Kind.TRANSITIONED,
              TicketChange.Kind.TRANSITIONED,
              TicketChange.Kind.TRANSITIONED),
          kinds);
      assertEquals(List.of(), t.drainChanges());
      assertEquals(
          List.of(
              TicketStatus.SUBMITTED,
              TicketStatus.AWAITING_BUYER,
              TicketStatus.IN_REVIEW,
              TicketStatus.RESOLVED,
              TicketStatus.CLOSED),
          t.timeline().stream()
              .filter(e -> e.kind() == TimelineEntry.Kind.TRANSITION)
              .map(e -> e.to().orElseThrow())
              .toList());
    }
  }

  /** A way to move a ticket, through its public methods. */
  enum Move {
    SEND_TO_REVIEW(TicketStatus.IN_REVIEW) {
      @Override
      void apply(Ticket t, Instant at) {
        t.sendToReview(AGENT, "needs a human", at);
      }
    },
    ASK_BUYER(TicketStatus.AWAITING_BUYER) {
      @Override
      void apply(Ticket t, Instant at) {
        t.askBuyer("Which error do you see?", AGENT, at);
      }
    },
    RESOLVE(TicketStatus.RESOLVED) {
      @Override
      void apply(Ticket t, Instant at) {
        t.resolve(Resolution.REPLACED, "New key sent.", AGENT, at);
      }
    },
    REOPEN(TicketStatus.REOPENED) {
      @Override
      void apply(Ticket t, Instant at) {
        t.reopen("Still broken.", Actor.buyer(), at);
      }
    },
    CLOSE(TicketStatus.CLOSED) {
      @Override
      void apply(Ticket t, Instant at) {
        t.close(Actor.SYSTEM, at);
      }
    };

    final TicketStatus target;

    Move(TicketStatus target) {
      this.target = target;
    }

    abstract void apply(Ticket t, Instant at);
  }

  /** A ticket brought into {@code status} through the public methods, its changes drained. */
  private Ticket ticketIn(TicketStatus status) {
    Ticket t = open();
    switch (status) {
      case SUBMITTED -> {}
      case IN_REVIEW -> t.sendToReview(AGENT, null, at(1));
      case AWAITING_BUYER -> t.askBuyer("Which error?", AGENT, at(1));
      case RESOLVED -> t.resolve(Resolution.ANSWERED, "See the guide.", AGENT, at(1));
      case REOPENED -> {
        t.resolve(Resolution.ANSWERED, "See the guide.", AGENT, at(1));
        t.reopen("Did not help.", Actor.buyer(), at(2));
      }
      case CLOSED -> {
        t.resolve(Resolution.ANSWERED, "See the guide.", AGENT, at(1));
        t.close(Actor.SYSTEM, at(2));
      }
      default -> throw new IllegalArgumentException(status + " is not reachable from outside");
    }
    assertEquals(status, t.status());
    t.drainChanges();
    return t;
  }

  /**
   * Every move from every state a ticket can be brought into from outside (no public method leads
   * to AUTO_RESOLVING), split by whether the lifecycle allows it.
   */
  private static Stream<Arguments> moves(boolean allowed) {
    return Arrays.stream(TicketStatus.values())
        .filter(s -> s != TicketStatus.AUTO_RESOLVING)
        .flatMap(
            s ->
                Arrays.stream(Move.values())
                    .filter(m -> s.canMoveTo(m.target) == allowed)
                    .map(m -> Arguments.of(s, m)));
  }

  static Stream<Arguments> allowedMoves() {
    return moves(true);
  }

  static Stream<Arguments> forbiddenMoves() {
    return moves(false);
  }

  @ParameterizedTest(name = "{0} --{1}-->")
  @MethodSource("allowedMoves")
  void everyMoveTheLifecycleAllowsSucceedsAndIsRecorded(TicketStatus from, Move move) {
    Ticket t = ticketIn(from);

    move.apply(t, at(3));

    assertEquals(move.target, t.status());
    TimelineEntry entry = last(t);
    assertEquals(TimelineEntry.Kind.TRANSITION, entry.kind());
    assertEquals(Optional.of(from), entry.from());
    assertEquals(Optional.of(move.target), entry.to());
    List<TicketChange> changes = t.drainChanges();
    assertEquals(
        new TicketChange(TicketChange.Kind.TRANSITIONED, from, move.target, entry.actor()),
        changes.get(changes.size() - 1));
  }

  @ParameterizedTest(name = "{0} --{1}-->")
  @MethodSource("refusedMoves")
  void everyMoveTheLifecycleForbidsIsRefused(TicketStatus from, Move move) {
    Ticket t = ticketIn(from);

    IllegalTransitionException e =
        assertThrows(IllegalTransitionException.class, () -> move.apply(t, at(3)));

    assertEquals("illegal-transition", e.code());
    assertEquals(from, t.status());
  }

  /** Forbidden moves; asking a buyer who is already asked is allowed (tested below). */
  static Stream<Arguments> refusedMoves() {
    return moves(false)
        .filter(a -> !(a.get()[0] == TicketStatus.AWAITING_BUYER && a.get()[1] == Move.ASK_BUYER));
  }

  @ParameterizedTest(name = "{0} --{1}-->")
  @MethodSource("refusedMoves")
  void aRefusedMoveLeavesNoTrace(TicketStatus from, Move move) {
    assertRefusedWithoutTrace(ticketIn(from), move);
  }

  @Test
  void askingABuyerWhoIsAlreadyAskedAddsTheQuestionWithoutATransition() {
    Ticket t = ticketIn(TicketStatus.AWAITING_BUYER);
    int entries = t.timeline().size();
    t.drainChanges();

    Move.ASK_BUYER.apply(t, at(3));

    assertEquals(TicketStatus.AWAITING_BUYER, t.status());
    assertEquals(entries + 1, t.timeline().size());
    assertEquals(
        List.of(TicketChange.Kind.MESSAGE_ADDED),
        t.drainChanges().stream().map(TicketChange::kind).toList());
  }

  private static void assertRefusedWithoutTrace(Ticket t, Move move) {
    TicketStatus from = t.status();
    List<TimelineEntry> before = List.copyOf(t.timeline());
    Optional<Instant> firstResponse = t.firstResponseAt();
    Instant updated = t.updatedAt();

    assertThrows(IllegalTransitionException.class, () -> move.apply(t, at(3)));

    assertEquals(from, t.status());
    assertEquals(before, t.timeline());
    assertEquals(List.of(), t.drainChanges());
    assertEquals(firstResponse, t.firstResponseAt());
    assertEquals(updated, t.updatedAt());
  }

  @Nested
  class AfterFiling {
    @Test
    void askingForAHumanMovesAnOpenCaseToReviewOnceWithANoteOnTheTimeline() {
      Ticket t = open();
      t.drainChanges();

      assertTrue(t.handOff("I want to talk to someone", at(5)));

      assertEquals(TicketStatus.IN_REVIEW, t.status());
      TimelineEntry move = last(t);
      assertEquals(Optional.of(TicketStatus.IN_REVIEW), move.to());
      assertEquals(Actor.Type.BUYER, move.actor().type());
      assertEquals(Optional.of(Ticket.HANDOFF_NOTE + ": I want to talk to someone"), move.body());
      int entries = t.timeline().size();
      t.drainChanges();

      assertFalse(t.handOff(null, at(6)), "asking again changes nothing");
      assertEquals(entries, t.timeline().size());
      assertEquals(List.of(), t.drainChanges());
    }

    @Test
    void askingForAHumanOnAResolvedCaseReopensItWithinTheWindowOnly() {
      Ticket t = open();
      t.resolve(Resolution.ANSWERED, "See the guide.", AGENT, at(10));
      t.drainChanges();

      assertTrue(t.handOff(null, at(20)));

      assertEquals(TicketStatus.IN_REVIEW, t.status());
      assertEquals(
          List.of(
              change(
                  TicketChange.Kind.TRANSITIONED,
                  TicketStatus.RESOLVED,
                  TicketStatus.REOPENED,
                  Actor.buyer()),
              change(
                  TicketChange.Kind.TRANSITIONED,
                  TicketStatus.REOPENED,
                  TicketStatus.IN_REVIEW,
                  Actor.buyer())),
          t.drainChanges());

      Ticket late = open();
      late.resolve(Resolution.ANSWERED, "See the guide.", AGENT, at(10));
      DomainException e =
          assertThrows(
              DomainException.class, () -> late.handOff(null, at(10).plus(Duration.ofDays(8))));
      assertEquals("reopen-window-passed", e.code());
      assertEquals(TicketStatus.RESOLVED, late.status());
    }

    @Test
    void aClosedCaseCannotBeHandedToAHuman() {
      Ticket t = open();
      t.resolve(Resolution.ANSWERED, "See the guide.", AGENT, at(10));
      t.close(AGENT, at(11));

      assertThrows(IllegalTransitionException.class, () -> t.handOff(null, at(12)));
    }

    @Test
    void theReopenDeadlineIsKnownOnlyWhileResolved() {
      Ticket t = open();
      assertEquals(Optional.empty(), t.reopenUntil());
      t.resolve(Resolution.ANSWERED, "See the guide.", AGENT, at(10));
      assertEquals(Optional.of(at(10).plus(Ticket.REOPEN_WINDOW)), t.reopenUntil());
      t.close(AGENT, at(11));
      assertEquals(Optional.empty(), t.reopenUntil());
    }

    @Test
    void aResolvedCaseIsRatedOnceAndTheRatingIsAnnounced() {
      Ticket t = open();
      DomainException early = assertThrows(DomainException.class, () -> t.rate(5, null, at(1)));
      assertEquals("not-resolved", early.code());
      t.resolve(Resolution.ANSWERED, "See the guide.", AGENT, at(10));
      t.drainChanges();

      t.rate(4, "  Quick  ", at(12));

      assertEquals(Optional.of(4), t.ratingScore());
      assertEquals(Optional.of("Quick"), t.ratingComment());
      assertEquals(Optional.of(at(12)), t.ratedAt());
      assertEquals(
          List.of(
              change(
                  TicketChange.Kind.RATED,
                  TicketStatus.RESOLVED,
                  TicketStatus.RESOLVED,
                  Actor.buyer())),
          t.drainChanges());
      DomainException twice = assertThrows(DomainException.class, () -> t.rate(1, null, at(13)));
      assertEquals("already-rated", twice.code());
      assertEquals(Optional.of(4), t.ratingScore());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6, -1})
    void scoresOutsideOneToFiveAreRefused(int score) {
      Ticket t = open();
      t.resolve(Resolution.ANSWERED, "See the guide.", AGENT, at(10));

      assertThrows(IllegalArgumentException.class, () -> t.rate(score, null, at(12)));
      assertEquals(Optional.empty(), t.ratedAt());
    }
  }
}
