package io.keydesk.infrastructure.security;

import io.keydesk.application.AccessTokens.StaffIdentity;
import io.keydesk.application.StaffAccessService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Staff authentication. The API takes bearer tokens only ({@code Authorization: Bearer kds_…}), so
 * REST writes never ride on a cookie; the console signs in through its login page and keeps the
 * caller in the HTTP session (Faces' ViewState guards its forms). Buyers are not handled here:
 * their tokens ({@code kdb_…}) are checked by the buyer resources.
 */
@ApplicationScoped
public class KeydeskAuthenticationMechanism implements HttpAuthenticationMechanism {
  public static final String STAFF_ATTRIBUTE = StaffIdentity.class.getName();

  /** Set on an API request that carried a staff token Keydesk does not know (or no longer). */
  public static final String UNKNOWN_TOKEN_ATTRIBUTE =
      KeydeskAuthenticationMechanism.class.getName() + ".unknownToken";

  static final String LOGIN_PAGE = "/console/login.xhtml";

  @Inject IdentityStoreHandler identityStores;
  @Inject StaffAccessService access;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String authorization = request.getHeader("Authorization");
    Optional<String> bearer = BearerToken.from(authorization).filter(t -> t.startsWith("kds_"));
    if (bearer.isPresent()) {
      Optional<StaffIdentity> staff = access.identify(bearer.get());
      if (staff.isEmpty() && path.startsWith("/api/")) {
        // No identity: a public call still works with a stale token sent along, and a staff-only
        // one is refused by the API itself (problem+json, request id, security headers).
        request.setAttribute(UNKNOWN_TOKEN_ATTRIBUTE, Boolean.TRUE);
        return context.doNothing();
      }
      if (staff.isEmpty()) {
        return unauthorized(response);
      }
      request.setAttribute(STAFF_ATTRIBUTE, staff.get());
      return context.notifyContainerAboutLogin(
          staff.get().username(), Set.of(staff.get().role().name()));
    }
    if (path.startsWith("/api/")) {
      return context.doNothing();
    }
    Credential credential =
        context.getAuthParameters() == null ? null : context.getAuthParameters().getCredential();
    if (credential != null) {
      CredentialValidationResult result = identityStores.validate(credential);
      if (result.getStatus() != CredentialValidationResult.Status.VALID) {
        return AuthenticationStatus.SEND_FAILURE;
      }
      StaffIdentity staff = access.byUsername(result.getCallerPrincipal().getName()).orElseThrow();
      request.getSession(true);
      request.changeSessionId();
      request.getSession().setAttribute(STAFF_ATTRIBUTE, staff);
      request.setAttribute(STAFF_ATTRIBUTE, staff);
      return context.notifyContainerAboutLogin(result);
    }
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(STAFF_ATTRIBUTE) instanceof StaffIdentity cached) {
      // Console pages look the user up again, so that a deactivation or a new role (by an admin)
      // takes effect on the next page, not when the session ends.
      Optional<StaffIdentity> current =
          path.startsWith("/console/") ? access.byUsername(cached.username()) : Optional.of(cached);
      if (current.isPresent()) {
        StaffIdentity staff = current.get();
        if (!staff.equals(cached)) {
          session.setAttribute(STAFF_ATTRIBUTE, staff);
        }
        request.setAttribute(STAFF_ATTRIBUTE, staff);
        return context.notifyContainerAboutLogin(staff.username(), Set.of(staff.role().name()));
      }
      session.invalidate();
    }
    if (context.isProtected()) {
      String next = URLEncoder.encode(path, StandardCharsets.UTF_8);
      return context.redirect(request.getContextPath() + LOGIN_PAGE + "?next=" + next);
    }
    return context.doNothing();
  }

  @Override
  public void cleanSubject(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(STAFF_ATTRIBUTE);
    }
    HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
  }

  private static AuthenticationStatus unauthorized(HttpServletResponse response) {
    try {
      response.setStatus(401);
      response.setHeader("WWW-Authenticate", "Bearer");
      response.setContentType("application/problem+json");
      response
          .getWriter()
          .write(
              "{\"type\":\"urn:keydesk:problem:unauthorized\",\"title\":\"Unauthorized\","
                  + "\"status\":401,\"detail\":\"the token is unknown or expired\"}");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return AuthenticationStatus.SEND_FAILURE;
  }
}
