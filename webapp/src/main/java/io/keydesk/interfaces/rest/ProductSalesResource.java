package io.keydesk.interfaces.rest;

import io.keydesk.application.ProductSalesService;
import io.keydesk.application.ProductSalesService.SaleState;
import io.keydesk.domain.model.staff.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Supervisors pause and resume the sale of a product in the shop (by webhook). */
@Path("/ops/products")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "staff", description = "Agents, supervisors and admins")
public class ProductSalesResource {
  @Inject ProductSalesService sales;
  @Inject JsonBodies bodies;
  @Context HttpServletRequest request;

  /** Why the product is paused; the shop receives it. */
  @Schema(name = "PauseRequest")
  public record PauseRequest(@NotBlank @Size(max = 500) String reason) {}

  @GET
  @Path("{sku}/sale")
  @StaffOnly({Role.AGENT, Role.SUPERVISOR, Role.ADMIN})
  @SecurityRequirement(name = "staffToken")
  @Operation(summary = "Whether a product is paused, since when and why")
  public SaleState state(@PathParam("sku") String sku) {
    return sales.state(sku);
  }

  @POST
  @Path("{sku}/pause")
  @Consumes(MediaType.APPLICATION_JSON)
  @StaffOnly({Role.SUPERVISOR, Role.ADMIN})
  @SecurityRequirement(name = "staffToken")
  @Operation(
      summary = "Ask the shop to stop selling a product",
      description =
          "Body: {reason}. Sends the product.paused webhook to the shop. Pausing a paused product"
              + " changes nothing and sends nothing (changed: false).")
  public SaleState pause(
      @PathParam("sku") String sku,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(ref = "PauseRequest")))
          String body) {
    PauseRequest pause = bodies.read(body, PauseRequest.class);
    return sales.pause(sku, pause.reason(), StaffFilter.current(request).username());
  }

  @POST
  @Path("{sku}/resume")
  @StaffOnly({Role.SUPERVISOR, Role.ADMIN})
  @SecurityRequirement(name = "staffToken")
  @Operation(
      summary = "Let the shop sell a paused product again",
      description = "Sends the product.resumed webhook; resuming a product on sale sends nothing.")
  public SaleState resume(@PathParam("sku") String sku) {
    return sales.resume(sku, StaffFilter.current(request).username());
  }
}
