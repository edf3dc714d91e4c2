package io.keydesk.interfaces.rest;

import io.keydesk.application.AccessTokens.BuyerIdentity;
import io.keydesk.application.BuyerCaseActions;
import io.keydesk.application.BuyerTicketService;
import io.keydesk.application.BuyerTicketService.Filed;
import io.keydesk.application.ClaimProcessor;
import io.keydesk.application.FileTicket;
import io.keydesk.application.TicketAttachments;
import io.keydesk.application.TicketAttachments.AttachmentView;
import io.keydesk.application.Views.TicketView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A buyer opens and follows a case. */
@Path("/tickets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "buyerToken")
@Tag(name = "buyer")
public class TicketResource {
  @Inject BuyerTicketService service;
  @Inject BuyerCaseActions caseActions;
  @Inject TicketAttachments attachments;
  @Inject BuyerAuth auth;
  @Inject JsonBodies bodies;
  @Inject ClientAddress clientAddress;
  @Context HttpServletRequest request;

  /** A message from the buyer. */
  @Schema(name = "MessageRequest")
  public record MessageRequest(@NotBlank @Size(max = 4000) String text) {}

  /** "Talk to a human": an optional reason. */
  @Schema(name = "HandoffRequest")
  public record HandoffRequest(@Size(min = 1, max = 4000) String reason) {}

  @Schema(name = "SolvedRequest")
  public record SolvedRequest(@Size(min = 1, max = 1000) String comment) {}

  /** Why the buyer reopens a resolved case. */
  @Schema(name = "ReopenRequest")
  public record ReopenRequest(@NotBlank @Size(max = 4000) String reason) {}

  /** The buyer's rating of a resolved case. */
  @Schema(name = "RatingRequest")
  public record RatingRequest(
      @NotNull @Min(1) @Max(5) Integer score, @Size(max = 1000) String comment) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Open a case about one of the buyer's orders",
      description =
          "The risk engine decides at once (risk.decision AUTO, REVIEW or BLOCK, with reasons);"
              + " with AUTO the automatic path runs in the same request: a key delivered from stock,"
              + " a verified defective key replaced, a refund, the delivery sent again (autoAction,"
              + " status RESOLVED, keys). Otherwise the case waits for an agent (IN_REVIEW) or is"
              + " refused (RESOLVED/REJECTED). Optional fields: errorText (the error the shop or"
              + " platform showed), intendedProduct (WRONG_PURCHASE), deviceId (a stable id of the"
              + " buyer's device). With an Idempotency-Key header a retried submit returns the"
              + " ticket of the first call (200) instead of creating a second one (201); the same"
              + " key with a different body is refused (422).")
  @APIResponses({
    @APIResponse(
        responseCode = "201",
        description = "Created",
        content =
            @Content(
                mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = io.keydesk.application.Views.TicketView.class))),
    @APIResponse(
        responseCode = "200",
        description = "Retry of an earlier submit",
        content =
            @Content(
                mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = io.keydesk.application.Views.TicketView.class))),
    @APIResponse(responseCode = "404", description = "No such order among the buyer's")
  })
  public Response file(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @Parameter(description = "Any unique string up to 100 characters")
          @HeaderParam("Idempotency-Key")
          String idempotencyKey,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(ref = "FileTicket")))
          String body) {
    BuyerIdentity buyer = auth.require(authorization);
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
      throw new RequestException(
          Problem.invalid(
              List.of(new Problem.FieldError("Idempotency-Key", "must be 1 to 100 characters"))));
    }
    FileTicket cmd = bodies.read(body, FileTicket.class);
    ClaimProcessor.Origin origin = new ClaimProcessor.Origin(clientAddress.of(request), null);
    Filed filed = Conflicts.retryOnce(() -> service.file(buyer, cmd, idempotencyKey, origin));
    return Response.status(filed.created() ? 201 : 200)
        .location(URI.create("tickets/" + filed.ticket().ticketNo()))
        .entity(filed.ticket())
        .build();
  }

  @GET
  @Path("{ticketNo}")
  @Operation(summary = "A case with its status and timeline")
  @APIResponse(
      responseCode = "200",
      description = "The case",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = io.keydesk.application.Views.TicketView.class)))
  @APIResponse(responseCode = "404", description = "No such ticket among the buyer's")
  public TicketView ticket(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @PathParam("ticketNo") String ticketNo) {
    return service.ticket(auth.require(authorization), ticketNo);
  }

  @POST
  @Path("{ticketNo}/messages")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Write to the agent on a case")
  public TicketView message(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @PathParam("ticketNo") String ticketNo,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(ref = "MessageRequest")))
          String body) {
    BuyerIdentity buyer = auth.require(authorization);
    MessageRequest msg = bodies.read(body, MessageRequest.class);
    return service.addMessage(buyer, ticketNo, msg.text());
  }

  @POST
  @Path("{ticketNo}/attachments")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      summary = "Attach evidence files to a case",
      description =
          "multipart/form-data with 1 to 5 'file' parts of at most 10 MB each. The type is"
              + " checked by content: PNG, JPEG, WebP, GIF, PDF or plain text. PNG and JPEG are"
              + " re-encoded, which removes their metadata (EXIF, GPS position). One refused file"
              + " refuses the whole request and nothing is stored.")
  @APIResponses({
    @APIResponse(
        responseCode = "201",
        description = "The stored files",
        content =
            @Content(
                mediaType = MediaType.APPLICATION_JSON,
                schema =
                    @Schema(
                        type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                        implementation =
                            io.keydesk.application.TicketAttachments.AttachmentView.class))),
    @APIResponse(responseCode = "400", description = "No file, more than 5, or unreadable"),
    @APIResponse(responseCode = "404", description = "No such ticket among the buyer's"),
    @APIResponse(responseCode = "413", description = "A file is larger than 10 MB"),
    @APIResponse(responseCode = "415", description = "A file's type is not allowed")
  })
  public Response attach(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @PathParam("ticketNo") String ticketNo) {
    BuyerIdentity buyer = auth.require(authorization);
    service.ticket(buyer, ticketNo); // someone else's ticket is a 404 before the body is read
    List<AttachmentView> stored = attachments.attach(buyer, ticketNo, Attachments.uploads(request));
    return Response.status(201).entity(stored).build();
  }

  @GET
  @Path("{ticketNo}/attachments")
  @Operation(summary = "The files attached to a case")
  @APIResponse(
      responseCode = "200",
      description = "The files, oldest first",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(
                      type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                      implementation =
                          io.keydesk.application.TicketAttachments.AttachmentView.class)))
  @APIResponse(responseCode = "404", description = "No such ticket among the buyer's")
  public List<AttachmentView> attachments(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @PathParam("ticketNo") String ticketNo) {
    return attachments.list(auth.require(authorization), ticketNo);
  }

  @GET
  @Path("{ticketNo}/attachments/{id}")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "Download one attached file")
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
  @APIResponse(responseCode = "404", description = "No such ticket or file among the buyer's")
  public Response attachment(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @PathParam("ticketNo") String ticketNo,
      @PathParam("id") String id) {
    return Attachments.download(attachments.download(auth.require(authorization), ticketNo, id));
  }

  @POST
  @Path("{ticketNo}/handoff")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Talk to a human (转人工) on a case",
      description =
          "An open case that is not already with an agent goes to IN_REVIEW and its timeline says"
              + " the buyer asked for a human; a RESOLVED case inside the 7-day reopen window is"
              + " reopened and goes to review. Asking again while the case is in review changes"
              + " nothing. The body may be empty or {\"reason\": \"…\"}.")
  @APIResponses({
    @APIResponse(
        responseCode = "200",
        description = "The case, now with an agent",
        content =
            @Content(
                mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = io.keydesk.application.Views.TicketView.class))),
    @APIResponse(responseCode = "404", description = "No such ticket among the buyer's"),
    @APIResponse(
        responseCode = "409",
        description = "Closed (illegal-transition) or resolved too long ago (reopen-window-passed)")
  })
  public TicketView handoff(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @PathParam("ticketNo") String ticketNo,
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(ref = "HandoffRequest")))
          String body) {
    BuyerIdentity buyer = auth.require(authorization);
    HandoffRequest req =
        body == null || body.isBlank()
            ? new HandoffRequest(null)
            : bodies.read(body, HandoffRequest.class);
    return Conflicts.retryOnce(() -> caseActions.handOff(buyer, ticketNo, req.reason()));
  }

  @POST
  @Path("{ticketNo}/solved")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Say the problem is solved",
      description =
          "The buyer's own answer to an open case (the mail turned up, the key works in the"
              + " right store): the case is RESOLVED with resolution ANSWERED by the buyer and"
              + " leaves the agents' queue; it can be reopened within 7 days. The body may be empty"
              + " or {\"comment\": \"…\"} (at most 1000 characters), kept in the resolution note.")
  @APIResponses({
    @APIResponse(
        responseCode = "200",
        description = "The case, now resolved",
        content =
            @Content(
                mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = io.keydesk.application.Views.TicketView.class))),
    @APIResponse(responseCode = "400", description = "A blank or too long comment"),
    @APIResponse(responseCode = "404", description = "No such ticket among the buyer's"),
    @APIResponse(
        responseCode = "409",
        description = "Already resolved or closed (illegal-transition)")
  })
  public TicketView solved(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @PathParam("ticketNo") String ticketNo,
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(ref = "SolvedRequest")))
          String body) {
    BuyerIdentity buyer = auth.require(authorization);
    SolvedRequest req =
        body == null || body.isBlank()
            ? new SolvedRequest(null)
            : bodies.read(body, SolvedRequest.class);
    return Conflicts.retryOnce(() -> caseActions.markSolved(buyer, ticketNo, req.comment()));
  }

  @POST
  @Path("{ticketNo}/reopen")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Reopen a resolved case",
      description =
          "Within 7 days of the resolution; the case goes back to the agents' queue (REOPENED).")
  @APIResponses({
    @APIResponse(
        responseCode = "200",
        description = "The reopened case",
        content =
            @Content(
                mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = io.keydesk.application.Views.TicketView.class))),
    @APIResponse(responseCode = "400", description = "No reason"),
    @APIResponse(responseCode = "404", description = "No such ticket among the buyer's"),
    @APIResponse(
        responseCode = "409",
        description = "Not resolved (illegal-transition) or past the window (reopen-window-passed)")
  })
  public TicketView reopen(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @PathParam("ticketNo") String ticketNo,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(ref = "ReopenRequest")))
          String body) {
    BuyerIdentity buyer = auth.require(authorization);
    ReopenRequest req = bodies.read(body, ReopenRequest.class);
    return caseActions.reopen(buyer, ticketNo, req.reason());
  }

  @POST
  @Path("{ticketNo}/rating")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Rate a resolved or closed case",
      description = "score 1 to 5 and an optional comment (at most 1000 characters); once.")
  @APIResponses({
    @APIResponse(
        responseCode = "200",
        description = "The case with its rating",
        content =
            @Content(
                mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = io.keydesk.application.Views.TicketView.class))),
    @APIResponse(responseCode = "400", description = "Score missing or outside 1 to 5"),
    @APIResponse(responseCode = "404", description = "No such ticket among the buyer's"),
    @APIResponse(
        responseCode = "409",
        description = "Not resolved yet (not-resolved) or rated already (already-rated)")
  })
  public TicketView rate(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @PathParam("ticketNo") String ticketNo,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(ref = "RatingRequest")))
          String body) {
    BuyerIdentity buyer = auth.require(authorization);
    RatingRequest req = bodies.read(body, RatingRequest.class);
    return caseActions.rate(buyer, ticketNo, req.score(), req.comment());
  }
}
