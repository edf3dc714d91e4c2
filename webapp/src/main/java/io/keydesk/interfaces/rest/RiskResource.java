package io.keydesk.interfaces.rest;

import io.keydesk.application.RiskAdminService;
import io.keydesk.application.RiskAdminService.AuditCheck;
import io.keydesk.application.RiskAdminService.BlockView;
import io.keydesk.application.RiskAdminService.NewBlock;
import io.keydesk.application.RiskAdminService.NewSignal;
import io.keydesk.application.RiskAdminService.SettingChange;
import io.keydesk.application.RiskAdminService.SignalPage;
import io.keydesk.application.RiskAdminService.SignalView;
import io.keydesk.domain.model.risk.FraudSignal;
import io.keydesk.domain.model.risk.RiskRepository.SignalFilter;
import io.keydesk.domain.model.staff.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Staff: the fraud signals the risk engine saw, its thresholds and block lists, and the audit
 * chain's check. Supplier managers have no access (signals name buyers).
 */
@Path("/ops")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "staffToken")
@Tag(name = "risk", description = "Risk engine, fraud signals and the audit chain")
public class RiskResource {
  @Inject RiskAdminService service;
  @Inject JsonBodies bodies;
  @Context HttpServletRequest request;

  @GET
  @Path("fraud-signals")
  @StaffOnly({Role.AGENT, Role.SUPERVISOR, Role.ADMIN})
  @Operation(
      summary = "What the risk engine (and the streams job, and staff) flagged, newest first",
      description =
          "Filters: kind (e.g. DUPLICATE_FINGERPRINT, CLAIM_AFTER_REDEMPTION, VELOCITY_IP_DAY),"
              + " source (ENGINE|STREAM|STAFF), contact, ip, device, order, ticket, from and to"
              + " (ISO-8601 instants). Paging: page (from 0), size (1-200, default 50).")
  public SignalPage signals(
      @QueryParam("kind") String kind,
      @QueryParam("source") String source,
      @QueryParam("contact") String contact,
      @QueryParam("ip") String ip,
      @QueryParam("device") String device,
      @QueryParam("order") String order,
      @QueryParam("ticket") String ticket,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    List<Problem.FieldError> errors = new ArrayList<>();
    FraudSignal.Source src = null;
    if (source != null && !source.isBlank()) {
      try {
        src = FraudSignal.Source.valueOf(source);
      } catch (IllegalArgumentException e) {
        errors.add(new Problem.FieldError("source", "must be ENGINE, STREAM or STAFF"));
      }
    }
    Instant fromAt = QueryTimes.instant("from", from, errors);
    Instant toAt = QueryTimes.instant("to", to, errors);
    Paging.check(page, size, errors);
    if (!errors.isEmpty()) {
      throw new RequestException(Problem.invalid(errors));
    }
    return service.signals(
        new SignalFilter(
            blank(kind),
            src,
            blank(contact),
            blank(ip),
            blank(device),
            blank(order),
            blank(ticket),
            fromAt,
            toAt,
            page,
            size));
  }

  @POST
  @Path("fraud-signals")
  @Consumes(MediaType.APPLICATION_JSON)
  @StaffOnly({Role.SUPERVISOR, Role.ADMIN})
  @Operation(
      summary = "Flag a buyer, an IP address or a device",
      description =
          "A live signal (until expiresAt, default 30 days) sends the subject's next claims to"
              + " REVIEW. Needs contact, clientIp or deviceId.")
  @APIResponse(
      responseCode = "201",
      description = "The recorded signal",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(
                      implementation = io.keydesk.application.RiskAdminService.SignalView.class)))
  public Response raise(
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(ref = "NewSignal")))
          String body) {
    SignalView view =
        service.raise(StaffFilter.current(request), bodies.read(body, NewSignal.class));
    return Response.status(201).entity(view).build();
  }

  @GET
  @Path("risk/settings")
  @StaffOnly({Role.SUPERVISOR, Role.ADMIN})
  @Operation(summary = "The risk engine's thresholds")
  public Map<String, Integer> settings() {
    return service.settings();
  }

  @PUT
  @Path("risk/settings/{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  @StaffOnly({Role.ADMIN})
  @Operation(summary = "Change a threshold: {\"value\": n} (audited)")
  public Map<String, Integer> changeSetting(
      @PathParam("name") String name,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(ref = "SettingChange")))
          String body) {
    return service.changeSetting(
        StaffFilter.current(request), name, bodies.read(body, SettingChange.class));
  }

  @GET
  @Path("risk/blocks")
  @StaffOnly({Role.SUPERVISOR, Role.ADMIN})
  @Operation(
      summary = "The block lists: contacts, IP addresses and devices whose claims are refused")
  public List<BlockView> blocks() {
    return service.blocks();
  }

  @POST
  @Path("risk/blocks")
  @Consumes(MediaType.APPLICATION_JSON)
  @StaffOnly({Role.SUPERVISOR, Role.ADMIN})
  @Operation(summary = "Block a contact, IP address or device (audited)")
  @APIResponse(
      responseCode = "201",
      description = "The new entry",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(
                      implementation = io.keydesk.application.RiskAdminService.BlockView.class)))
  public Response block(
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(ref = "NewBlock")))
          String body) {
    BlockView view = service.block(StaffFilter.current(request), bodies.read(body, NewBlock.class));
    return Response.status(201).entity(view).build();
  }

  @DELETE
  @Path("risk/blocks/{id}")
  @StaffOnly({Role.SUPERVISOR, Role.ADMIN})
  @Operation(summary = "Lift a block (audited)")
  @APIResponse(responseCode = "204", description = "Lifted")
  public Response unblock(@PathParam("id") long id) {
    service.unblock(StaffFilter.current(request), id);
    return Response.noContent().build();
  }

  @GET
  @Path("audit/verify")
  @StaffOnly({Role.SUPERVISOR, Role.ADMIN})
  @Operation(
      summary = "Walk the audit chain",
      description =
          "Recomputes every entry's SHA-256 and link to the one before it. Answers the number of"
              + " entries, whether the chain is intact and, if not, the first broken entry and why.")
  public AuditCheck verify() {
    return service.verifyAudit();
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
