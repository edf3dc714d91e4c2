package io.keydesk.interfaces.rest;

import io.keydesk.application.AccessTokens.BuyerIdentity;
import io.keydesk.application.BuyerAccessService;
import io.keydesk.application.BuyerAccessService.BuyerSession;
import io.keydesk.application.BuyerInboxService;
import io.keydesk.application.BuyerPreferences;
import io.keydesk.application.BuyerPreferences.PreferencesView;
import io.keydesk.application.BuyerTicketService;
import io.keydesk.application.KeyRevealService;
import io.keydesk.application.Views.InboxMessageView;
import io.keydesk.application.Views.InboxView;
import io.keydesk.application.Views.OrderView;
import io.keydesk.application.Views.TicketSummary;
import io.keydesk.domain.shared.NotFoundException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A buyer proves an order and sees their orders and cases. */
@Path("/buyer")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "buyer", description = "The buyer's own orders and cases")
public class BuyerResource {
  /** Looked up once: {@code Json.create…} scans the class path for the provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject BuyerAccessService access;
  @Inject BuyerTicketService service;
  @Inject BuyerInboxService inbox;
  @Inject BuyerAuth auth;
  @Inject KeyRevealService reveal;
  @Inject BuyerPreferences preferences;
  @Inject JsonBodies bodies;
  @Inject ClientAddress clientAddress;
  @Context HttpServletRequest request;

  /** Order number and the contact the shop knows for it. */
  @Schema(name = "SessionRequest")
  public record SessionRequest(
      @NotBlank @Size(max = 64) String orderNo, @NotBlank @Size(max = 254) String contact) {}

  @POST
  @Path("sessions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Open a buyer session",
      description =
          "Order number + e-mail or phone of that order → a short-lived token. A wrong contact and"
              + " an unknown order get the same 401. Limited per client IP and per order number"
              + " (429 with Retry-After).")
  @APIResponses({
    @APIResponse(
        responseCode = "201",
        description = "token and expiresAt",
        content =
            @Content(
                mediaType = MediaType.APPLICATION_JSON,
                schema =
                    @Schema(
                        implementation =
                            io.keydesk.application.BuyerAccessService.BuyerSession.class))),
    @APIResponse(responseCode = "401", description = "No such order for this contact"),
    @APIResponse(responseCode = "429", description = "Too many attempts")
  })
  public jakarta.ws.rs.core.Response open(
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(ref = "SessionRequest")))
          String body) {
    SessionRequest req = bodies.read(body, SessionRequest.class);
    BuyerSession session =
        access
            .openSession(req.orderNo(), req.contact(), clientAddress.of(request))
            .orElseThrow(
                () ->
                    new RequestException(
                        Problem.of(
                            401,
                            "no-such-order",
                            "Unauthorized",
                            "no order with this number and contact")));
    return jakarta.ws.rs.core.Response.status(201)
        .entity(session)
        .header("Cache-Control", "no-store")
        .build();
  }

  /** The token of a magic link from the delivery e-mail. */
  @Schema(name = "MagicRequest")
  public record MagicRequest(
      @NotBlank
          @Size(max = 100)
          @Pattern(regexp = "kdm_[A-Za-z0-9_-]{20,96}", message = "must be a magic link token")
          String token) {}

  @POST
  @Path("sessions/magic")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Open a buyer session with a magic link",
      description =
          "The token of the link in the delivery e-mail (…/m/{token}) → the same answer as POST"
              + " /buyer/sessions. A link works once and expires (keydesk.buyer.magic-link-ttl);"
              + " an unknown, used and expired token get the same 401. Limited per client IP"
              + " (429 with Retry-After).")
  @APIResponses({
    @APIResponse(
        responseCode = "201",
        description = "token and expiresAt",
        content =
            @Content(
                mediaType = MediaType.APPLICATION_JSON,
                schema =
                    @Schema(
                        implementation =
                            io.keydesk.application.BuyerAccessService.BuyerSession.class))),
    @APIResponse(responseCode = "400", description = "No token, or not a token's shape"),
    @APIResponse(responseCode = "401", description = "Unknown, used or expired link"),
    @APIResponse(responseCode = "429", description = "Too many attempts")
  })
  public jakarta.ws.rs.core.Response openWithMagicLink(
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(ref = "MagicRequest")))
          String body) {
    MagicRequest req = bodies.read(body, MagicRequest.class);
    BuyerSession session =
        access
            .openWithMagicLink(req.token(), clientAddress.of(request))
            .orElseThrow(
                () ->
                    new RequestException(
                        Problem.of(
                            401,
                            "magic-link-invalid",
                            "Unauthorized",
                            "this link is unknown, was already used or has expired")));
    return jakarta.ws.rs.core.Response.status(201)
        .entity(session)
        .header("Cache-Control", "no-store")
        .build();
  }

  @GET
  @Path("orders")
  @Operation(summary = "The buyer's orders, keys masked")
  @SecurityRequirement(name = "buyerToken")
  public List<OrderView> orders(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    BuyerIdentity buyer = auth.require(authorization);
    return service.orders(buyer);
  }

  @GET
  @Path("tickets")
  @Operation(summary = "The buyer's cases, newest first")
  @SecurityRequirement(name = "buyerToken")
  public List<TicketSummary> tickets(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    return service.tickets(auth.require(authorization));
  }

  @GET
  @Path("inbox")
  @Operation(
      summary = "The buyer's in-site inbox, newest first",
      description =
          "What Keydesk told the buyer (case received, answered, resolved; keys re-sent), in the"
              + " buyer's language: the newest 100 messages and the number of unread ones.")
  @SecurityRequirement(name = "buyerToken")
  public InboxView inbox(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    return inbox.inbox(auth.require(authorization));
  }

  @POST
  @Path("inbox/{id}/read")
  @Operation(summary = "Mark one inbox message read (again: no change)")
  @APIResponses({
    @APIResponse(
        responseCode = "200",
        description = "The message, read",
        content =
            @Content(
                mediaType = MediaType.APPLICATION_JSON,
                schema =
                    @Schema(implementation = io.keydesk.application.Views.InboxMessageView.class))),
    @APIResponse(responseCode = "404", description = "No such message among the buyer's")
  })
  @SecurityRequirement(name = "buyerToken")
  public InboxMessageView markRead(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
    BuyerIdentity buyer = auth.require(authorization);
    if (id == null || !id.matches("[0-9]{1,18}")) {
      throw new NotFoundException("inbox message");
    }
    return inbox.markRead(buyer, Long.parseLong(id));
  }

  /** The channels to switch; a missing one stays as it is. The inbox is always on. */
  @Schema(name = "PreferencesRequest")
  public record PreferencesRequest(Boolean email, Boolean sms) {}

  @GET
  @Path("preferences")
  @Operation(
      summary = "The channels the buyer gets news of their cases on",
      description =
          "email and sms (on/off), inbox (always true), and the masked e-mail address and phone"
              + " number known for the buyer's order (null when unknown: that channel cannot be"
              + " switched on). One-time codes and a re-sent delivery always go to the contact.")
  @SecurityRequirement(name = "buyerToken")
  public PreferencesView preferences(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    return preferences.get(auth.require(authorization));
  }

  @PUT
  @Path("preferences")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Choose the channels for news of the buyer's cases",
      description =
          "{\"email\": true|false, \"sms\": true|false}; a missing field keeps its value."
              + " Switching on a channel with no known address is a 400 naming the field.")
  @APIResponses({
    @APIResponse(
        responseCode = "200",
        description = "The choice now in force",
        content =
            @Content(
                mediaType = MediaType.APPLICATION_JSON,
                schema =
                    @Schema(
                        implementation =
                            io.keydesk.application.BuyerPreferences.PreferencesView.class))),
    @APIResponse(responseCode = "400", description = "A channel without an address")
  })
  @SecurityRequirement(name = "buyerToken")
  public PreferencesView choose(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(ref = "PreferencesRequest")))
          String body) {
    BuyerIdentity buyer = auth.require(authorization);
    PreferencesRequest req = bodies.read(body, PreferencesRequest.class);
    strictBooleans(body, "email", "sms");
    return preferences.update(buyer, req.email(), req.sms());
  }

  /** JSON-B reads "no" as false; a channel switch must be a JSON true or false (or absent). */
  private static void strictBooleans(String body, String... fields) {
    jakarta.json.JsonObject object;
    try (jakarta.json.JsonReader reader = JSON.createReader(new StringReader(body))) {
      object = reader.readObject();
    } catch (RuntimeException e) {
      throw new RequestException(
          Problem.invalid(List.of(new Problem.FieldError("body", "a JSON object is required"))));
    }
    for (String field : fields) {
      if (!object.containsKey(field)) {
        continue;
      }
      jakarta.json.JsonValue.ValueType type = object.get(field).getValueType();
      if (type != jakarta.json.JsonValue.ValueType.TRUE
          && type != jakarta.json.JsonValue.ValueType.FALSE) {
        throw new RequestException(
            Problem.invalid(List.of(new Problem.FieldError(field, "must be true or false"))));
      }
    }
  }

  /** The language texts sent to the buyer are written in. */
  @Schema(name = "LanguageRequest")
  public record LanguageRequest(
      @Pattern(regexp = "zh-CN|en", message = "must be zh-CN or en") String language) {}

  /** The optional body of the calls that send the buyer something. */
  private LanguageRequest language(String body) {
    return body == null || body.isBlank()
        ? new LanguageRequest(null)
        : bodies.read(body, LanguageRequest.class);
  }

  /** A one-time code the buyer received. */
  @Schema(name = "RevealRequest")
  public record RevealRequest(
      @NotBlank @Pattern(regexp = "[0-9]{6}", message = "must be the 6 digits sent to you")
          String code) {}

  @POST
  @Path("orders/{orderNo}/keys/{index}/code")
  @Consumes(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = "buyerToken")
  @Operation(
      summary = "Send a one-time code to show a key again",
      description =
          "Sends a 6-digit code, valid 10 minutes, to the contact of the session (e-mail or SMS)."
              + " At most 3 codes per key per 15 minutes (429 with Retry-After). Body optional:"
              + " {\"language\": \"zh-CN\"|\"en\"}.")
  @APIResponses({
    @APIResponse(
        responseCode = "202",
        description = "sentTo (masked) and expiresAt",
        content =
            @Content(
                mediaType = MediaType.APPLICATION_JSON,
                schema =
                    @Schema(
                        implementation = io.keydesk.application.KeyRevealService.CodeSent.class))),
    @APIResponse(responseCode = "404", description = "No such order or key among the buyer's"),
    @APIResponse(responseCode = "409", description = "The key was refunded or voided")
  })
  public jakarta.ws.rs.core.Response sendCode(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @PathParam("orderNo") String orderNo,
      @PathParam("index") int index,
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(ref = "LanguageRequest")))
          String body) {
    BuyerIdentity buyer = auth.require(authorization);
    LanguageRequest req = language(body);
    return jakarta.ws.rs.core.Response.status(202)
        .entity(reveal.sendCode(buyer, orderNo, index, req.language()))
        .build();
  }

  @POST
  @Path("orders/{orderNo}/keys/{index}/reveal")
  @Consumes(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = "buyerToken")
  @Operation(
      summary = "Show a key with the one-time code",
      description =
          "The key's code (and secret) in clear, for this buyer only; the key is marked revealed."
              + " A wrong code is refused (422, attemptsLeft); after 5 wrong codes, or without a"
              + " pending code, a new code must be requested.")
  @APIResponses({
    @APIResponse(
        responseCode = "200",
        description = "index, code, secret, revealedAt",
        content =
            @Content(
                mediaType = MediaType.APPLICATION_JSON,
                schema =
                    @Schema(
                        implementation =
                            io.keydesk.application.KeyRevealService.RevealedKey.class))),
    @APIResponse(responseCode = "422", description = "Wrong, expired or used-up code")
  })
  public jakarta.ws.rs.core.Response revealKey(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @PathParam("orderNo") String orderNo,
      @PathParam("index") int index,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(ref = "RevealRequest")))
          String body) {
    BuyerIdentity buyer = auth.require(authorization);
    RevealRequest req = bodies.read(body, RevealRequest.class);
    KeyRevealService.Reveal result =
        reveal.reveal(buyer, orderNo, index, req.code(), clientAddress.of(request));
    if (result.key() == null) {
      String detail =
          switch (result.refusal()) {
            case NO_CODE -> "no valid code for this key: request a new one";
            case WRONG_CODE -> "wrong code; " + result.attemptsLeft() + " attempts left";
            case TOO_MANY_ATTEMPTS -> "too many wrong codes: request a new one";
          };
      Problem p =
          Problem.of(
              422,
              "code-"
                  + result.refusal().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
              "Code not accepted",
              detail);
      throw new RequestException(p);
    }
    return jakarta.ws.rs.core.Response.ok(result.key()).header("Cache-Control", "no-store").build();
  }

  @POST
  @Path("orders/{orderNo}/delivery")
  @Consumes(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = "buyerToken")
  @Operation(
      summary = "Send the order's delivery again",
      description =
          "E-mail (or SMS) with the order's keys, to the order's contact. At most 2 per order per"
              + " hour (429 with Retry-After). Body optional: {\"language\": \"zh-CN\"|\"en\"}.")
  @APIResponses({
    @APIResponse(responseCode = "202", description = "Queued"),
    @APIResponse(responseCode = "429", description = "Sent too often lately")
  })
  public jakarta.ws.rs.core.Response resend(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @PathParam("orderNo") String orderNo,
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(ref = "LanguageRequest")))
          String body) {
    BuyerIdentity buyer = auth.require(authorization);
    LanguageRequest req = language(body);
    reveal.resendDelivery(buyer, orderNo, req.language());
    return jakarta.ws.rs.core.Response.status(202).build();
  }
}
