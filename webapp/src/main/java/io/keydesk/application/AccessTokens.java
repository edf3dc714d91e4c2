package io.keydesk.application;

import io.keydesk.domain.model.order.Contact;
import io.keydesk.domain.model.staff.Role;
import java.time.Instant;
import java.util.Optional;

/** Stores only the SHA-256 of opaque tokens, with who they stand for and until when. */
public interface AccessTokens {
  void storeBuyerSession(String tokenHash, Contact contact, long orderId, Instant expiresAt);

  Optional<BuyerIdentity> buyerSession(String tokenHash, Instant now);

  void storeStaffToken(String tokenHash, long staffId, Instant expiresAt);

  Optional<StaffIdentity> staffToken(String tokenHash, Instant now);

  /** A verified buyer: the contact proved with an order number. */
  record BuyerIdentity(Contact contact, String orderNo) {}

  /** A signed-in member of staff. {@code supplierId} is set for supplier managers only. */
  record StaffIdentity(String username, Role role, Long supplierId) {}
}
