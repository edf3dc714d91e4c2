package io.keydesk.infrastructure.notification;

import static io.keydesk.infrastructure.persistence.SqlTimes.utc;

import io.keydesk.application.Notifications;
import io.keydesk.domain.model.notification.Channel;
import io.keydesk.domain.model.notification.Notice;
import io.keydesk.domain.model.order.CardKeyVault;
import io.keydesk.domain.model.order.Sealed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TransactionRequiredException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * Records a notice as one {@code notification} row per channel, in the caller's transaction. Secret
 * parameters are sealed with the vault; the relay sends the rows after the commit.
 */
@ApplicationScoped
public class JpaNotifications implements Notifications {
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
    for (Channel channel : Channel.values()) {
      if (!notice.channels().contains(channel)) {
        continue;
      }
      em.createNativeQuery(
              "INSERT INTO notification (event_id, contact, channel, template, language, params,"
                  + " secrets_sealed, crypto_version, status, attempts, next_attempt_at,"
                  + " expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?,"
                  + " ?)")
          .setParameter(1, UUID.randomUUID().toString())
          .setParameter(2, notice.to().value())
          .setParameter(3, channel.name())
          .setParameter(4, notice.template().name())
          .setParameter(5, notice.language())
          .setParameter(6, params)
          .setParameter(7, sealed == null ? null : sealed.bytes())
          .setParameter(8, sealed == null ? null : sealed.keyVersion())
          .setParameter(9, utc(now))
          .setParameter(10, expires)
          .setParameter(11, utc(now))
          .executeUpdate();
    }
  }

  static String json(Map<String, String> values) {
    JsonObjectBuilder object = Json.createObjectBuilder();
    values.forEach(object::add);
    return object.build().toString();
  }
}
