package io.keydesk.interfaces.rest;

import io.keydesk.application.DeadlineSweep;
import io.keydesk.application.TeamService;
import io.keydesk.application.TeamService.Member;
import io.keydesk.domain.model.staff.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Staff: the team's skills, capacity and presence, and the deadline sweep on demand. */
@Path("/ops/staff")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "staff", description = "Agents, supervisors and admins")
public class TeamResource {
  @Inject TeamService team;
  @Inject DeadlineSweep sweep;
  @Inject JsonBodies bodies;
  @Context HttpServletRequest request;

  /** Whether an agent is away. */
  @Schema(name = "Presence")
  public record Presence(@NotNull Boolean away) {}

  @GET
  @StaffOnly({Role.SUPERVISOR, Role.ADMIN})
  @SecurityRequirement(name = "staffToken")
  @Operation(summary = "Agents and supervisors with their skills, capacity and presence")
  public List<Member> team() {
    return team.team(StaffFilter.current(request));
  }

  @GET
  @Path("{username}/skills")
  @StaffOnly({Role.AGENT, Role.SUPERVISOR, Role.ADMIN})
  @SecurityRequirement(name = "staffToken")
  @Operation(summary = "One member's skills, capacity and presence (agents: only their own)")
  public Member skills(@PathParam("username") String username) {
    return team.member(StaffFilter.current(request), username);
  }

  @PUT
  @Path("{username}/skills")
  @Consumes(MediaType.APPLICATION_JSON)
  @StaffOnly({Role.SUPERVISOR, Role.ADMIN})
  @SecurityRequirement(name = "staffToken")
  @Operation(
      summary = "Set an agent's skills (supervisors)",
      description =
          "{categories: [NOT_RECEIVED|INVALID_KEY|WRONG_PURCHASE|PAYMENT_ISSUE|USAGE_HELP|OTHER],"
              + " languages: [zh-CN|en], capacity: 0-500, away: optional boolean}")
  public Member changeSkills(
      @PathParam("username") String username,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(ref = "Skills")))
          String body) {
    return team.changeSkills(
        StaffFilter.current(request), username, bodies.read(body, TeamService.Skills.class));
  }

  @PUT
  @Path("{username}/away")
  @Consumes(MediaType.APPLICATION_JSON)
  @StaffOnly({Role.AGENT, Role.SUPERVISOR, Role.ADMIN})
  @SecurityRequirement(name = "staffToken")
  @Operation(summary = "Step away or come back: {away: true|false} (agents: only themselves)")
  public Member away(
      @PathParam("username") String username,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(ref = "Presence")))
          String body) {
    return team.setAway(
        StaffFilter.current(request), username, bodies.read(body, Presence.class).away());
  }

  @POST
  @Path("deadline-sweep")
  @StaffOnly({Role.ADMIN})
  @SecurityRequirement(name = "staffToken")
  @Operation(
      summary = "Run the deadline sweep now (admins)",
      description =
          "What the timer does every keydesk.deadlines.sweep-seconds: flags targets at risk,"
              + " escalates missed ones, assigns waiting tickets. Safe to run concurrently.")
  public DeadlineSweep.Result sweep() {
    return sweep.sweep();
  }
}
