package io.keydesk.infrastructure.webhooks;

import io.keydesk.application.ShopWebhooks;
import io.keydesk.infrastructure.persistence.SqlTimes;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TransactionRequiredException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** Queues webhooks as {@code webhook_delivery} rows in the caller's transaction. */
@ApplicationScoped
public class JpaShopWebhooks implements ShopWebhooks {
  private static final Pattern TYPE = Pattern.compile("[a-z][a-z_]*(\\.[a-z][a-z_]*)+");

  private final Jsonb jsonb = JsonbBuilder.create();

  @PersistenceContext private EntityManager em;

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public String enqueue(String type, String aggregateId, Object payload) {
    if (type == null || type.length() > 64 || !TYPE.matcher(type).matches()) {
      throw new IllegalArgumentException("webhook type must be dotted lower-case words: " + type);
    }
    if (aggregateId == null || aggregateId.isBlank() || aggregateId.length() > 64) {
      throw new IllegalArgumentException("webhook aggregate id must have 1-64 characters");
    }
    Objects.requireNonNull(payload, "payload");
    if (!em.isJoinedToTransaction()) {
      throw new TransactionRequiredException("webhooks are written with their change");
    }
    String eventId = UUID.randomUUID().toString();
    Instant now = Instant.now(Clock.systemUTC());
    em.createNativeQuery(
            "INSERT INTO webhook_delivery (event_id, type, aggregate_id, payload, attempts,"
                + " next_attempt_at, created_at) VALUES (?, ?, ?, ?, 0, ?, ?)")
        .setParameter(1, eventId)
        .setParameter(2, type)
        .setParameter(3, aggregateId)
        .setParameter(4, jsonb.toJson(payload))
        .setParameter(5, SqlTimes.utc(now))
        .setParameter(6, SqlTimes.utc(now))
        .executeUpdate();
    return eventId;
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
