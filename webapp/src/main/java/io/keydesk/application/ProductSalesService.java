package io.keydesk.application;

import io.keydesk.domain.model.catalog.CatalogRepository;
import io.keydesk.domain.model.catalog.Product;
import io.keydesk.domain.model.catalog.ProductPauses;
import io.keydesk.domain.model.ticket.Actor;
import io.keydesk.domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Pauses and resumes the sale of a product in the shop: records it and queues the {@code
 * product.paused} / {@code product.resumed} webhook in the same transaction. Pausing a paused
 * product (or resuming one that is on sale) changes nothing and sends nothing, so an alert that
 * fires again does not flood the shop.
 */
@ApplicationScoped
public class ProductSalesService {
  @Inject CatalogRepository catalog;
  @Inject ProductPauses pauses;
  @Inject ShopWebhooks webhooks;
  @Inject Audit audit;
  @Inject Clock clock;

  /** A product's sale state; {@code changed} is false when the request changed nothing. */
  public record SaleState(
      String sku,
      boolean paused,
      String reason,
      String pausedBy,
      Instant pausedAt,
      boolean changed) {}

  /**
   * @param by who asks: a staff username, or e.g. {@code analytics} for an automatic alert
   * @throws NotFoundException for an unknown SKU
   */
  @Transactional
  public SaleState pause(
      String sku, @NotBlank @Size(max = 500) String reason, @NotBlank String by) {
    Product product = product(sku);
    Instant now = clock.instant();
    boolean changed = pauses.pause(product, reason.strip(), by, now);
    if (changed) {
      webhooks.enqueue(
          ShopWebhooks.PRODUCT_PAUSED,
          product.sku(),
          new ShopWebhooks.ProductPaused(product.sku(), reason.strip(), now));
      audit.record(
          Actor.staff(by),
          "product.paused",
          "product",
          product.sku(),
          Map.of("reason", reason.strip()),
          now);
    }
    return state(product, changed);
  }

  @Transactional
  public SaleState resume(String sku, @NotBlank String by) {
    Product product = product(sku);
    boolean changed = pauses.resume(product);
    if (changed) {
      audit.record(
          Actor.staff(by), "product.resumed", "product", product.sku(), Map.of(), clock.instant());
      webhooks.enqueue(
          ShopWebhooks.PRODUCT_RESUMED,
          product.sku(),
          new ShopWebhooks.ProductResumed(product.sku(), clock.instant()));
    }
    return state(product, changed);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public SaleState state(String sku) {
    return state(product(sku), false);
  }

  private SaleState state(Product product, boolean changed) {
    return pauses
        .of(product)
        .map(p -> new SaleState(product.sku(), true, p.reason(), p.pausedBy(), p.at(), changed))
        .orElseGet(() -> new SaleState(product.sku(), false, null, null, null, changed));
  }

  private Product product(String sku) {
    if (sku == null || sku.isBlank() || sku.length() > 64) {
      throw new NotFoundException("product");
    }
    return catalog.product(sku).orElseThrow(() -> new NotFoundException("product"));
  }
}
