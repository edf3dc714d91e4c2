package io.keydesk.interfaces.web;

import io.keydesk.application.AccessTokens.StaffIdentity;
import io.keydesk.domain.model.staff.Role;
import io.keydesk.infrastructure.security.KeydeskAuthenticationMechanism;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/** The role check of console pages (web.xml lets any staff role into /console/*). */
final class StaffPages {
  private StaffPages() {}

  /** True when the signed-in member of staff has one of {@code roles}; otherwise answers 403. */
  static boolean allow(Role... roles) {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (Pages.request().getAttribute(KeydeskAuthenticationMechanism.STAFF_ATTRIBUTE)
            instanceof StaffIdentity staff
        && Arrays.asList(roles).contains(staff.role())) {
      return true;
    }
    try {
      faces.getExternalContext().responseSendError(403, "Forbidden");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
    return false;
  }
}
