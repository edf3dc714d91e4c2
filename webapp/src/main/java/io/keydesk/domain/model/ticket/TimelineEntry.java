package io.keydesk.domain.model.ticket;

import static io.keydesk.domain.shared.Checks.notNull;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** One line of a ticket's timeline: a transition, a message or an internal note. */
@Entity
@Table(name = "ticket_entry")
public class TimelineEntry {
  /** What kind of line it is. */
  public enum Kind {
    TRANSITION,
    MESSAGE,
    NOTE
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "ticket_id")
  private Ticket ticket;

  /** Position in the ticket's timeline, from 0. */
  @Column(name = "seq")
  private int seq;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind")
  private Kind kind;

  @Enumerated(EnumType.STRING)
  @Column(name = "from_status")
  private TicketStatus fromStatus;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_status")
  private TicketStatus toStatus;

  @Enumerated(EnumType.STRING)
  @Column(name = "actor_type")
  private Actor.Type actorType;

  @Column(name = "actor_name")
  private String actorName;

  @Column(name = "body")
  private String body;

  @Column(name = "visible_to_buyer")
  private boolean visibleToBuyer;

  @Column(name = "created_at")
  private Instant createdAt;

  protected TimelineEntry() {}

  TimelineEntry(
      Ticket ticket,
      Kind kind,
      TicketStatus from,
      TicketStatus to,
      Actor actor,
      String body,
      boolean visibleToBuyer,
      Instant at) {
    this.ticket = notNull(ticket, "ticket");
    this.seq = ticket.timeline().size();
    this.kind = notNull(kind, "kind");
    this.fromStatus = from;
    this.toStatus = to;
    this.actorType = notNull(actor, "actor").type();
    this.actorName = actor.name();
    this.body = body;
    this.visibleToBuyer = visibleToBuyer;
    this.createdAt = notNull(at, "at");
  }

  public Kind kind() {
    return kind;
  }

  public Optional<TicketStatus> from() {
    return Optional.ofNullable(fromStatus);
  }

  public Optional<TicketStatus> to() {
    return Optional.ofNullable(toStatus);
  }

  public Actor actor() {
    return new Actor(actorType, actorName);
  }

  public Optional<String> body() {
    return Optional.ofNullable(body);
  }

  public boolean visibleToBuyer() {
    return visibleToBuyer;
  }

  public Instant at() {
    return createdAt;
  }
}
