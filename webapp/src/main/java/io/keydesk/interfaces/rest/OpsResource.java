package io.keydesk.interfaces.rest;

import io.keydesk.application.CaseFiles;
import io.keydesk.application.CaseFiles.CaseFile;
import io.keydesk.application.RateLimiter;
import io.keydesk.application.SignInLimits;
import io.keydesk.application.StaffAccessService;
import io.keydesk.application.StaffAccessService.StaffToken;
import io.keydesk.application.StaffAction;
import io.keydesk.application.StaffTicketService;
import io.keydesk.application.StaffTicketService.QueuePage;
import io.keydesk.application.TeamService;
import io.keydesk.application.TicketAttachments;
import io.keydesk.application.TicketAttachments.AttachmentView;
import io.keydesk.application.TooManyRequestsException;
import io.keydesk.application.Views.TicketView;
import io.keydesk.domain.model.category.CategoryCode;
import io.keydesk.domain.model.risk.Decision;
import io.keydesk.domain.model.staff.Role;
import io.keydesk.domain.model.ticket.Deadline;
import io.keydesk.domain.model.ticket.TicketStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Staff: sign in for a token, work the queue and act on tickets. */
@Path("/ops")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "staff", description = "Agents, supervisors and admins")
public class OpsResource {
  @Inject IdentityStoreHandler identityStores;
  @Inject StaffAccessService access;
  @Inject StaffTicketService tickets;
  @Inject TeamService team;
  @Inject TicketAttachments attachments;
  @Inject CaseFiles caseFiles;
  @Inject SignInLimits signInLimits;
  @Inject JsonBodies bodies;
  @Inject ClientAddress clientAddress;
  @Context HttpServletRequest request;

  /** Staff credentials. */
  @Schema(name = "Login")
  public record Login(
      @NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password) {}

  @POST
  @Path("tokens")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Sign in: username and password → bearer token",
      description = "Limited to 20 attempts per 10 minutes per client IP (429 with Retry-After).")
  @APIResponses({
    @APIResponse(
        responseCode = "201",
        description = "token, expiresAt, username, role",
        content =
            @Content(
                mediaType = MediaType.APPLICATION_JSON,
                schema =
                    @Schema(
                        implementation =
                            io.keydesk.application.StaffAccessService.StaffToken.class))),
    @APIResponse(responseCode = "401", description = "Wrong username or password")
  })
  public Response signIn(
      @RequestBody(
              required = true,
              content =
                  @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Login")))
          String body) {
    Login login = bodies.read(body, Login.class);
    RateLimiter.Decision decision =
        signInLimits.attempt(clientAddress.of(request), login.username());
    if (!decision.allowed()) {
      throw new TooManyRequestsException(decision.retryAfter());
    }
    CredentialValidationResult result =
        identityStores.validate(
            new UsernamePasswordCredential(
                login.username().strip().toLowerCase(Locale.ROOT), login.password()));
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      throw new RequestException(
          Problem.of(401, "bad-credentials", "Unauthorized", "wrong username or password"));
    }
    StaffToken token = access.issueToken(result.getCallerPrincipal().getName());
    return Response.status(201).entity(token).header("Cache-Control", "no-store").build();
  }

  @GET
  @Path("tickets")
  @StaffOnly({Role.AGENT, Role.SUPERVISOR, Role.ADMIN})
  @SecurityRequirement(name = "staffToken")
  @Operation(
      summary = "The ticket queue: missed targets first, then at risk, then by deadline and risk",
      description =
          "Filters: status (repeatable; default all open states), category, product (SKU),"
              + " supplier (code), risk (AUTO|REVIEW|BLOCK), deadline (ok|at_risk|breached|none),"
              + " assignee (me|unassigned|a username), escalated (true: open tickets escalated)."
              + " Paging: page (from 0), size (1-200, default 50). Each item has dueAt,"
              + " deadlineState and secondsLeft (negative when overdue) on the server's clock.")
  public QueuePage queue(
      @QueryParam("status") List<String> status,
      @QueryParam("category") String category,
      @QueryParam("product") String product,
      @QueryParam("supplier") String supplier,
      @QueryParam("risk") String risk,
      @QueryParam("deadline") String deadline,
      @QueryParam("assignee") String assignee,
      @QueryParam("escalated") @DefaultValue("false") String escalated,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    List<Problem.FieldError> errors = new ArrayList<>();
    List<TicketStatus> statuses = new ArrayList<>();
    for (String s : status) {
      try {
        statuses.add(TicketStatus.valueOf(s));
      } catch (IllegalArgumentException e) {
        errors.add(new Problem.FieldError("status", "unknown status " + s));
      }
    }
    CategoryCode categoryCode = null;
    if (category != null && !category.isBlank()) {
      try {
        categoryCode = CategoryCode.valueOf(category);
      } catch (IllegalArgumentException e) {
        errors.add(new Problem.FieldError("category", "unknown category " + category));
      }
    }
    Decision decision = null;
    if (risk != null && !risk.isBlank()) {
      try {
        decision = Decision.valueOf(risk);
      } catch (IllegalArgumentException e) {
        errors.add(new Problem.FieldError("risk", "must be AUTO, REVIEW or BLOCK"));
      }
    }
    Deadline.State deadlineState = null;
    if (deadline != null && !deadline.isBlank()) {
      try {
        deadlineState = Deadline.State.valueOf(deadline.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add(new Problem.FieldError("deadline", "must be ok, at_risk, breached or none"));
      }
    }
    if (assignee != null && !assignee.isBlank() && !assignee.matches("[a-z0-9][a-z0-9._-]{1,63}")) {
      errors.add(new Problem.FieldError("assignee", "must be me, unassigned or a username"));
    }
    if (!escalated.equals("true") && !escalated.equals("false")) {
      errors.add(new Problem.FieldError("escalated", "must be true or false"));
    }
    if (product != null && product.length() > 64) {
      errors.add(new Problem.FieldError("product", "at most 64 characters"));
    }
    if (supplier != null && supplier.length() > 64) {
      errors.add(new Problem.FieldError("supplier", "at most 64 characters"));
    }
    Paging.check(page, size, errors);
    if (!errors.isEmpty()) {
      throw new RequestException(Problem.invalid(errors));
    }
    return tickets.queue(
        StaffFilter.current(request),
        new StaffTicketService.Filter(
            statuses,
            categoryCode,
            product == null || product.isBlank() ? null : product,
            supplier == null || supplier.isBlank() ? null : supplier,
            decision,
            deadlineState,
            assignee,
            Boolean.parseBoolean(escalated),
            page,
            size));
  }

  @POST
  @Path("tickets/assign")
  @Consumes(MediaType.APPLICATION_JSON)
  @StaffOnly({Role.SUPERVISOR, Role.ADMIN})
  @SecurityRequirement(name = "staffToken")
  @Operation(
      summary = "Reassign tickets in bulk (supervisors)",
      description =
          "{ticketNos: [..] (1-200), assignee: username of an active agent or supervisor}."
              + " All or nothing; answers the ticket numbers whose assignee changed.")
  public Map<String, List<String>> assign(
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(ref = "Reassignment")))
          String body) {
    TeamService.Reassignment reassignment = bodies.read(body, TeamService.Reassignment.class);
    return Map.of("reassigned", team.reassign(StaffFilter.current(request), reassignment));
  }

  @GET
  @Path("tickets/{ticketNo}")
  @StaffOnly({Role.AGENT, Role.SUPERVISOR, Role.ADMIN})
  @SecurityRequirement(name = "staffToken")
  @Operation(summary = "A ticket with its whole timeline, internal notes included")
  public TicketView ticket(@PathParam("ticketNo") String ticketNo) {
    return tickets.ticket(ticketNo);
  }

  @GET
  @Path("tickets/{ticketNo}/attachments")
  @StaffOnly({Role.AGENT, Role.SUPERVISOR, Role.ADMIN})
  @SecurityRequirement(name = "staffToken")
  @Operation(summary = "The files attached to a ticket")
  public List<AttachmentView> attachments(@PathParam("ticketNo") String ticketNo) {
    return attachments.listForStaff(ticketNo);
  }

  @GET
  @Path("tickets/{ticketNo}/attachments/{id}")
  @StaffOnly({Role.AGENT, Role.SUPERVISOR, Role.ADMIN})
  @SecurityRequirement(name = "staffToken")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "Download one file attached to a ticket")
  @APIResponse(
      responseCode = "200",
      description = "The file, as an attachment, with its stored type",
      content =
          @Content(
              mediaType = "application/octet-stream",
              schema =
                  @Schema(
                      type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                      format = "binary")))
  public Response attachment(@PathParam("ticketNo") String ticketNo, @PathParam("id") String id) {
    return Attachments.download(attachments.downloadForStaff(ticketNo, id));
  }

  @POST
  @Path("tickets/{ticketNo}/actions")
  @Consumes(MediaType.APPLICATION_JSON)
  @StaffOnly({Role.AGENT, Role.SUPERVISOR, Role.ADMIN})
  @SecurityRequirement(name = "staffToken")
  @Operation(
      summary = "Act on a ticket",
      description =
          "type: REPLY (text), NOTE (text, staff only), ASK_BUYER (text), RESOLVE (resolution:"
              + " REDELIVERED|REPLACED|REFUNDED|ANSWERED, optional text), REJECT (text = reason"
              + " for the buyer), CLOSE; REDELIVER, REPLACE (optional keyIndex), REFUND"
              + " (optional keyIndex) run the automatic path's code: keys from stock, the"
              + " refund.issued webhook. RESOLVE only records a resolution. ESCALATE (target:"
              + " SUPERVISOR|SUPPLIER, text = reason for staff, at most 500 characters). An"
              + " action the ticket's state does not allow is a 409.")
  @APIResponse(
      responseCode = "200",
      description = "The ticket after the action",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = io.keydesk.application.Views.TicketView.class)))
  @APIResponse(responseCode = "409", description = "Not allowed in the ticket's state")
  public TicketView act(
      @PathParam("ticketNo") String ticketNo,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(ref = "StaffAction")))
          String body) {
    StaffAction action = bodies.read(body, StaffAction.class);
    return tickets.act(StaffFilter.current(request), ticketNo, action);
  }

  @GET
  @Path("tickets/{ticketNo}/case")
  @StaffOnly({Role.AGENT, Role.SUPERVISOR, Role.ADMIN})
  @SecurityRequirement(name = "staffToken")
  @Operation(
      summary = "Everything about one case: the ticket, the order and its contact, the keys",
      description =
          "The keys masked, with their delivery facts (delivered, first revealed by the buyer and"
              + " from which address, redeemed, refunded, replaced by), the evidence files and"
              + " the classifier's reading with its alternatives.")
  public CaseFile caseFile(@PathParam("ticketNo") String ticketNo) {
    return caseFiles.caseFile(StaffFilter.current(request), ticketNo);
  }

  @POST
  @Path("tickets/{ticketNo}/keys/{index}/reveal")
  @StaffOnly({Role.AGENT, Role.SUPERVISOR, Role.ADMIN})
  @SecurityRequirement(name = "staffToken")
  @Operation(
      summary = "Show one key of the case's order in clear, once; audited",
      description =
          "Records who revealed which key (fingerprint) and when in the audit chain. The key is"
              + " not marked revealed (that date is the buyer's). Never cached.")
  @APIResponse(
      responseCode = "200",
      description = "index, code, secret, fingerprint",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(implementation = io.keydesk.application.CaseFiles.StaffReveal.class)))
  public Response revealKey(
      @PathParam("ticketNo") String ticketNo, @PathParam("index") String index) {
    if (index == null || !index.matches("[0-9]{1,3}")) {
      throw new RequestException(
          Problem.invalid(List.of(new Problem.FieldError("index", "must be a key index 0-999"))));
    }
    return Response.ok(
            caseFiles.reveal(StaffFilter.current(request), ticketNo, Integer.parseInt(index)))
        .header("Cache-Control", "no-store")
        .build();
  }
}
