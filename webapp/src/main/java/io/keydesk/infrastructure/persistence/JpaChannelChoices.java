package io.keydesk.infrastructure.persistence;

import static io.keydesk.infrastructure.persistence.SqlTimes.utc;

import io.keydesk.domain.model.notification.ChannelChoice;
import io.keydesk.domain.model.notification.ChannelChoices;
import io.keydesk.domain.model.order.Contact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code buyer_preference} rows (V10). */
@ApplicationScoped
public class JpaChannelChoices implements ChannelChoices {
  @PersistenceContext private EntityManager em;

  @Override
  public Optional<ChannelChoice> find(Contact contact) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT email_on, sms_on, other_contact FROM buyer_preference WHERE contact = ?")
            .setParameter(1, contact.value())
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(r -> (Object[]) r)
        .map(
            r ->
                new ChannelChoice(
                    contact,
                    bool(r[0]),
                    bool(r[1]),
                    r[2] == null ? null : new Contact((String) r[2])));
  }

  @Override
  public void store(ChannelChoice choice, Instant now) {
    em.createNativeQuery(
            "INSERT INTO buyer_preference (contact, email_on, sms_on, other_contact, updated_at)"
                + " VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE email_on = VALUES(email_on),"
                + " sms_on = VALUES(sms_on), other_contact = VALUES(other_contact),"
                + " updated_at = VALUES(updated_at)")
        .setParameter(1, choice.contact().value())
        .setParameter(2, choice.email())
        .setParameter(3, choice.sms())
        .setParameter(4, choice.other() == null ? null : choice.other().value())
        .setParameter(5, utc(now))
        .executeUpdate();
  }

  private static boolean bool(Object value) {
    return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
  }
}
