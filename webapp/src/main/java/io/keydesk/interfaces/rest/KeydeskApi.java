package io.keydesk.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

@ApplicationPath("/api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Keydesk API",
            version = "1",
            description =
                "After-sales for card-key shops. Shop endpoints are signed with HMAC-SHA256"
                    + " (see docs/api.md); buyer endpoints take the token of POST"
                    + " /buyer/sessions; staff endpoints take the token of POST /ops/tokens."
                    + " Errors are application/problem+json."))
@SecuritySchemes({
  @SecurityScheme(
      securitySchemeName = "buyerToken",
      type = SecuritySchemeType.HTTP,
      scheme = "bearer",
      description = "kdb_… token from POST /api/v1/buyer/sessions"),
  @SecurityScheme(
      securitySchemeName = "staffToken",
      type = SecuritySchemeType.HTTP,
      scheme = "bearer",
      description = "kds_… token from POST /api/v1/ops/tokens")
})
public class KeydeskApi extends Application {
  /**
   * Jersey describes every resource in WADL on {@code OPTIONS} and at {@code /application.wadl}:
   * the contract is the OpenAPI document, and the WADL listed internal resource and parameter names
   * to anyone. Off.
   */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
