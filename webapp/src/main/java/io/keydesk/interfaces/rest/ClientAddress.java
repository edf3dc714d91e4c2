package io.keydesk.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The client's IP address for rate limits and the audit. Behind a load balancer set {@code
 * keydesk.http.trust-forwarded-for=true}: the left-most {@code X-Forwarded-For} address is used
 * then; otherwise the header is ignored, so that clients cannot pick their own address.
 */
@ApplicationScoped
public class ClientAddress {
  @Inject
  @ConfigProperty(name = "keydesk.http.trust-forwarded-for", defaultValue = "false")
  boolean trustForwardedFor;

  public String of(HttpServletRequest request) {
    if (trustForwardedFor) {
      String forwarded = request.getHeader("X-Forwarded-For");
      if (forwarded != null && !forwarded.isBlank()) {
        String first = forwarded.split(",")[0].strip();
        if (first.length() <= 45 && first.matches("[0-9a-fA-F:.]+")) {
          return first;
        }
      }
    }
    return request.getRemoteAddr();
  }
}
