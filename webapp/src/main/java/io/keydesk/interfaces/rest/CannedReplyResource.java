package io.keydesk.interfaces.rest;

import io.keydesk.application.CannedReplies;
import io.keydesk.application.CannedReplies.CannedReplyForm;
import io.keydesk.application.CannedReplies.CannedReplyView;
import io.keydesk.application.CannedReplies.FilledReply;
import io.keydesk.domain.model.staff.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Staff: canned replies. Agents read them and get them filled in; supervisors and admins edit. */
@Path("/ops/canned-replies")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "staffToken")
@Tag(name = "staff", description = "Agents, supervisors and admins")
public class CannedReplyResource {
  @Inject CannedReplies replies;
  @Inject JsonBodies bodies;
  @Context HttpServletRequest request;

  @GET
  @StaffOnly({Role.AGENT, Role.SUPERVISOR, Role.ADMIN})
  @Operation(summary = "Every canned reply, by name and language")
  public List<CannedReplyView> list() {
    return replies.list();
  }

  @GET
  @Path("filled")
  @StaffOnly({Role.AGENT, Role.SUPERVISOR, Role.ADMIN})
  @Operation(
      summary = "The canned replies for one case, filled in, in the buyer's language",
      description =
          "ticket: the ticket number. One reply per name that fits the case's category, in the"
              + " case's language (English when the name has no text in it), with {orderNo},"
              + " {productName}, {ticketNo}, {deadline} filled in.")
  public List<FilledReply> filled(@QueryParam("ticket") String ticketNo) {
    if (ticketNo == null || ticketNo.isBlank()) {
      throw new RequestException(
          Problem.invalid(List.of(new Problem.FieldError("ticket", "must not be blank"))));
    }
    return replies.filledFor(ticketNo.strip());
  }

  @GET
  @Path("{id: [0-9]{1,18}}")
  @StaffOnly({Role.AGENT, Role.SUPERVISOR, Role.ADMIN})
  @Operation(summary = "One canned reply")
  public CannedReplyView get(@PathParam("id") long id) {
    return replies.get(id);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @StaffOnly({Role.SUPERVISOR, Role.ADMIN})
  @Operation(
      summary = "Write a canned reply",
      description =
          "name (a-z, 0-9, '-'), category (absent: every category), language (zh-CN or en),"
              + " body (placeholders {orderNo} {productName} {ticketNo} {deadline}"
              + " {buyerName?}). One reply per name and language (409 otherwise). Audited.")
  public Response create(
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(ref = "CannedReplyForm")))
          String body) {
    CannedReplyView created =
        replies.create(StaffFilter.current(request), bodies.read(body, CannedReplyForm.class));
    return Response.created(URI.create("ops/canned-replies/" + created.id()))
        .entity(created)
        .build();
  }

  @PUT
  @Path("{id: [0-9]{1,18}}")
  @Consumes(MediaType.APPLICATION_JSON)
  @StaffOnly({Role.SUPERVISOR, Role.ADMIN})
  @Operation(summary = "Change a canned reply's category and body (name and language stay)")
  public CannedReplyView update(
      @PathParam("id") long id,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(ref = "CannedReplyForm")))
          String body) {
    return replies.update(
        StaffFilter.current(request), id, bodies.read(body, CannedReplyForm.class));
  }

  @DELETE
  @Path("{id: [0-9]{1,18}}")
  @StaffOnly({Role.SUPERVISOR, Role.ADMIN})
  @Operation(summary = "Delete a canned reply; audited")
  public Response delete(@PathParam("id") long id) {
    replies.delete(StaffFilter.current(request), id);
    return Response.noContent().build();
  }
}
