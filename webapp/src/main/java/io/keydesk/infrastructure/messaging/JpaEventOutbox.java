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

/** Writes events as outbox rows in the caller's transaction. */
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
    em.persist(
        new OutboxRecord(
            eventId(event),
            topic,
            aggregateType,
            aggregateId,
            eventType,
            jsonb.toJson(event),
            Instant.now(Clock.systemUTC())));
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
