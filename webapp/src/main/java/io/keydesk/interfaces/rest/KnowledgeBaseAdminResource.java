package io.keydesk.interfaces.rest;

import io.keydesk.application.ArticleViews.ArticlePage;
import io.keydesk.application.ArticleViews.ArticleView;
import io.keydesk.application.KnowledgeBaseAdmin;
import io.keydesk.application.WriteArticle;
import io.keydesk.domain.model.category.CategoryCode;
import io.keydesk.domain.model.knowledge.ArticleRepository;
import io.keydesk.domain.model.staff.Role;
import io.keydesk.domain.shared.NotFoundException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Staff: the knowledge base. Any staff may read it; only admins change it. */
@Path("/ops/kb/articles")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "staffToken")
@Tag(name = "knowledge base (staff)", description = "Answers buyers find before opening a ticket")
public class KnowledgeBaseAdminResource {
  @Inject KnowledgeBaseAdmin admin;
  @Inject JsonBodies bodies;
  @Context HttpServletRequest request;

  @GET
  @StaffOnly({Role.AGENT, Role.SUPERVISOR, Role.SUPPLIER_MANAGER, Role.ADMIN})
  @Operation(
      summary = "Articles with their deflection counts",
      description =
          "Filters: category, product (SKU), state (PUBLISHED, DRAFT or ARCHIVED; default:"
              + " published and drafts). Paging: page (from 0), size (1-200, default 50). Ordered"
              + " by category, sort weight (highest first), id.")
  public ArticlePage list(
      @QueryParam("category") String category,
      @QueryParam("product") String product,
      @QueryParam("state") String state,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    List<Problem.FieldError> errors = new ArrayList<>();
    CategoryCode categoryCode = KnowledgeBaseResource.category(category, errors);
    ArticleRepository.State stateValue = null;
    if (state != null && !state.isBlank()) {
      try {
        stateValue = ArticleRepository.State.valueOf(state);
      } catch (IllegalArgumentException e) {
        errors.add(new Problem.FieldError("state", "must be PUBLISHED, DRAFT or ARCHIVED"));
      }
    }
    Paging.check(page, size, errors);
    if (!errors.isEmpty()) {
      throw new RequestException(Problem.invalid(errors));
    }
    return admin.list(
        new KnowledgeBaseAdmin.Filter(
            categoryCode,
            product == null || product.isBlank() ? null : product.strip(),
            stateValue,
            page,
            size));
  }

  @GET
  @Path("{id}")
  @StaffOnly({Role.AGENT, Role.SUPERVISOR, Role.SUPPLIER_MANAGER, Role.ADMIN})
  @Operation(summary = "One article in both languages, with its version")
  @APIResponse(
      responseCode = "200",
      description = "The article",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(implementation = io.keydesk.application.ArticleViews.ArticleView.class)))
  @APIResponse(responseCode = "404", description = "No such article")
  public ArticleView article(@PathParam("id") String id) {
    return admin.article(id(id));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @StaffOnly(Role.ADMIN)
  @Operation(
      summary = "Write an article",
      description =
          "category, productSku (optional: a general answer of the category), titleZh, bodyZh,"
              + " titleEn, bodyEn (all four required), keywords, published (default false),"
              + " sortWeight (-1000..1000, default 0).")
  @APIResponses({
    @APIResponse(
        responseCode = "201",
        description = "Created, with its id and version",
        content =
            @Content(
                mediaType = MediaType.APPLICATION_JSON,
                schema =
                    @Schema(
                        implementation = io.keydesk.application.ArticleViews.ArticleView.class))),
    @APIResponse(responseCode = "400", description = "Invalid fields, unknown category or product"),
    @APIResponse(responseCode = "403", description = "Only admins write articles")
  })
  public Response create(
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(ref = "WriteArticle")))
          String body) {
    WriteArticle cmd = bodies.read(body, WriteArticle.class);
    ArticleView created = admin.create(StaffFilter.current(request), cmd);
    return Response.status(201)
        .location(URI.create("ops/kb/articles/" + created.id()))
        .entity(created)
        .build();
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @StaffOnly(Role.ADMIN)
  @Operation(
      summary = "Replace an article",
      description =
          "The whole article as for POST, plus version: the version you read. If the article"
              + " changed since, nothing is changed and the answer is 409 version-conflict.")
  @APIResponses({
    @APIResponse(
        responseCode = "200",
        description = "The article with its new version",
        content =
            @Content(
                mediaType = MediaType.APPLICATION_JSON,
                schema =
                    @Schema(
                        implementation = io.keydesk.application.ArticleViews.ArticleView.class))),
    @APIResponse(responseCode = "409", description = "Stale version, or the article is archived")
  })
  public ArticleView revise(
      @PathParam("id") String id,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(ref = "WriteArticle")))
          String body) {
    long articleId = id(id);
    WriteArticle cmd = bodies.read(body, WriteArticle.class, WriteArticle.Revision.class);
    return admin.revise(StaffFilter.current(request), articleId, cmd);
  }

  @DELETE
  @Path("{id}")
  @StaffOnly(Role.ADMIN)
  @Operation(
      summary = "Archive an article",
      description =
          "Unpublishes it for good; staff still see it (state=ARCHIVED) with its deflections."
              + " With ?version=N only if it is still at that version (else 409).")
  public ArticleView archive(@PathParam("id") String id, @QueryParam("version") String version) {
    long articleId = id(id);
    Integer expected = null;
    if (version != null && !version.isBlank()) {
      if (!version.matches("[0-9]{1,9}")) {
        throw new RequestException(
            Problem.invalid(List.of(new Problem.FieldError("version", "must be a number"))));
      }
      expected = Integer.valueOf(version);
    }
    return admin.archive(StaffFilter.current(request), articleId, expected);
  }

  private static long id(String id) {
    if (id == null || !id.matches("[0-9]{1,18}")) {
      throw new NotFoundException("article");
    }
    return Long.parseLong(id);
  }
}
