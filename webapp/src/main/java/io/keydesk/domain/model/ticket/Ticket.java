package io.keydesk.domain.model.ticket;

import static io.keydesk.domain.shared.Checks.notBlank;
import static io.keydesk.domain.shared.Checks.notNull;

import io.keydesk.domain.model.category.Category;
import io.keydesk.domain.model.order.CardKey;
import io.keydesk.domain.model.order.Contact;
import io.keydesk.domain.model.order.Order;
import io.keydesk.domain.model.risk.Decision;
import io.keydesk.domain.model.risk.RiskAssessment;
import io.keydesk.domain.model.staff.StaffUser;
import io.keydesk.domain.shared.DomainException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** One after-sales case about one order (and optionally one of its keys). */
@Entity
@Table(name = "ticket")
@NamedQuery(name = "Ticket.byNo", query = "SELECT t FROM Ticket t WHERE t.ticketNo = :ticketNo")
@NamedQuery(
    name = "Ticket.byIdempotencyKey",
    query = "SELECT t FROM Ticket t WHERE t.buyerContact = :contact AND t.idempotencyKey = :key")
@NamedQuery(
    name = "Ticket.ofContact",
    query = "SELECT t FROM Ticket t WHERE t.buyerContact = :contact ORDER BY t.createdAt DESC")
public class Ticket {
  /** How long after resolution the buyer may reopen a ticket. */
  public static final Duration REOPEN_WINDOW = Duration.ofDays(7);

  public static final int MAX_TEXT = 4000;

  /** The longest comment a buyer may give with a rating. */
  public static final int MAX_RATING_COMMENT = 1000;

  /** What the timeline says when the buyer asks for a human (转人工), in both portal languages. */
  public static final String HANDOFF_NOTE = "Buyer asked for a human · 买家要求转人工";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "ticket_no")
  private String ticketNo;

  @ManyToOne(optional = false)
  @JoinColumn(name = "order_id")
  private Order order;

  @ManyToOne
  @JoinColumn(name = "card_key_id")
  private CardKey cardKey;

  @ManyToOne(optional = false)
  @JoinColumn(name = "category_code")
  private Category category;

  @Enumerated(EnumType.STRING)
  @Column(name = "status")
  private TicketStatus status;

  @Enumerated(EnumType.STRING)
  @Column(name = "resolution")
  private Resolution resolution;

  @Column(name = "resolution_note")
  private String resolutionNote;

  @Column(name = "description")
  private String description;

  @Column(name = "language")
  private String language;

  @Column(name = "channel")
  private String channel;

  @Column(name = "buyer_contact")
  private String buyerContact;

  @Column(name = "idempotency_key")
  private String idempotencyKey;

  @ManyToOne
  @JoinColumn(name = "assignee_id")
  private StaffUser assignee;

  @Column(name = "response_due_at")
  private Instant responseDueAt;

  @Column(name = "resolution_due_at")
  private Instant resolutionDueAt;

  @Column(name = "first_response_at")
  private Instant firstResponseAt;

  @Column(name = "resolved_at")
  private Instant resolvedAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @Column(name = "client_ip")
  private String clientIp;

  @Column(name = "device_id")
  private String deviceId;

  @Column(name = "error_text")
  private String errorText;

  @Column(name = "intended_product")
  private String intendedProduct;

  @Column(name = "classified_category")
  private String classifiedCategory;

  @Column(name = "classified_confidence")
  private java.math.BigDecimal classifiedConfidence;

  @Column(name = "hints")
  private String hints;

  @Enumerated(EnumType.STRING)
  @Column(name = "risk_decision")
  private Decision riskDecision;

  @Column(name = "risk_reasons")
  private String riskReasons;

  @Column(name = "credit_score")
  private Integer creditScore;

  @Column(name = "auto_action")
  private String autoAction;

  @Column(name = "rank_at")
  private Instant rankAt;

  @Column(name = "rating_score")
  private Integer ratingScore;

  @Column(name = "rating_comment")
  private String ratingComment;

  @Column(name = "rated_at")
  private Instant ratedAt;

  @Column(name = "assigned_at")
  private Instant assignedAt;

  @Column(name = "response_at_risk_at")
  private Instant responseAtRiskAt;

  @Column(name = "resolution_at_risk_at")
  private Instant resolutionAtRiskAt;

  @Column(name = "response_breached_at")
  private Instant responseBreachedAt;

  @Column(name = "resolution_breached_at")
  private Instant resolutionBreachedAt;

  @Column(name = "escalated_at")
  private Instant escalatedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "escalation_target")
  private EscalationTarget escalationTarget;

  @Column(name = "escalation_reason")
  private String escalationReason;

  @Version private int version;

  @OneToMany(mappedBy = "ticket", cascade = CascadeType.PERSIST)
  @OrderBy("seq")
  private List<TimelineEntry> timeline = new ArrayList<>();

  @Transient private List<TicketChange> changes = new ArrayList<>();

  protected Ticket() {}

  /** What a buyer files. */
  public record Claim(
      Order order,
      CardKey cardKey,
      Category category,
      String description,
      String language,
      String channel,
      Contact contact,
      String idempotencyKey) {
    public Claim {
      notNull(order, "order");
      notNull(category, "category");
      notBlank(description, "description", MAX_TEXT);
      notBlank(language, "language", 8);
      notBlank(channel, "channel", 16);
      notNull(contact, "contact");
      if (!order.belongsTo(contact)) {
        throw new IllegalArgumentException("the contact is not the order's buyer");
      }
      if (cardKey != null && !cardKey.order().orderNo().equals(order.orderNo())) {
        throw new IllegalArgumentException("the key does not belong to the order");
      }
      if (idempotencyKey != null) {
        notBlank(idempotencyKey, "idempotency key", 100);
      }
    }
  }

  /** Opens a case; deadlines come from the category's published targets. */
  public static Ticket open(TicketNo no, Claim claim, Instant now) {
    Ticket t = new Ticket();
    t.ticketNo = notNull(no, "ticket number").value();
    t.order = claim.order();
    t.cardKey = claim.cardKey();
    t.category = claim.category();
    t.description = claim.description().strip();
    t.language = claim.language();
    t.channel = claim.channel();
    t.buyerContact = claim.contact().value();
    t.idempotencyKey = claim.idempotencyKey();
    t.status = TicketStatus.SUBMITTED;
    t.createdAt = notNull(now, "now");
    t.updatedAt = now;
    t.responseDueAt = claim.category().responseDueFrom(now);
    t.rankAt = t.responseDueAt;
    t.resolutionDueAt = claim.category().resolutionDueFrom(now);
    Actor buyer = Actor.buyer();
    t.timeline.add(
        new TimelineEntry(
            t,
            TimelineEntry.Kind.TRANSITION,
            null,
            TicketStatus.SUBMITTED,
            buyer,
            null,
            true,
            now));
    t.changes.add(new TicketChange(TicketChange.Kind.CREATED, null, TicketStatus.SUBMITTED, buyer));
    return t;
  }

  /** Where the claim came from: the client's address and device, when known. */
  public void recordOrigin(String clientIp, String deviceId) {
    this.clientIp = clientIp == null ? null : notBlank(clientIp, "client IP", 45);
    this.deviceId = deviceId == null ? null : notBlank(deviceId, "device id", 100);
  }

  /** What the buyer gave beside the description: the error shown, the product they meant. */
  public void recordEvidence(String errorText, String intendedProduct) {
    this.errorText = errorText == null ? null : notBlank(errorText, "error text", MAX_TEXT).strip();
    this.intendedProduct =
        intendedProduct == null ? null : notBlank(intendedProduct, "intended product", 200).strip();
  }

  /** The classifier's reading of the description, and the hints found in it (JSON). */
  public void recordClassification(String category, double confidence, String hintsJson) {
    this.classifiedCategory = notBlank(category, "classified category", 32);
    this.classifiedConfidence =
        java.math.BigDecimal.valueOf(confidence).setScale(3, java.math.RoundingMode.HALF_UP);
    this.hints = hintsJson;
  }

  /**
   * The risk engine's decision (reasons as JSON) and the queue rank that follows from it: see
   * {@link Priority}.
   */
  public void recordRisk(RiskAssessment assessment, String reasonsJson) {
    notNull(assessment, "assessment");
    this.riskDecision = assessment.decision();
    this.riskReasons = reasonsJson;
    this.creditScore = assessment.creditScore();
    this.rankAt = Priority.rankAt(responseDueAt, order.amount(), assessment);
  }

  /** The automatic action taken on this case, for staff and reports. */
  public void recordAutoAction(String action) {
    this.autoAction = notBlank(action, "automatic action", 24);
  }

  /** The system starts acting on the case on its own (the risk engine allowed it). */
  public void startAutoResolution(Instant now) {
    moveTo(TicketStatus.AUTO_RESOLVING, Actor.SYSTEM, null, now);
  }

  /** Hands the case to a human. */
  public void sendToReview(Actor actor, String reason, Instant now) {
    moveTo(TicketStatus.IN_REVIEW, actor, reason, now);
  }

  /** The buyer wrote. A case waiting for the buyer goes back to review. */
  public void addBuyerMessage(String text, Instant now) {
    requireOpen("receive messages");
    Actor buyer = Actor.buyer();
    addEntry(TimelineEntry.Kind.MESSAGE, buyer, text, true, now);
    if (status == TicketStatus.AWAITING_BUYER
        || status == TicketStatus.SUBMITTED
        || status == TicketStatus.REOPENED) {
      moveTo(TicketStatus.IN_REVIEW, buyer, null, now);
    }
  }

  /**
   * Files were attached to the case (by the buyer or an agent): one visible line on the timeline so
   * agents see the evidence. The status does not change.
   */
  public void recordAttachments(int count, Actor actor, Instant now) {
    requireOpen("receive attachments");
    if (count < 1) {
      throw new IllegalArgumentException("count must be positive");
    }
    notNull(actor, "actor");
    String text =
        count == 1
            ? "1 file attached · 已附加 1 个文件"
            : count + " files attached · 已附加 " + count + " 个文件";
    addEntry(TimelineEntry.Kind.MESSAGE, actor, text, true, now);
  }

  /** An agent answered the buyer; the first answer stops the response clock. */
  public void reply(String text, Actor agent, Instant now) {
    requireOpen("be replied to");
    addEntry(TimelineEntry.Kind.MESSAGE, agent, text, true, now);
    markResponded(now);
    if (status == TicketStatus.SUBMITTED || status == TicketStatus.REOPENED) {
      moveTo(TicketStatus.IN_REVIEW, agent, null, now);
    }
  }

  /**
   * An agent needs more from the buyer. Asking again while the ticket already waits for the buyer
   * adds the question without a transition.
   */
  public void askBuyer(String question, Actor agent, Instant now) {
    requireOpen("ask the buyer");
    boolean waiting = status == TicketStatus.AWAITING_BUYER;
    if (!waiting && !status.canMoveTo(TicketStatus.AWAITING_BUYER)) {
      throw new IllegalTransitionException(status, "ask the buyer");
    }
    addEntry(TimelineEntry.Kind.MESSAGE, agent, question, true, now);
    markResponded(now);
    if (!waiting) {
      moveTo(TicketStatus.AWAITING_BUYER, agent, null, now);
    }
  }

  /** Staff-only note; never shown to the buyer. */
  public void addInternalNote(String text, Actor agent, Instant now) {
    addEntry(TimelineEntry.Kind.NOTE, agent, text, false, now);
  }

  /** Resolves the case. A rejection needs a reason the buyer can read. */
  public void resolve(Resolution how, String note, Actor actor, Instant now) {
    notNull(how, "resolution");
    if (how == Resolution.REJECTED && (note == null || note.isBlank())) {
      throw new DomainException("reason-required", "a rejection needs a reason for the buyer");
    }
    if (note != null && note.length() > MAX_TEXT) {
      throw new IllegalArgumentException("note is longer than " + MAX_TEXT + " characters");
    }
    moveTo(TicketStatus.RESOLVED, actor, note, now);
    resolution = how;
    resolutionNote = note == null || note.isBlank() ? null : note.strip();
    resolvedAt = now;
    if (actor.type() == Actor.Type.STAFF) {
      markResponded(now);
    }
  }

  /**
   * The buyer says the problem is solved (the delivery mail turned up, the key works in the right
   * store): an open case is resolved as {@link Resolution#ANSWERED} by the buyer, with {@code note}
   * in their language, and can be reopened within {@link #REOPEN_WINDOW} like any resolution. The
   * state machine refuses a resolved or closed case.
   */
  public void solvedByBuyer(String note, Instant now) {
    resolve(Resolution.ANSWERED, notBlank(note, "note", MAX_TEXT), Actor.buyer(), now);
  }

  /** The buyer is not satisfied; allowed within {@link #REOPEN_WINDOW} of the resolution. */
  public void reopen(String reason, Actor actor, Instant now) {
    if (status != TicketStatus.RESOLVED) {
      throw new IllegalTransitionException(status, "be reopened");
    }
    if (now.isAfter(resolvedAt.plus(REOPEN_WINDOW))) {
      throw new DomainException("reopen-window-passed", "the reopen window has passed");
    }
    moveTo(TicketStatus.REOPENED, actor, reason, now);
    resolution = null;
    resolutionNote = null;
    resolvedAt = null;
  }

  /**
   * The buyer asks for a human (转人工) on an existing case. An open case that is not already with an
   * agent goes to review; a resolved case inside {@link #REOPEN_WINDOW} is reopened and goes to
   * review; a closed case, or a resolved one past the window, refuses. Asking while the case is
   * already in review changes nothing.
   *
   * @return whether the case changed
   */
  public boolean handOff(String reason, Instant now) {
    if (reason != null) {
      notBlank(reason, "reason", MAX_TEXT);
    }
    String note = reason == null ? HANDOFF_NOTE : HANDOFF_NOTE + ": " + reason.strip();
    if (status == TicketStatus.IN_REVIEW) {
      return false;
    }
    Actor buyer = Actor.buyer();
    if (status == TicketStatus.RESOLVED) {
      reopen(note, buyer, now);
    } else if (status == TicketStatus.CLOSED) {
      throw new IllegalTransitionException(status, "be handed to a human");
    }
    moveTo(TicketStatus.IN_REVIEW, buyer, note, now);
    return true;
  }

  /**
   * The buyer rates how the case was handled: once, 1 to 5, with an optional comment, only after it
   * was resolved.
   */
  public void rate(int score, String comment, Instant now) {
    if (score < 1 || score > 5) {
      throw new IllegalArgumentException("score must be 1 to 5");
    }
    if (comment != null && comment.length() > MAX_RATING_COMMENT) {
      throw new IllegalArgumentException(
          "comment is longer than " + MAX_RATING_COMMENT + " characters");
    }
    if (status != TicketStatus.RESOLVED && status != TicketStatus.CLOSED) {
      throw new DomainException("not-resolved", "only a resolved or closed case can be rated");
    }
    if (ratedAt != null) {
      throw new DomainException("already-rated", "this case was rated already");
    }
    ratingScore = score;
    ratingComment = comment == null || comment.isBlank() ? null : comment.strip();
    ratedAt = notNull(now, "now");
    updatedAt = now;
    changes.add(new TicketChange(TicketChange.Kind.RATED, status, status, Actor.buyer()));
  }

  /** Closes a resolved case for good. */
  public void close(Actor actor, Instant now) {
    moveTo(TicketStatus.CLOSED, actor, null, now);
    closedAt = now;
  }

  /** The longest reason an escalation may carry. */
  public static final int MAX_ESCALATION_REASON = 500;

  /**
   * The case goes to this member of staff (automatic assignment or a supervisor's reassignment): an
   * internal timeline line and a change to announce. Assigning to the current assignee changes
   * nothing.
   *
   * @return whether the assignee changed
   */
  public boolean assignTo(StaffUser agent, Actor by, Instant now) {
    notNull(agent, "agent");
    notNull(by, "actor");
    requireOpen("be assigned");
    if (!agent.isActive()) {
      throw new DomainException("inactive-staff", "an inactive member of staff gets no tickets");
    }
    if (assignee != null && assignee.username().equals(agent.username())) {
      return false;
    }
    assignee = agent;
    assignedAt = notNull(now, "now");
    updatedAt = now;
    timeline.add(
        new TimelineEntry(
            this,
            TimelineEntry.Kind.NOTE,
            status,
            status,
            by,
            "Assigned to " + agent.username() + " · 已分配给 " + agent.username(),
            false,
            now));
    changes.add(new TicketChange(TicketChange.Kind.ASSIGNED, status, status, by, agent.username()));
    return true;
  }

  /**
   * Escalates the case to a supervisor or to the supplier, with a reason staff read (not shown to
   * the buyer). A case may be escalated again (e.g. first to the supplier, then to a supervisor);
   * the latest escalation is the one the queue shows.
   */
  public void escalate(EscalationTarget target, String reason, Actor actor, Instant now) {
    notNull(target, "escalation target");
    notNull(actor, "actor");
    notBlank(reason, "reason", MAX_ESCALATION_REASON);
    requireOpen("be escalated");
    escalatedAt = notNull(now, "now");
    escalationTarget = target;
    escalationReason = reason.strip();
    updatedAt = now;
    String to = target == EscalationTarget.SUPERVISOR ? "supervisor · 主管" : "supplier · 供应商";
    timeline.add(
        new TimelineEntry(
            this,
            TimelineEntry.Kind.NOTE,
            status,
            status,
            actor,
            "Escalated to " + to + ": " + escalationReason,
            false,
            now));
    changes.add(
        new TicketChange(TicketChange.Kind.ESCALATED, status, status, actor, target.name()));
  }

  /** The target whose clock runs now: the first response until answered, then the resolution. */
  public Optional<Deadline.Target> currentTarget() {
    if (!targetsRun()) {
      return Optional.empty();
    }
    return Optional.of(
        firstResponseAt == null ? Deadline.Target.RESPONSE : Deadline.Target.RESOLUTION);
  }

  /** When the current target is due, if one runs. */
  public Optional<Instant> currentDueAt() {
    return currentTarget().map(this::dueAt);
  }

  /** Where the case stands against its current target. */
  public Deadline.State deadlineState(Instant now, double atRiskShare) {
    return currentTarget()
        .map(target -> Deadline.state(createdAt, dueAt(target), now, atRiskShare))
        .orElse(Deadline.State.NONE);
  }

  /**
   * Flags a target that is about to be missed: one internal timeline line, once per target. Does
   * nothing when the target does not run, is not at risk, or was flagged already.
   *
   * @return whether the ticket was flagged now
   */
  public boolean flagAtRisk(Deadline.Target target, Instant now, double atRiskShare) {
    notNull(target, "target");
    if (!runs(target)
        || Deadline.state(createdAt, dueAt(target), now, atRiskShare) != Deadline.State.AT_RISK
        || atRiskAt(target) != null) {
      return false;
    }
    if (target == Deadline.Target.RESPONSE) {
      responseAtRiskAt = now;
    } else {
      resolutionAtRiskAt = now;
    }
    updatedAt = now;
    String text =
        target == Deadline.Target.RESPONSE
            ? "First-response target at risk · 首次响应即将超时"
            : "Resolution target at risk · 解决时限即将超时";
    timeline.add(
        new TimelineEntry(
            this, TimelineEntry.Kind.NOTE, status, status, Actor.SYSTEM, text, false, now));
    changes.add(
        new TicketChange(
            TicketChange.Kind.DEADLINE_AT_RISK, status, status, Actor.SYSTEM, target.name()));
    return true;
  }

  /**
   * A target was missed: the case is escalated to a supervisor, once per target. Does nothing when
   * the target does not run, has not passed, or was escalated for already.
   *
   * @return whether the ticket was escalated now
   */
  public boolean escalateMissed(Deadline.Target target, Instant now) {
    notNull(target, "target");
    if (!runs(target) || !now.isAfter(dueAt(target)) || breachedAt(target) != null) {
      return false;
    }
    String reason;
    if (target == Deadline.Target.RESPONSE) {
      responseBreachedAt = now;
      reason = "First-response target missed · 首次响应已超时";
    } else {
      resolutionBreachedAt = now;
      reason = "Resolution target missed · 解决时限已超时";
    }
    escalate(EscalationTarget.SUPERVISOR, reason, Actor.SYSTEM, now);
    return true;
  }

  private boolean targetsRun() {
    return status == TicketStatus.SUBMITTED
        || status == TicketStatus.AUTO_RESOLVING
        || status == TicketStatus.IN_REVIEW
        || status == TicketStatus.REOPENED;
  }

  private boolean runs(Deadline.Target target) {
    return targetsRun() && (target == Deadline.Target.RESOLUTION || firstResponseAt == null);
  }

  private Instant dueAt(Deadline.Target target) {
    return target == Deadline.Target.RESPONSE ? responseDueAt : resolutionDueAt;
  }

  private Instant atRiskAt(Deadline.Target target) {
    return target == Deadline.Target.RESPONSE ? responseAtRiskAt : resolutionAtRiskAt;
  }

  private Instant breachedAt(Deadline.Target target) {
    return target == Deadline.Target.RESPONSE ? responseBreachedAt : resolutionBreachedAt;
  }

  private void requireOpen(String what) {
    if (!status.isOpen()) {
      throw new IllegalTransitionException(status, what);
    }
  }

  private void markResponded(Instant now) {
    if (firstResponseAt == null) {
      firstResponseAt = now;
    }
  }

  private void moveTo(TicketStatus target, Actor actor, String note, Instant now) {
    notNull(actor, "actor");
    if (!status.canMoveTo(target)) {
      throw new IllegalTransitionException(status, "move to " + target);
    }
    TicketStatus from = status;
    status = target;
    updatedAt = notNull(now, "now");
    timeline.add(
        new TimelineEntry(
            this, TimelineEntry.Kind.TRANSITION, from, target, actor, note, true, now));
    changes.add(new TicketChange(TicketChange.Kind.TRANSITIONED, from, target, actor));
  }

  private void addEntry(
      TimelineEntry.Kind kind, Actor actor, String text, boolean visible, Instant now) {
    notBlank(text, "message", MAX_TEXT);
    updatedAt = notNull(now, "now");
    timeline.add(new TimelineEntry(this, kind, status, status, actor, text.strip(), visible, now));
    if (visible) {
      changes.add(new TicketChange(TicketChange.Kind.MESSAGE_ADDED, status, status, actor));
    }
  }

  /**
   * Whether, among the changes not drained yet, the case moved into review and nobody holds it: it
   * is due for automatic assignment.
   */
  public boolean enteredReview() {
    return status == TicketStatus.IN_REVIEW
        && assignee == null
        && changes.stream()
            .anyMatch(
                c ->
                    c.kind() == TicketChange.Kind.TRANSITIONED && c.to() == TicketStatus.IN_REVIEW);
  }

  /** The changes since the last call, for the outbox; clears them. */
  public List<TicketChange> drainChanges() {
    List<TicketChange> drained = List.copyOf(changes);
    changes.clear();
    return drained;
  }

  public Long id() {
    return id;
  }

  public TicketNo ticketNo() {
    return new TicketNo(ticketNo);
  }

  public Order order() {
    return order;
  }

  public Optional<CardKey> cardKey() {
    return Optional.ofNullable(cardKey);
  }

  public Category category() {
    return category;
  }

  public TicketStatus status() {
    return status;
  }

  public Optional<Resolution> resolution() {
    return Optional.ofNullable(resolution);
  }

  public Optional<String> resolutionNote() {
    return Optional.ofNullable(resolutionNote);
  }

  public String description() {
    return description;
  }

  public String language() {
    return language;
  }

  public String channel() {
    return channel;
  }

  public Contact buyerContact() {
    return new Contact(buyerContact);
  }

  public boolean isFiledBy(Contact contact) {
    return contact != null && contact.value().equals(buyerContact);
  }

  public Optional<StaffUser> assignee() {
    return Optional.ofNullable(assignee);
  }

  public Instant responseDueAt() {
    return responseDueAt;
  }

  public Instant resolutionDueAt() {
    return resolutionDueAt;
  }

  public Optional<Instant> firstResponseAt() {
    return Optional.ofNullable(firstResponseAt);
  }

  public Optional<Instant> resolvedAt() {
    return Optional.ofNullable(resolvedAt);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Optional<String> clientIp() {
    return Optional.ofNullable(clientIp);
  }

  public Optional<String> deviceId() {
    return Optional.ofNullable(deviceId);
  }

  public Optional<String> errorText() {
    return Optional.ofNullable(errorText);
  }

  public Optional<String> intendedProduct() {
    return Optional.ofNullable(intendedProduct);
  }

  public Optional<String> classifiedCategory() {
    return Optional.ofNullable(classifiedCategory);
  }

  public Optional<Double> classifiedConfidence() {
    return Optional.ofNullable(classifiedConfidence).map(java.math.BigDecimal::doubleValue);
  }

  public Optional<String> hints() {
    return Optional.ofNullable(hints);
  }

  public Optional<Decision> riskDecision() {
    return Optional.ofNullable(riskDecision);
  }

  public Optional<String> riskReasons() {
    return Optional.ofNullable(riskReasons);
  }

  public Optional<Integer> creditScore() {
    return Optional.ofNullable(creditScore);
  }

  public Optional<String> autoAction() {
    return Optional.ofNullable(autoAction);
  }

  /** While the case is resolved: the last moment the buyer may reopen it. */
  public Optional<Instant> reopenUntil() {
    return status == TicketStatus.RESOLVED && resolvedAt != null
        ? Optional.of(resolvedAt.plus(REOPEN_WINDOW))
        : Optional.empty();
  }

  public Optional<Integer> ratingScore() {
    return Optional.ofNullable(ratingScore);
  }

  public Optional<String> ratingComment() {
    return Optional.ofNullable(ratingComment);
  }

  public Optional<Instant> ratedAt() {
    return Optional.ofNullable(ratedAt);
  }

  public Optional<Instant> assignedAt() {
    return Optional.ofNullable(assignedAt);
  }

  public Optional<Instant> escalatedAt() {
    return Optional.ofNullable(escalatedAt);
  }

  public Optional<EscalationTarget> escalationTarget() {
    return Optional.ofNullable(escalationTarget);
  }

  public Optional<String> escalationReason() {
    return Optional.ofNullable(escalationReason);
  }

  /** Whether the target was flagged at risk (when), or missed (when). */
  public Optional<Instant> flaggedAtRisk(Deadline.Target target) {
    return Optional.ofNullable(atRiskAt(target));
  }

  public Optional<Instant> missed(Deadline.Target target) {
    return Optional.ofNullable(breachedAt(target));
  }

  public Instant rankAt() {
    return rankAt;
  }

  public List<TimelineEntry> timeline() {
    return Collections.unmodifiableList(timeline);
  }
}
