package io.keydesk.infrastructure.messaging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One event waiting in (or already relayed from) the outbox. */
@Entity
@Table(name = "outbox_event")
@NamedQuery(
    name = "OutboxRecord.pending",
    query = "SELECT o FROM OutboxRecord o WHERE o.publishedAt IS NULL ORDER BY o.id")
public class OutboxRecord {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "event_id")
  private String eventId;

  @Column(name = "topic")
  private String topic;

  @Column(name = "aggregate_type")
  private String aggregateType;

  @Column(name = "aggregate_id")
  private String aggregateId;

  @Column(name = "event_type")
  private String eventType;

  @Column(name = "payload")
  private String payload;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "published_at")
  private Instant publishedAt;

  protected OutboxRecord() {}

  Long id() {
    return id;
  }

  String eventId() {
    return eventId;
  }

  String topic() {
    return topic;
  }

  String aggregateId() {
    return aggregateId;
  }

  String eventType() {
    return eventType;
  }

  String payload() {
    return payload;
  }

  void markPublished(Instant at) {
    publishedAt = at;
  }
}
