package io.keydesk.infrastructure.security;

import io.keydesk.domain.model.staff.StaffRepository;
import io.keydesk.domain.model.staff.StaffUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.Set;

/** Checks staff passwords against the staff table; the role is the caller's only group. */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore {
  @Inject StaffRepository staff;
  @Inject PasswordHasher hasher;

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential login)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    char[] password = login.getPassword().getValue();
    Optional<StaffUser> user =
        staff.find(login.getCaller() == null ? "" : login.getCaller()).filter(StaffUser::isActive);
    if (user.isEmpty()) {
      hasher.verifyNothing(password);
      return CredentialValidationResult.INVALID_RESULT;
    }
    if (!hasher.verify(password, user.get().passwordHash())) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    return new CredentialValidationResult(user.get().username(), Set.of(user.get().role().name()));
  }
}
