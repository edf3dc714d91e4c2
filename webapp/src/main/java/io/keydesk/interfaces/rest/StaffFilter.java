package io.keydesk.interfaces.rest;

import io.keydesk.application.AccessTokens.StaffIdentity;
import io.keydesk.infrastructure.security.KeydeskAuthenticationMechanism;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;

/**
 * Enforces {@link StaffOnly} on every resource: 401 without a valid staff token, 403 with the wrong
 * role.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class StaffFilter implements ContainerRequestFilter {
  @Context ResourceInfo resource;
  @Context HttpServletRequest request;

  @Override
  public void filter(ContainerRequestContext context) {
    StaffOnly rule = resource.getResourceMethod().getAnnotation(StaffOnly.class);
    if (rule == null) {
      rule = resource.getResourceClass().getAnnotation(StaffOnly.class);
    }
    if (rule == null) {
      return;
    }
    if (!(request.getAttribute(KeydeskAuthenticationMechanism.STAFF_ATTRIBUTE)
        instanceof StaffIdentity staff)) {
      boolean unknown =
          request.getAttribute(KeydeskAuthenticationMechanism.UNKNOWN_TOKEN_ATTRIBUTE) != null;
      context.abortWith(
          Response.fromResponse(
                  Problem.of(
                          401,
                          "unauthorized",
                          "Unauthorized",
                          unknown
                              ? "the token is unknown or expired"
                              : "a staff token is required (POST /api/v1/ops/tokens)")
                      .toResponse())
              .header("WWW-Authenticate", "Bearer")
              .build());
      return;
    }
    if (Arrays.stream(rule.value()).noneMatch(r -> r == staff.role())) {
      context.abortWith(
          Problem.of(403, "forbidden", "Forbidden", "your role may not do this").toResponse());
    }
  }

  /** The staff member of the current request; only valid behind {@link StaffOnly}. */
  static StaffIdentity current(HttpServletRequest request) {
    return (StaffIdentity) request.getAttribute(KeydeskAuthenticationMechanism.STAFF_ATTRIBUTE);
  }
}
