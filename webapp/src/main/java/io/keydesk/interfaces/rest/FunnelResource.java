package io.keydesk.interfaces.rest;

import io.keydesk.application.AddressBucket;
import io.keydesk.application.FunnelService;
import io.keydesk.application.FunnelStep;
import io.keydesk.application.RateLimiter;
import io.keydesk.application.TooManyRequestsException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Steps of the buyer's after-sales flow, for the abandonment funnel. Open to anyone (a portal page
 * reports before the buyer has a session), limited per client address. Accepts {@code text/plain}
 * too, which is what {@code navigator.sendBeacon} sends when the buyer leaves the page.
 */
@Path("/funnel/events")
@RequestScoped
@Tag(name = "funnel", description = "Steps of the after-sales flow")
public class FunnelResource {
  @Inject FunnelService funnel;
  @Inject RateLimiter limiter;
  @Inject JsonBodies bodies;
  @Inject ClientAddress clientAddress;
  @Context HttpServletRequest request;

  @Inject
  @ConfigProperty(name = "keydesk.funnel.limit-per-ip", defaultValue = "600")
  int limitPerIp;

  @POST
  @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
  @Operation(
      summary = "Report a step of the after-sales flow",
      description =
          "{sessionId, step (ORDER|CATEGORY|KNOWLEDGE_BASE|DETAILS|EVIDENCE|SUBMIT|OUTCOME), action"
              + " (VIEWED|COMPLETED|HANDED_OFF|SUBMITTED|LEFT), mode? (novice|expert), language"
              + " (zh-CN|en), channel (web|mobile|api), category?, orderNo?} → 202; published on"
              + " keydesk.funnel.v1 keyed by sessionId. At most 600 per client address per minute.")
  @APIResponses({
    @APIResponse(responseCode = "202", description = "Recorded"),
    @APIResponse(responseCode = "400", description = "Invalid fields, each named"),
    @APIResponse(responseCode = "429", description = "Too many reports from this address")
  })
  public Response report(
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(ref = "FunnelStep")))
          String body) {
    RateLimiter.Decision allowed =
        limiter.hit(
            "funnel:ip:" + AddressBucket.of(clientAddress.of(request)),
            limitPerIp,
            Duration.ofMinutes(1));
    if (!allowed.allowed()) {
      throw new TooManyRequestsException(allowed.retryAfter());
    }
    funnel.record(bodies.read(body, FunnelStep.class));
    return Response.accepted().build();
  }
}
