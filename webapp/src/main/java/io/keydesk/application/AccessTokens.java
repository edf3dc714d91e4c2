package io.keydesk.application;

import io.keydesk.domain.model.order.Contact;
import io.keydesk.domain.model.staff.Role;
import java.time.Instant;
import java.util.Optional;

/** Stores only the SHA-256 of opaque tokens, with who they stand for and until when. */
public interface AccessTokens {
  void storeBuyerSession(String tokenHash, Contact contact, long orderId, Instant expiresAt);

  Optional<BuyerIdentity> buyerSession(String tokenHash, Instant now);

  /** Stores a magic link (its hash only) that opens a session for the contact of that order. */
  void storeMagicLink(String tokenHash, Contact contact, long orderId, Instant expiresAt);

  /**
   * Uses a magic link: the first use before it expires wins, every later one finds nothing.
   *
   * @return the contact and order it opens, empty when unknown, used or expired alike
   */
  Optional<MagicLinkUse> useMagicLink(String tokenHash, Instant now);

  void storeStaffToken(String tokenHash, long staffId, Instant expiresAt);

  /**
   * Ends every API token of one member of staff (password reset, deactivation); answers how many.
   */
  int revokeStaffTokens(long staffId);

  Optional<StaffIdentity> staffToken(String tokenHash, Instant now);

  /** A verified buyer: the contact proved with an order number. */
  record BuyerIdentity(Contact contact, String orderNo) {}

  /** What a magic link opens: a session for this contact and order. */
  record MagicLinkUse(Contact contact, long orderId) {}

  /** A signed-in member of staff. {@code supplierId} is set for supplier managers only. */
  record StaffIdentity(String username, Role role, Long supplierId) {}
}
