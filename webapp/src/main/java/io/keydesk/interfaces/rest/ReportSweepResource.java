package io.keydesk.interfaces.rest;

import io.keydesk.domain.model.staff.Role;
import io.keydesk.infrastructure.reports.ReportSweep;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admins: run the scheduled report sweep now (after an outage, or to send a missed period). */
@Path("/ops/reports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "staffToken")
@Tag(name = "supplier reports")
public class ReportSweepResource {
  @Inject ReportSweep sweep;
  @Inject Clock clock;

  @POST
  @Path("sweep")
  @StaffOnly(Role.ADMIN)
  @Operation(
      summary = "Sends the scheduled reports due at a moment that were not sent yet",
      description =
          "at: an ISO-8601 instant (default now); the daily and weekly periods due at that moment"
              + " are sent to every supplier manager who has not received them. Safe to call"
              + " concurrently and repeatedly: each report goes out once.")
  public ReportSweep.Outcome sweep(@QueryParam("at") String at) {
    Instant when = clock.instant();
    if (at != null && !at.isBlank()) {
      List<Problem.FieldError> errors = new ArrayList<>();
      when = QueryTimes.instant("at", at, errors);
      if (!errors.isEmpty()) {
        throw new RequestException(Problem.invalid(errors));
      }
      if (when.isAfter(clock.instant())) {
        throw new RequestException(
            Problem.invalid(List.of(new Problem.FieldError("at", "must not be in the future"))));
      }
    }
    return sweep.sweep(when);
  }
}
