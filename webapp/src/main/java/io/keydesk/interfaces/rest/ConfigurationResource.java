package io.keydesk.interfaces.rest;

import io.keydesk.application.AuditTrail;
import io.keydesk.application.AuditTrail.EntryPage;
import io.keydesk.application.CategoryAdmin;
import io.keydesk.application.CategoryAdmin.TargetChange;
import io.keydesk.application.PublishedRules.Rule;
import io.keydesk.application.StaffAdmin;
import io.keydesk.application.StaffAdmin.NewStaff;
import io.keydesk.application.StaffAdmin.PasswordReset;
import io.keydesk.application.StaffAdmin.StaffChange;
import io.keydesk.application.StaffAdmin.StaffView;
import io.keydesk.domain.model.staff.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
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
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Configuration: the categories' published targets and the staff users (admins), and the audit log
 * every change lands in (supervisors and admins). Agents and supplier managers get 403 throughout.
 */
@Path("/ops")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "staffToken")
@Tag(name = "configuration", description = "Categories, staff users and the audit log")
public class ConfigurationResource {
  @Inject CategoryAdmin categories;
  @Inject StaffAdmin staff;
  @Inject AuditTrail audit;
  @Inject JsonBodies bodies;
  @Context HttpServletRequest request;

  @GET
  @Path("categories")
  @StaffOnly({Role.SUPERVISOR, Role.ADMIN})
  @Operation(summary = "The categories with their published targets (minutes)")
  public List<Rule> categories() {
    return categories.all();
  }

  @GET
  @Path("categories/{code}")
  @StaffOnly({Role.SUPERVISOR, Role.ADMIN})
  @Operation(summary = "One category with its published targets (minutes)")
  public Rule category(@PathParam("code") String code) {
    return categories.one(code);
  }

  @PUT
  @Path("categories/{code}")
  @Consumes(MediaType.APPLICATION_JSON)
  @StaffOnly({Role.ADMIN})
  @Operation(
      summary = "Publish new targets: {\"responseMinutes\": n, \"resolutionMinutes\": m} (audited)",
      description =
          "1 to 43200 minutes each, the response target no longer than the resolution target."
              + " Applies to tickets opened from now on and to the rules page; open tickets keep"
              + " their deadlines.")
  public Rule changeCategory(
      @PathParam("code") String code,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(ref = "TargetChange")))
          String body) {
    return categories.changeTargets(
        StaffFilter.current(request), code, bodies.read(body, TargetChange.class));
  }

  @GET
  @Path("staff-users")
  @StaffOnly({Role.ADMIN})
  @Operation(summary = "Every staff user (never a password or its hash)")
  public List<StaffView> staffUsers() {
    return staff.all();
  }

  @GET
  @Path("staff-users/{username}")
  @StaffOnly({Role.ADMIN})
  @Operation(summary = "One staff user")
  public StaffView staffUser(@PathParam("username") String username) {
    return staff.one(username);
  }

  @POST
  @Path("staff-users")
  @Consumes(MediaType.APPLICATION_JSON)
  @StaffOnly({Role.ADMIN})
  @Operation(
      summary = "Create a staff user (audited)",
      description =
          "username (2-64 of a-z 0-9 . _ -), displayName, role (AGENT|SUPERVISOR|SUPPLIER_MANAGER|"
              + "ADMIN), supplier (a supplier code; supplier managers only, and required for"
              + " them), language (zh-CN|en), password (12-200 characters, stored hashed).")
  @APIResponse(
      responseCode = "201",
      description = "The new user",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = io.keydesk.application.StaffAdmin.StaffView.class)))
  public Response createStaffUser(
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(ref = "NewStaff")))
          String body) {
    StaffView view = staff.create(StaffFilter.current(request), bodies.read(body, NewStaff.class));
    return Response.status(201).entity(view).build();
  }

  @PUT
  @Path("staff-users/{username}")
  @Consumes(MediaType.APPLICATION_JSON)
  @StaffOnly({Role.ADMIN})
  @Operation(
      summary = "Change a staff user (audited)",
      description =
          "Any of displayName, role, supplier, language, active (false deactivates and ends the"
              + " user's tokens; true reactivates). Admins cannot deactivate or demote"
              + " themselves.")
  public StaffView changeStaffUser(
      @PathParam("username") String username,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(ref = "StaffChange")))
          String body) {
    return staff.change(
        StaffFilter.current(request), username, bodies.read(body, StaffChange.class));
  }

  @POST
  @Path("staff-users/{username}/password")
  @Consumes(MediaType.APPLICATION_JSON)
  @StaffOnly({Role.ADMIN})
  @Operation(
      summary = "Set a new password: {\"password\": \"…\"} (audited, ends the user's tokens)")
  public StaffView resetPassword(
      @PathParam("username") String username,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(ref = "PasswordReset")))
          String body) {
    return staff.resetPassword(
        StaffFilter.current(request), username, bodies.read(body, PasswordReset.class));
  }

  @GET
  @Path("audit/entries")
  @StaffOnly({Role.SUPERVISOR, Role.ADMIN})
  @Operation(
      summary = "The audit log, newest first",
      description =
          "Filters: subjectType (e.g. category, staff-user, risk-setting, block, kb-article,"
              + " ticket), action (a prefix, e.g. staff.). Paging: page (from 0), size (1-200).")
  public EntryPage auditEntries(
      @QueryParam("subjectType") String subjectType,
      @QueryParam("action") String action,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    List<Problem.FieldError> errors = new ArrayList<>();
    Paging.check(page, size, errors);
    if (subjectType != null && subjectType.length() > 32) {
      errors.add(new Problem.FieldError("subjectType", "at most 32 characters"));
    }
    if (action != null && action.length() > 64) {
      errors.add(new Problem.FieldError("action", "at most 64 characters"));
    }
    if (!errors.isEmpty()) {
      throw new RequestException(Problem.invalid(errors));
    }
    return audit.newest(subjectType, action, page, size);
  }
}
