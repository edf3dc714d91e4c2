package io.keydesk.interfaces.rest;

import io.keydesk.application.SupplierCheckService;
import io.keydesk.application.SupplierCheckService.CheckKey;
import io.keydesk.application.SupplierCheckService.SupplierCheckView;
import io.keydesk.domain.model.staff.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Staff check a delivered key with its supplier. */
@Path("/ops/supplier-checks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "staff", description = "Agents, supervisors and admins")
public class SupplierCheckResource {
  @Inject SupplierCheckService checks;
  @Inject JsonBodies bodies;
  @Context HttpServletRequest request;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @StaffOnly({Role.AGENT, Role.SUPERVISOR, Role.ADMIN})
  @SecurityRequirement(name = "staffToken")
  @Operation(
      summary = "Ask the supplier about a delivered key",
      description =
          "Body: {orderNo, keyIndex}. outcome is VALID, DEFECTIVE, REDEEMED or UNAVAILABLE (the"
              + " supplier did not answer in time, failed, or its circuit is open); the key itself"
              + " is never returned. Every check is recorded.")
  @APIResponses({
    @APIResponse(
        responseCode = "200",
        description = "The supplier's verdict",
        content =
            @Content(
                mediaType = MediaType.APPLICATION_JSON,
                schema =
                    @Schema(
                        implementation =
                            io.keydesk.application.SupplierCheckService.SupplierCheckView.class))),
    @APIResponse(responseCode = "404", description = "No such order or key")
  })
  public SupplierCheckView check(
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(ref = "CheckKey")))
          String body) {
    CheckKey key = bodies.read(body, CheckKey.class);
    return checks.check(StaffFilter.current(request), key);
  }
}
