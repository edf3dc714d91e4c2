package io.keydesk.application;

import io.keydesk.application.AccessTokens.StaffIdentity;
import io.keydesk.domain.model.staff.StaffRepository;
import io.keydesk.domain.model.staff.StaffUser;
import io.keydesk.infrastructure.crypto.Digests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** API tokens for staff whose password was already checked by the identity store. */
@ApplicationScoped
public class StaffAccessService {
  @Inject StaffRepository staff;
  @Inject AccessTokens tokens;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "keydesk.staff.token-hours", defaultValue = "12")
  long tokenHours;

  /** A new API token, shown once. */
  public record StaffToken(String token, Instant expiresAt, String username, String role) {}

  @Transactional
  public StaffToken issueToken(String username) {
    StaffUser user =
        staff
            .find(username)
            .filter(StaffUser::isActive)
            .orElseThrow(() -> new IllegalStateException("authenticated user missing"));
    String token = Digests.randomToken("kds_", 32);
    Instant expires = clock.instant().plus(Duration.ofHours(tokenHours));
    tokens.storeStaffToken(Digests.sha256Hex(token), user.id(), expires);
    return new StaffToken(token, expires, user.username(), user.role().name());
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<StaffIdentity> identify(String token) {
    if (token == null || !token.startsWith("kds_") || token.length() > 100) {
      return Optional.empty();
    }
    return tokens.staffToken(Digests.sha256Hex(token), clock.instant());
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<StaffIdentity> byUsername(String username) {
    return staff
        .find(username)
        .filter(StaffUser::isActive)
        .map(
            u ->
                new StaffIdentity(
                    u.username(), u.role(), u.supplier().map(s -> s.id()).orElse(null)));
  }
}
