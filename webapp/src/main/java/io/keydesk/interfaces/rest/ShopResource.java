package io.keydesk.interfaces.rest;

import io.keydesk.application.CardKeyStatusService;
import io.keydesk.application.CardKeyStatusService.KeyStatus;
import io.keydesk.application.ImportOrder;
import io.keydesk.application.ImportStock;
import io.keydesk.application.KeyStatusReport;
import io.keydesk.application.OrderImportService;
import io.keydesk.application.OrderReceipt;
import io.keydesk.application.StockService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The shop pushes orders and key status. Each request is signed (see {@link ShopSignatures}); the
 * signature check, the replay guard and the change commit together, so a failed request can be sent
 * again with the same signature.
 */
@Path("/")
@RequestScoped
@Tag(name = "shop", description = "Signed calls from the shop")
public class ShopResource {
  @Inject ShopSignatures signatures;
  @Inject StockService stock;
  @Inject JsonBodies bodies;
  @Inject OrderImportService importer;
  @Inject CardKeyStatusService keyStatus;

  @POST
  @Path("orders")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Transactional
  @Operation(
      summary = "Create or update an order with its delivered keys",
      description =
          "Idempotent on orderNo: the same order again gives the same answer and no second order."
              + " Keys are sealed at once and never returned; the receipt names them by index and"
              + " fingerprint.")
  @APIResponses({
    @APIResponse(
        responseCode = "200",
        description = "The order as Keydesk holds it",
        content =
            @Content(
                mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = io.keydesk.application.OrderReceipt.class))),
    @APIResponse(responseCode = "400", description = "Invalid fields, each named"),
    @APIResponse(responseCode = "401", description = "Missing or wrong signature, stale timestamp"),
    @APIResponse(responseCode = "409", description = "Replayed request, or a conflicting key")
  })
  public OrderReceipt importOrder(
      @Parameter(description = "Unix seconds") @HeaderParam(ShopSignatures.TIMESTAMP)
          String timestamp,
      @Parameter(description = "sha256=<hex HMAC of timestamp + '.' + body>")
          @HeaderParam(ShopSignatures.SIGNATURE)
          String signature,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(ref = "ImportOrder")))
          String body) {
    signatures.verify(timestamp, signature, body);
    ImportOrder order = bodies.read(body, ImportOrder.class);
    return importer.importOrder(order, OrderImportService.payloadHash(body));
  }

  @POST
  @Path("card-keys/status")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Transactional
  @Operation(
      summary = "Report a key redeemed or voided",
      description =
          "Name the key by orderNo + keyIndex, or by fingerprint. Repeating a report is"
              + " harmless (changed: false).")
  @APIResponses({
    @APIResponse(
        responseCode = "200",
        description = "The key's status now",
        content =
            @Content(
                mediaType = MediaType.APPLICATION_JSON,
                schema =
                    @Schema(
                        implementation =
                            io.keydesk.application.CardKeyStatusService.KeyStatus.class))),
    @APIResponse(responseCode = "404", description = "No such order or key")
  })
  public KeyStatus reportKeyStatus(
      @HeaderParam(ShopSignatures.TIMESTAMP) String timestamp,
      @HeaderParam(ShopSignatures.SIGNATURE) String signature,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(ref = "KeyStatusReport")))
          String body) {
    signatures.verify(timestamp, signature, body);
    return keyStatus.report(bodies.read(body, KeyStatusReport.class));
  }

  @POST
  @Path("stock")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Hand keys to Keydesk's replacement stock",
      description =
          "Keys of a known product (one that came with an order), from one supplier batch. Keydesk"
              + " delivers them when a key never arrived and replaces verified defective keys with"
              + " them. A key Keydesk already knows is skipped, so a retried import adds nothing"
              + " twice. Signed like the other shop requests.")
  @APIResponses({
    @APIResponse(
        responseCode = "200",
        description = "sku, batch, added, skipped, inStock",
        content =
            @Content(
                mediaType = MediaType.APPLICATION_JSON,
                schema =
                    @Schema(
                        implementation = io.keydesk.application.StockService.StockReceipt.class))),
    @APIResponse(responseCode = "400", description = "Invalid fields, each named; unknown sku"),
    @APIResponse(responseCode = "401", description = "Missing or wrong signature, stale timestamp")
  })
  @Transactional
  public StockService.StockReceipt addStock(
      @HeaderParam(ShopSignatures.TIMESTAMP) String timestamp,
      @HeaderParam(ShopSignatures.SIGNATURE) String signature,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(ref = "ImportStock")))
          String body) {
    signatures.verify(timestamp, signature, body);
    return stock.add(bodies.read(body, ImportStock.class));
  }
}
