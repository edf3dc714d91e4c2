package io.keydesk.interfaces.web;

import io.keydesk.application.AccessTokens.StaffIdentity;
import io.keydesk.infrastructure.security.KeydeskAuthenticationMechanism;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** The signed-in member of staff, as the authentication mechanism put it on the request. */
@Named
@RequestScoped
public class CurrentStaff {
  public StaffIdentity get() {
    return (StaffIdentity)
        Pages.request().getAttribute(KeydeskAuthenticationMechanism.STAFF_ATTRIBUTE);
  }

  public String getUsername() {
    StaffIdentity staff = get();
    return staff == null ? null : staff.username();
  }

  public String getRole() {
    StaffIdentity staff = get();
    return staff == null ? null : staff.role().name();
  }

  public String signOut() throws jakarta.servlet.ServletException {
    Pages.request().logout();
    Pages.request().getSession().invalidate();
    return "/console/login.xhtml?faces-redirect=true";
  }
}
