package io.keydesk.interfaces.rest;

import io.keydesk.application.AddressBucket;
import io.keydesk.application.ArticleViews.AnswerView;
import io.keydesk.application.ArticleViews.Answers;
import io.keydesk.application.KnowledgeBase;
import io.keydesk.application.RateLimiter;
import io.keydesk.application.ReportSolved;
import io.keydesk.application.TooManyRequestsException;
import io.keydesk.domain.model.category.CategoryCode;
import io.keydesk.domain.model.knowledge.Language;
import io.keydesk.domain.shared.NotFoundException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Anyone: find an answer before opening a ticket, and say when one solved the problem. No login;
 * limited per client IP.
 */
@Path("/kb")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "knowledge base", description = "Answers in zh-CN and en; no login")
public class KnowledgeBaseResource {
  static final int MAX_QUERY = 500;
  static final int MAX_TEXT = 4000;

  @Inject KnowledgeBase knowledgeBase;
  @Inject RateLimiter limiter;
  @Inject JsonBodies bodies;
  @Inject ClientAddress clientAddress;
  @Context HttpServletRequest request;

  @Inject
  @ConfigProperty(name = "keydesk.kb.limit-per-ip", defaultValue = "120")
  int readsPerMinute;

  @Inject
  @ConfigProperty(name = "keydesk.kb.solved-limit-per-ip", defaultValue = "30")
  int solvedPerTenMinutes;

  @GET
  @Path("articles")
  @Operation(
      summary = "Search the answers",
      description =
          "q: words in Chinese, English or both (optional: without it, the answers that apply,"
              + " highest sort weight first). category, product (SKU: that product's answers and"
              + " the general ones), lang (zh-CN or en; default from Accept-Language), limit"
              + " (1-50, default 10). Best first; score is the text relevance. Limited per client"
              + " IP (429 with Retry-After).")
  @APIResponses({
    @APIResponse(
        responseCode = "200",
        description = "language and items",
        content =
            @Content(
                mediaType = MediaType.APPLICATION_JSON,
                schema =
                    @Schema(implementation = io.keydesk.application.ArticleViews.Answers.class))),
    @APIResponse(responseCode = "400", description = "Invalid parameters, named in errors"),
    @APIResponse(responseCode = "429", description = "Too many requests")
  })
  public Answers search(
      @QueryParam("q") String q,
      @QueryParam("category") String category,
      @QueryParam("product") String product,
      @QueryParam("lang") String lang,
      @QueryParam("limit") String limit,
      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
    KnowledgeBase.Query query =
        query("q", q, MAX_QUERY, category, product, lang, acceptLanguage, limit, 10);
    limitReads();
    return knowledgeBase.search(query);
  }

  @GET
  @Path("recommendations")
  @Operation(
      summary = "Answers for a buyer's case",
      description =
          "From the category, the product (SKU) and the buyer's own words (text): the"
              + " category's answers about the product first, then its general answers, each by"
              + " relevance to the text. At least one of category, product, text. lang, limit"
              + " (1-50, default 5) as for search.")
  @APIResponse(
      responseCode = "200",
      description = "language and items, best first",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = io.keydesk.application.ArticleViews.Answers.class)))
  public Answers recommendations(
      @QueryParam("category") String category,
      @QueryParam("product") String product,
      @QueryParam("text") String text,
      @QueryParam("lang") String lang,
      @QueryParam("limit") String limit,
      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
    KnowledgeBase.Query query =
        query("text", text, MAX_TEXT, category, product, lang, acceptLanguage, limit, 5);
    if (query.category() == null && query.productSku() == null && query.text() == null) {
      throw new RequestException(
          Problem.invalid(
              List.of(new Problem.FieldError("category", "give a category, a product or a text"))));
    }
    limitReads();
    return knowledgeBase.recommend(query);
  }

  @GET
  @Path("articles/{id}")
  @Operation(summary = "One published answer in the requested language")
  @APIResponse(
      responseCode = "200",
      description = "The answer",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(implementation = io.keydesk.application.ArticleViews.AnswerView.class)))
  @APIResponse(responseCode = "404", description = "No such published article")
  public AnswerView article(
      @PathParam("id") String id,
      @QueryParam("lang") String lang,
      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
    List<Problem.FieldError> errors = new ArrayList<>();
    Language language = language(lang, acceptLanguage, errors);
    if (!errors.isEmpty()) {
      throw new RequestException(Problem.invalid(errors));
    }
    limitReads();
    return knowledgeBase.article(articleId(id), language);
  }

  @POST
  @Path("articles/{id}/solved")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "This answer solved my problem",
      description =
          "Body: sessionId (the after-sales session, 8-64 of A-Z a-z 0-9 . _ : -), orderNo"
              + " (optional, as the buyer gave it), category (optional, default the article's),"
              + " language (zh-CN|en), channel (web|api|mobile), mode (optional: novice|expert)."
              + " Counted once per article and session; each first report is announced on"
              + " keydesk.funnel.v1 as a DEFLECTED step. Limited per client IP.")
  @APIResponses({
    @APIResponse(
        responseCode = "202",
        description = "articleId and counted (false: repeated)",
        content =
            @Content(
                mediaType = MediaType.APPLICATION_JSON,
                schema =
                    @Schema(implementation = io.keydesk.application.KnowledgeBase.Solved.class))),
    @APIResponse(responseCode = "404", description = "No such published article"),
    @APIResponse(responseCode = "429", description = "Too many reports")
  })
  public Response solved(
      @PathParam("id") String id,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(ref = "ReportSolved")))
          String body) {
    long articleId = articleId(id);
    ReportSolved report = bodies.read(body, ReportSolved.class);
    RateLimiter.Decision decision =
        limiter.hit(
            "kb-solved:ip:" + AddressBucket.of(clientAddress.of(request)),
            solvedPerTenMinutes,
            Duration.ofMinutes(10));
    if (!decision.allowed()) {
      throw new TooManyRequestsException(decision.retryAfter());
    }
    KnowledgeBase.Solved solved =
        Conflicts.retryOnce(() -> knowledgeBase.solved(articleId, report));
    return Response.status(202).entity(solved).build();
  }

  private void limitReads() {
    RateLimiter.Decision decision =
        limiter.hit(
            "kb-read:ip:" + AddressBucket.of(clientAddress.of(request)),
            readsPerMinute,
            Duration.ofMinutes(1));
    if (!decision.allowed()) {
      throw new TooManyRequestsException(decision.retryAfter());
    }
  }

  private static KnowledgeBase.Query query(
      String textName,
      String text,
      int maxText,
      String category,
      String product,
      String lang,
      String acceptLanguage,
      String limit,
      int defaultLimit) {
    List<Problem.FieldError> errors = new ArrayList<>();
    String words = text == null || text.isBlank() ? null : text.strip();
    if (words != null && words.length() > maxText) {
      errors.add(new Problem.FieldError(textName, "must be at most " + maxText + " characters"));
    }
    CategoryCode categoryCode = category(category, errors);
    String sku = product == null || product.isBlank() ? null : product.strip();
    if (sku != null && !sku.matches("[A-Za-z0-9._:-]{1,64}")) {
      errors.add(new Problem.FieldError("product", "must be a product SKU"));
    }
    Language language = language(lang, acceptLanguage, errors);
    int max = defaultLimit;
    if (limit != null && !limit.isBlank()) {
      if (!limit.matches("[0-9]{1,3}")
          || Integer.parseInt(limit) < 1
          || Integer.parseInt(limit) > 50) {
        errors.add(new Problem.FieldError("limit", "must be between 1 and 50"));
      } else {
        max = Integer.parseInt(limit);
      }
    }
    if (!errors.isEmpty()) {
      throw new RequestException(Problem.invalid(errors));
    }
    return new KnowledgeBase.Query(words, categoryCode, sku, language, max);
  }

  /** A category code, or null when none is given; an unknown one is a field error. */
  static CategoryCode category(String category, List<Problem.FieldError> errors) {
    if (category == null || category.isBlank()) {
      return null;
    }
    try {
      return CategoryCode.valueOf(category.strip());
    } catch (IllegalArgumentException e) {
      errors.add(new Problem.FieldError("category", "unknown category " + category));
      return null;
    }
  }

  /** {@code lang} if given (zh-CN or en), else Chinese for a browser that prefers it, else en. */
  private static Language language(
      String lang, String acceptLanguage, List<Problem.FieldError> errors) {
    if (lang != null && !lang.isBlank()) {
      return Language.ofTag(lang.strip())
          .orElseGet(
              () -> {
                errors.add(new Problem.FieldError("lang", "must be zh-CN or en"));
                return Language.EN;
              });
    }
    return acceptLanguage != null
            && acceptLanguage.strip().toLowerCase(Locale.ROOT).startsWith("zh")
        ? Language.ZH_CN
        : Language.EN;
  }

  private static long articleId(String id) {
    if (id == null || !id.matches("[0-9]{1,18}")) {
      throw new NotFoundException("article");
    }
    return Long.parseLong(id);
  }
}
