package io.keydesk.interfaces.web;

import io.keydesk.application.RateLimiter;
import io.keydesk.application.SignInLimits;
import io.keydesk.interfaces.rest.ClientAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Locale;

/**
 * Staff sign in to the console through Jakarta Security; 20 attempts per client address in 10
 * minutes, shared with the API sign-in.
 */
@Named
@RequestScoped
public class StaffLogin {
  @Inject SecurityContext security;
  @Inject SignInLimits signInLimits;
  @Inject ClientAddress clientAddress;

  @NotBlank
  @Size(max = 64)
  private String username;

  @NotBlank
  @Size(max = 200)
  private String password;

  private String next;

  public String login() {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    RateLimiter.Decision decision =
        signInLimits.attempt(
            clientAddress.of((HttpServletRequest) external.getRequest()), username);
    if (!decision.allowed()) {
      Pages.error(null, "find.limited");
      return null;
    }
    AuthenticationStatus status =
        security.authenticate(
            (HttpServletRequest) external.getRequest(),
            (HttpServletResponse) external.getResponse(),
            AuthenticationParameters.withParams()
                .newAuthentication(true)
                .credential(
                    new UsernamePasswordCredential(
                        username.strip().toLowerCase(Locale.ROOT), password)));
    if (status == AuthenticationStatus.SUCCESS) {
      boolean safeNext = next != null && next.matches("/console/(admin/)?[a-z-]+\\.xhtml");
      // a supplier manager has no queue: their reports are their start page
      String home =
          ((HttpServletRequest) external.getRequest())
                  .isUserInRole(io.keydesk.domain.model.staff.Role.SUPPLIER_MANAGER_NAME)
              ? "/console/reports.xhtml"
              : "/console/index.xhtml";
      return (safeNext ? next : home) + "?faces-redirect=true";
    }
    Pages.error(null, "console.login.failed");
    return null;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getNext() {
    return next;
  }

  public void setNext(String next) {
    this.next = next;
  }
}
