package io.keydesk.domain.model.notification;

import static io.keydesk.domain.shared.Checks.notBlank;
import static io.keydesk.domain.shared.Checks.notNull;

import io.keydesk.domain.model.order.Contact;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A message in a buyer's in-site inbox, in the buyer's language. */
@Entity
@Table(name = "inbox_message")
@NamedQuery(
    name = "InboxMessage.ofContact",
    query =
        "SELECT m FROM InboxMessage m WHERE m.contact = :contact ORDER BY m.createdAt DESC, m.id DESC")
@NamedQuery(
    name = "InboxMessage.unread",
    query = "SELECT COUNT(m) FROM InboxMessage m WHERE m.contact = :contact AND m.readAt IS NULL")
@NamedQuery(
    name = "InboxMessage.byEventId",
    query = "SELECT m FROM InboxMessage m WHERE m.eventId = :eventId")
public class InboxMessage {
  public static final int MAX_TITLE = 200;
  public static final int MAX_BODY = 8000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "event_id")
  private String eventId;

  @Column(name = "contact")
  private String contact;

  @Column(name = "language")
  private String language;

  @Column(name = "title")
  private String title;

  @Column(name = "body")
  private String body;

  @Column(name = "ticket_no")
  private String ticketNo;

  @Column(name = "order_no")
  private String orderNo;

  @Column(name = "read_at")
  private Instant readAt;

  @Column(name = "created_at")
  private Instant createdAt;

  protected InboxMessage() {}

  /**
   * @param eventId the notification that wrote it: delivering the same notification twice finds the
   *     first message instead of writing a second
   */
  public InboxMessage(
      String eventId,
      Contact contact,
      String language,
      String title,
      String body,
      String ticketNo,
      String orderNo,
      Instant now) {
    this.eventId = notBlank(eventId, "event id", 36);
    this.contact = notNull(contact, "contact").value();
    this.language = notBlank(language, "language", 8);
    this.title = notBlank(title, "title", MAX_TITLE);
    this.body = notBlank(body, "body", MAX_BODY);
    this.ticketNo = ticketNo;
    this.orderNo = orderNo;
    this.createdAt = notNull(now, "now");
  }

  /** The buyer opened it; only the first time counts. */
  public void markRead(Instant at) {
    if (readAt == null) {
      readAt = notNull(at, "read at");
    }
  }

  /** Whether this message is for that buyer. */
  public boolean isFor(Contact buyer) {
    return buyer != null && buyer.value().equals(contact);
  }

  public Long id() {
    return id;
  }

  public String eventId() {
    return eventId;
  }

  public Contact contact() {
    return new Contact(contact);
  }

  public String language() {
    return language;
  }

  public String title() {
    return title;
  }

  public String body() {
    return body;
  }

  public Optional<String> ticketNo() {
    return Optional.ofNullable(ticketNo);
  }

  public Optional<String> orderNo() {
    return Optional.ofNullable(orderNo);
  }

  public Optional<Instant> readAt() {
    return Optional.ofNullable(readAt);
  }

  public Instant createdAt() {
    return createdAt;
  }
}
