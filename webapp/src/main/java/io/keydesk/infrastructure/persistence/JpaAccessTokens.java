package io.keydesk.infrastructure.persistence;

import io.keydesk.application.AccessTokens;
import io.keydesk.domain.model.order.Contact;
import io.keydesk.domain.model.staff.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaAccessTokens implements AccessTokens {
  @PersistenceContext private EntityManager em;

  @Override
  public void storeBuyerSession(String tokenHash, Contact contact, long orderId, Instant expires) {
    em.createNativeQuery(
            "INSERT INTO buyer_session (token_hash, contact, order_id, created_at, expires_at)"
                + " VALUES (?, ?, ?, ?, ?)")
        .setParameter(1, tokenHash)
        .setParameter(2, contact.value())
        .setParameter(3, orderId)
        .setParameter(4, utc(Instant.now()))
        .setParameter(5, utc(expires))
        .executeUpdate();
  }

  @Override
  public Optional<BuyerIdentity> buyerSession(String tokenHash, Instant now) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT s.contact, o.order_no FROM buyer_session s JOIN shop_order o"
                    + " ON o.id = s.order_id WHERE s.token_hash = ? AND s.expires_at > ?")
            .setParameter(1, tokenHash)
            .setParameter(2, utc(now))
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(r -> (Object[]) r)
        .map(r -> new BuyerIdentity(new Contact((String) r[0]), (String) r[1]));
  }

  @Override
  public void storeMagicLink(String tokenHash, Contact contact, long orderId, Instant expires) {
    em.createNativeQuery(
            "INSERT INTO magic_link (token_hash, contact, order_id, created_at, expires_at)"
                + " VALUES (?, ?, ?, ?, ?)")
        .setParameter(1, tokenHash)
        .setParameter(2, contact.value())
        .setParameter(3, orderId)
        .setParameter(4, utc(Instant.now()))
        .setParameter(5, utc(expires))
        .executeUpdate();
  }

  @Override
  public Optional<MagicLinkUse> useMagicLink(String tokenHash, Instant now) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT contact, order_id FROM magic_link WHERE token_hash = ?"
                    + " AND used_at IS NULL AND expires_at > ? FOR UPDATE")
            .setParameter(1, tokenHash)
            .setParameter(2, utc(now))
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = (Object[]) rows.get(0);
    int used =
        em.createNativeQuery(
                "UPDATE magic_link SET used_at = ? WHERE token_hash = ? AND used_at IS NULL")
            .setParameter(1, utc(now))
            .setParameter(2, tokenHash)
            .executeUpdate();
    return used == 1
        ? Optional.of(new MagicLinkUse(new Contact((String) row[0]), ((Number) row[1]).longValue()))
        : Optional.empty();
  }

  @Override
  public void storeStaffToken(String tokenHash, long staffId, Instant expiresAt) {
    em.createNativeQuery(
            "INSERT INTO staff_token (token_hash, staff_id, created_at, expires_at)"
                + " VALUES (?, ?, ?, ?)")
        .setParameter(1, tokenHash)
        .setParameter(2, staffId)
        .setParameter(3, utc(Instant.now()))
        .setParameter(4, utc(expiresAt))
        .executeUpdate();
  }

  @Override
  public int revokeStaffTokens(long staffId) {
    return em.createNativeQuery("DELETE FROM staff_token WHERE staff_id = ?")
        .setParameter(1, staffId)
        .executeUpdate();
  }

  @Override
  public Optional<StaffIdentity> staffToken(String tokenHash, Instant now) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT u.username, u.role, u.supplier_id FROM staff_token t JOIN staff_user u"
                    + " ON u.id = t.staff_id WHERE t.token_hash = ? AND t.expires_at > ?"
                    + " AND u.active = TRUE")
            .setParameter(1, tokenHash)
            .setParameter(2, utc(now))
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(r -> (Object[]) r)
        .map(
            r ->
                new StaffIdentity(
                    (String) r[0],
                    Role.valueOf((String) r[1]),
                    r[2] == null ? null : ((Number) r[2]).longValue()));
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
