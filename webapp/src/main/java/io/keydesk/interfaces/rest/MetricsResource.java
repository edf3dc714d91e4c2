package io.keydesk.interfaces.rest;

import io.keydesk.application.AnalyticsQueries;
import io.keydesk.application.AnalyticsQueries.Funnel;
import io.keydesk.application.AnalyticsQueries.RatePage;
import io.keydesk.domain.model.staff.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Staff: the streams job's live numbers, from the read models the webapp keeps of its result
 * topics. Supplier managers see the complaint rates of their own supplier only, and no funnel.
 */
@Path("/ops/metrics")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "staffToken")
@Tag(name = "metrics", description = "Complaint rates and the after-sales funnel (streams job)")
public class MetricsResource {
  private static final Set<String> WINDOWS = Set.of("1h", "24h", "7d");
  private static final Set<String> SCOPES = Set.of("product", "supplier", "batch");
  private static final Set<String> MODES = Set.of("novice", "expert", "unknown");
  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.:-]{1,16}");
  private static final Duration MAX_RANGE = Duration.ofDays(366);

  @Inject AnalyticsQueries queries;
  @Inject Clock clock;
  @Context HttpServletRequest request;

  @GET
  @Path("products")
  @StaffOnly({Role.AGENT, Role.SUPERVISOR, Role.ADMIN, Role.SUPPLIER_MANAGER})
  @Operation(
      summary = "Complaint rates per product, supplier or key batch, highest first",
      description =
          "window: 1h, 24h (default) or 7d; scope: product (default), supplier or batch. Each item:"
              + " delivered orders, complaints, byCategory, rate (complaints ÷ delivered) and the"
              + " window's end. Paging: page (from 0), size (1-200, default 50). A supplier manager"
              + " sees only their supplier's rows.")
  public RatePage products(
      @QueryParam("window") @DefaultValue("24h") String window,
      @QueryParam("scope") @DefaultValue("product") String scope,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    List<Problem.FieldError> errors = new ArrayList<>();
    if (!WINDOWS.contains(window)) {
      errors.add(new Problem.FieldError("window", "must be 1h, 24h or 7d"));
    }
    if (!SCOPES.contains(scope)) {
      errors.add(new Problem.FieldError("scope", "must be product, supplier or batch"));
    }
    Paging.check(page, size, errors);
    if (!errors.isEmpty()) {
      throw new RequestException(Problem.invalid(errors));
    }
    return queries.rates(StaffFilter.current(request), scope, window, page, size);
  }

  @GET
  @Path("funnel")
  @StaffOnly({Role.AGENT, Role.SUPERVISOR, Role.ADMIN})
  @Operation(
      summary = "The after-sales funnel: per step, sessions entered, completed and abandoned",
      description =
          "Summed over the hours in [from, to) (ISO-8601 instants; default: the last 24 hours, at"
              + " most 366 days). Optional filters: mode (novice, expert, unknown), language (e.g."
              + " zh-CN), channel (e.g. web).")
  public Funnel funnel(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("mode") String mode,
      @QueryParam("language") String language,
      @QueryParam("channel") String channel) {
    List<Problem.FieldError> errors = new ArrayList<>();
    Instant toAt = QueryTimes.instant("to", to, errors);
    Instant fromAt = QueryTimes.instant("from", from, errors);
    if (errors.isEmpty()) {
      toAt = toAt == null ? clock.instant() : toAt;
      fromAt = fromAt == null ? toAt.minus(Duration.ofDays(1)) : fromAt;
      if (!fromAt.isBefore(toAt)) {
        errors.add(new Problem.FieldError("from", "must be before to"));
      } else if (Duration.between(fromAt, toAt).compareTo(MAX_RANGE) > 0) {
        errors.add(new Problem.FieldError("from", "the range may span at most 366 days"));
      }
    }
    String m = blank(mode);
    if (m != null && !MODES.contains(m)) {
      errors.add(new Problem.FieldError("mode", "must be novice, expert or unknown"));
    }
    String l = blank(language);
    if (l != null && !WORD.matcher(l).matches()) {
      errors.add(new Problem.FieldError("language", "must be a language tag such as zh-CN"));
    }
    String c = blank(channel);
    if (c != null && !WORD.matcher(c).matches()) {
      errors.add(new Problem.FieldError("channel", "must be a channel name such as web"));
    }
    if (!errors.isEmpty()) {
      throw new RequestException(Problem.invalid(errors));
    }
    return queries.funnel(fromAt, toAt, m, l, c);
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
