package io.keydesk.interfaces.rest;

import io.keydesk.application.OpsDashboard;
import io.keydesk.application.ShiftService;
import io.keydesk.application.StaffingForecast;
import io.keydesk.domain.model.staff.Role;
import io.keydesk.domain.model.staff.Shifts.Shift;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.time.Clock;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Supervisors: the live dashboard's numbers, the staffing forecast and the weekly shift table it
 * compares with. Supervisors and admins only.
 */
@Path("/ops")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "staffToken")
@Tag(name = "dashboard", description = "The supervisors' dashboard and staffing forecast")
public class DashboardResource {
  /** Looked up once: {@code Json.create…} scans the class path for the provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject OpsDashboard dashboard;
  @Inject StaffingForecast forecast;
  @Inject ShiftService shifts;
  @Inject Clock clock;
  @Context HttpServletRequest request;

  /** One shift as the API shows it. */
  public record ShiftView(String day, int from, int to) {}

  /** The body of {@code PUT /ops/shifts/{username}}, for the OpenAPI document (parsed by hand). */
  @Schema(name = "ShiftWeek")
  public record ShiftWeek(List<ShiftView> shifts) {}

  @GET
  @Path("dashboard")
  @StaffOnly({Role.SUPERVISOR, Role.ADMIN})
  @Operation(
      summary = "The supervisors' dashboard in one read",
      description =
          "Highest 24-hour complaint rates per product and supplier with their trend (the 24-hour"
              + " rate per window end over the last 3 days), the funnel of the last 24 hours by"
              + " step, open fraud signals, product alerts of the last 7 days, deadline breaches"
              + " (open tickets past their first-response or resolution due time) and the"
              + " self-resolution rate today (UTC) and over 7 days.")
  public OpsDashboard.Summary dashboard() {
    return dashboard.summary(clock.instant());
  }

  @GET
  @Path("forecast")
  @StaffOnly({Role.SUPERVISOR, Role.ADMIN})
  @Operation(
      summary =
          "Tickets expected per hour and category for the next 7 days, against agents on shift",
      description =
          "Additive Holt-Winters with a 168-hour season over the last 8 weeks of tickets per hour"
              + " (UTC); backtest: MAE and MAPE of each of the last 4 weeks forecast from the"
              + " weeks before it. See docs/console.md.")
  public StaffingForecast.Forecast forecast() {
    return forecast.forecast(clock.instant());
  }

  @GET
  @Path("shifts")
  @StaffOnly({Role.SUPERVISOR, Role.ADMIN})
  @Operation(
      summary = "The weekly shift table (local hours of keydesk.display-zone) per member of staff")
  public Map<String, List<ShiftView>> shifts() {
    Map<String, List<ShiftView>> byUser = new TreeMap<>();
    for (Shift s : shifts.all()) {
      byUser.computeIfAbsent(s.username(), u -> new ArrayList<>()).add(view(s));
    }
    return byUser;
  }

  @PUT
  @Path("shifts/{username}")
  @Consumes(MediaType.APPLICATION_JSON)
  @StaffOnly({Role.SUPERVISOR, Role.ADMIN})
  @Operation(
      summary = "Replace one member of staff's week",
      description =
          "Body {\"shifts\": [{\"day\": \"MONDAY\", \"from\": 9, \"to\": 17}]}: local hours, 0 <="
              + " from < to <= 24, no overlap on a day, at most 21; an empty list means off all"
              + " week. Audited.")
  public Map<String, Object> replace(
      @PathParam("username") String username,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(ref = "ShiftWeek")))
          String body) {
    List<Shift> week = parse(body);
    List<ShiftView> stored =
        shifts.replace(StaffFilter.current(request), username, week).stream()
            .map(DashboardResource::view)
            .toList();
    return Map.of("username", username, "shifts", stored);
  }

  private static ShiftView view(Shift s) {
    return new ShiftView(s.day().name(), s.from(), s.to());
  }

  /** The shifts of a body; every bad value named by its field. */
  static List<Shift> parse(String body) {
    JsonObject json;
    try (JsonReader reader = JSON.createReader(new StringReader(body == null ? "" : body))) {
      json = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new RequestException(
          Problem.invalid(List.of(new Problem.FieldError("body", "a JSON object is required"))));
    }
    JsonValue list = json.get("shifts");
    if (!(list instanceof JsonArray array)) {
      throw new RequestException(
          Problem.invalid(
              List.of(new Problem.FieldError("shifts", "a list of shifts is required"))));
    }
    List<Problem.FieldError> errors = new ArrayList<>();
    List<Shift> week = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String at = "shifts[" + i + "]";
      if (!(array.get(i) instanceof JsonObject s)) {
        errors.add(new Problem.FieldError(at, "must be an object"));
        continue;
      }
      DayOfWeek day = null;
      if (s.get("day") instanceof jakarta.json.JsonString d) {
        try {
          day = DayOfWeek.valueOf(d.getString().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          // reported below
        }
      }
      if (day == null) {
        errors.add(new Problem.FieldError(at + ".day", "must be MONDAY .. SUNDAY"));
      }
      Integer from = hour(s, "from", 0, 23);
      Integer to = hour(s, "to", 1, 24);
      if (from == null) {
        errors.add(new Problem.FieldError(at + ".from", "must be a whole hour from 0 to 23"));
      }
      if (to == null) {
        errors.add(new Problem.FieldError(at + ".to", "must be a whole hour from 1 to 24"));
      } else if (from != null && to <= from) {
        errors.add(new Problem.FieldError(at + ".to", "must be after from"));
      }
      if (day != null && from != null && to != null && from < to) {
        week.add(new Shift("-", Role.AGENT, day, from, to));
      }
    }
    if (!errors.isEmpty()) {
      throw new RequestException(Problem.invalid(errors));
    }
    return week;
  }

  private static Integer hour(JsonObject s, String field, int min, int max) {
    if (s.get(field) instanceof JsonNumber n && n.isIntegral()) {
      long v = n.longValue();
      return v >= min && v <= max ? (int) v : null;
    }
    return null;
  }
}
