package io.keydesk.infrastructure.notification;

import static io.keydesk.infrastructure.persistence.SqlTimes.utc;

import io.keydesk.application.Notifications;
import io.keydesk.domain.model.notification.Channel;
import io.keydesk.domain.model.notification.Notice;
import io.keydesk.domain.model.order.CardKeyVault;
import io.keydesk.domain.model.order.Sealed;
import io.keydesk.infrastructure.persistence.MultiRowInsert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TransactionRequiredException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records a notice as one {@code notification} row per channel, in the caller's transaction. Secret
 * parameters are sealed with the vault; the relay sends the rows after the commit.
 */
@ApplicationScoped
public class JpaNotifications implements Notifications {
  /** Looked up once: {@code Json.create…} scans the class path for the provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @PersistenceContext private EntityManager em;
  @Inject CardKeyVault vault;
  @Inject Clock clock;

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void send(Notice notice) {
    if (!em.isJoinedToTransaction()) {
      throw new TransactionRequiredException("notifications are written with their change");
    }
    Instant now = clock.instant();
    String params = json(notice.publicParams());
    Map<String, String> secrets = notice.secretParams();
    Sealed sealed = secrets.isEmpty() ? null : vault.seal(json(secrets));
    LocalDateTime expires =
        notice.template().validFor(notice.params()).map(d -> utc(now.plus(d))).orElse(null);
    // One insert for all the notice's channels: one round trip, however many channels.
    MultiRowInsert insert =
        new MultiRowInsert(
            "notification",
            List.of(
                "event_id",
                "contact",
                "channel",
                "template",
                "language",
                "params",
                "secrets_sealed",
                "crypto_version",
                "next_attempt_at",
                "expires_at",
                "created_at"),
            List.of("status", "attempts"),
            "'PENDING', 0");
    for (Channel channel : Channel.values()) {
      if (notice.channels().contains(channel)) {
        insert.add(
            UUID.randomUUID().toString(),
            notice.to().value(),
            channel.name(),
            notice.template().name(),
            notice.language(),
            params,
            sealed == null ? null : sealed.bytes(),
            sealed == null ? null : sealed.keyVersion(),
            utc(now),
            expires,
            utc(now));
      }
    }
    insert.execute(em);
  }

  static String json(Map<String, String> values) {
    JsonObjectBuilder object = JSON.createObjectBuilder();
    values.forEach(object::add);
    return object.build().toString();
  }
}
