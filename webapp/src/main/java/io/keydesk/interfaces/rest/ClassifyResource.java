package io.keydesk.interfaces.rest;

import io.keydesk.application.AddressBucket;
import io.keydesk.application.RateLimiter;
import io.keydesk.application.TooManyRequestsException;
import io.keydesk.classifier.Classification;
import io.keydesk.infrastructure.classification.TicketClassifier;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Anyone may ask which category a description belongs to (the portal suggests one while the buyer
 * types); limited per client IP.
 */
@Path("/classify")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "classify", description = "Suggest an after-sales category for a free-text description")
public class ClassifyResource {
  private static final String BUNDLE = "io.keydesk.i18n.messages";

  @Inject TicketClassifier classifier;
  @Inject RateLimiter limiter;
  @Inject JsonBodies bodies;
  @Inject ClientAddress clientAddress;
  @Context HttpServletRequest request;

  @Inject
  @ConfigProperty(name = "keydesk.classify.limit-per-ip", defaultValue = "60")
  int limitPerIp;

  @Inject
  @ConfigProperty(name = "keydesk.classify.limit-window-seconds", defaultValue = "60")
  long limitWindowSeconds;

  /** The buyer's words, and the language of the labels in the answer. */
  @Schema(name = "ClassifyRequest")
  public record ClassifyRequest(
      @Schema(description = "The buyer's description, Chinese, English or both", maxLength = 4000)
          @NotBlank
          @Size(max = 4000)
          String text,
      @Schema(description = "Language of the labels; default from Accept-Language, else en")
          @Pattern(regexp = "zh-CN|en", message = "must be zh-CN or en")
          String language) {}

  /** A category with its probability. */
  @Schema(name = "ScoredCategory")
  public record Scored(String category, String label, double confidence) {}

  /** A fact found in the text: ERROR_CODE, ALREADY_USED, REGION, PLATFORM or AMOUNT. */
  @Schema(name = "ClassificationHint")
  public record HintView(String type, String value) {}

  /** The most probable category, the others best first, and the hints. */
  @Schema(name = "ClassifyResponse")
  public record ClassifyResponse(
      String category,
      String label,
      double confidence,
      List<Scored> alternatives,
      boolean confident,
      List<HintView> hints) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Suggest a category for a description",
      description =
          "Open to anyone. The confidence is the model's probability; below the threshold"
              + " (0.55) `confident` is false and the buyer should choose between the first"
              + " categories. Limited per client IP (429 with Retry-After).")
  @APIResponses({
    @APIResponse(
        responseCode = "200",
        description = "The category, the runner-ups and the hints",
        content =
            @Content(
                mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = ClassifyResponse.class))),
    @APIResponse(responseCode = "400", description = "text missing, blank or over 4000 characters"),
    @APIResponse(responseCode = "429", description = "Too many requests from this address")
  })
  public ClassifyResponse classify(
      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      // by reference: Payara drops the fields of an implementation class here
                      schema = @Schema(ref = "ClassifyRequest")))
          String body) {
    RateLimiter.Decision decision =
        limiter.hit(
            "classify:ip:" + AddressBucket.of(clientAddress.of(request)),
            limitPerIp,
            Duration.ofSeconds(limitWindowSeconds));
    if (!decision.allowed()) {
      throw new TooManyRequestsException(decision.retryAfter());
    }
    ClassifyRequest req = bodies.read(body, ClassifyRequest.class);
    Classification result = classifier.classify(req.text());
    ResourceBundle labels =
        ResourceBundle.getBundle(BUNDLE, locale(req.language(), acceptLanguage));
    return new ClassifyResponse(
        result.category(),
        label(labels, result.category()),
        round(result.confidence()),
        result.alternatives().stream()
            .map(a -> new Scored(a.category(), label(labels, a.category()), round(a.confidence())))
            .toList(),
        result.confident(),
        result.hints().stream().map(h -> new HintView(h.type().name(), h.value())).toList());
  }

  /** The language asked for, else Chinese when the client prefers it, else English. */
  static Locale locale(String language, String acceptLanguage) {
    if (language != null) {
      return language.equals("zh-CN") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }
    if (acceptLanguage != null) {
      try {
        // ranges come most preferred first; the first Chinese or English one decides
        for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
          if (range.getWeight() > 0 && range.getRange().startsWith("zh")) {
            return Locale.SIMPLIFIED_CHINESE;
          }
          if (range.getWeight() > 0 && range.getRange().startsWith("en")) {
            return Locale.ENGLISH;
          }
        }
      } catch (IllegalArgumentException e) {
        // a malformed header counts as no preference
      }
    }
    return Locale.ENGLISH;
  }

  private static String label(ResourceBundle labels, String category) {
    try {
      return labels.getString("category." + category);
    } catch (MissingResourceException e) {
      return category;
    }
  }

  private static double round(double p) {
    return Math.round(p * 10_000) / 10_000.0;
  }
}
