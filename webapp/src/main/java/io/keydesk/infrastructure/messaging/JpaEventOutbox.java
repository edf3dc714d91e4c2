package io.keydesk.infrastructure.messaging;

import io.keydesk.application.EventOutbox;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TransactionRequiredException;
import jakarta.transaction.Transactional;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Writes events as outbox rows in the caller's transaction, in the order they are appended. */
@ApplicationScoped
public class JpaEventOutbox implements EventOutbox {
  private final Jsonb jsonb = JsonbBuilder.create();

  @PersistenceContext private EntityManager em;

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void append(
      String topic, String aggregateType, String aggregateId, String eventType, Object event) {
    if (!em.isJoinedToTransaction()) {
      throw new TransactionRequiredException("outbox events are written with their change");
    }
    // Inserted at once, not persisted: the unit of work would write new rows in no particular
    // order, and the id is the order in which the relay publishes an aggregate's events.
    em.createNativeQuery(
            "INSERT INTO outbox_event (event_id, topic, aggregate_type, aggregate_id, event_type,"
                + " payload, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .setParameter(1, eventId(event))
        .setParameter(2, topic)
        .setParameter(3, aggregateType)
        .setParameter(4, aggregateId)
        .setParameter(5, eventType)
        .setParameter(6, jsonb.toJson(event))
        .setParameter(7, LocalDateTime.ofInstant(Instant.now(Clock.systemUTC()), ZoneOffset.UTC))
        .executeUpdate();
  }

  /** Every event record of the contract carries its id as the {@code eventId} component. */
  private static String eventId(Object event) {
    try {
      for (RecordComponent c : event.getClass().getRecordComponents()) {
        if (c.getName().equals("eventId")) {
          return (String) c.getAccessor().invoke(event);
        }
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("unreadable event " + event.getClass(), e);
    }
    throw new IllegalArgumentException(event.getClass() + " has no eventId");
  }

  @PreDestroy
  void close() {
    try {
      jsonb.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing JSON-B", e);
    }
  }
}
