package io.keydesk.application;

import io.keydesk.domain.model.catalog.CatalogRepository;
import io.keydesk.domain.model.catalog.KeyBatch;
import io.keydesk.domain.model.catalog.Product;
import io.keydesk.domain.model.order.CardKey;
import io.keydesk.domain.model.order.CardKeyVault;
import io.keydesk.domain.model.order.OrderRepository;
import io.keydesk.domain.model.ticket.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The replacement stock: keys the shop hands over, sealed at once. A key Keydesk already knows
 * (same fingerprint, in stock or delivered) is skipped, so a retried import adds nothing twice.
 */
@ApplicationScoped
public class StockService {
  @Inject CatalogRepository catalog;
  @Inject OrderRepository orders;
  @Inject CardKeyVault vault;
  @Inject Audit audit;
  @Inject Clock clock;

  /** What an import did. */
  public record StockReceipt(String sku, String batch, int added, int skipped, long inStock) {}

  @Transactional
  public StockReceipt add(@NotNull @Valid ImportStock cmd) {
    Product product =
        catalog
            .product(cmd.sku())
            .orElseThrow(
                () -> new InvalidFieldException("sku", "unknown product: send an order first"));
    Instant now = clock.instant();
    KeyBatch batch =
        catalog
            .batch(product, cmd.batch())
            .orElseGet(() -> catalog.store(new KeyBatch(product, cmd.batch(), now)));
    long before = orders.inStock(product);
    int added = 0;
    int skipped = 0;
    Set<String> seen = new HashSet<>();
    for (ImportStock.StockKey k : cmd.keys()) {
      String fingerprint = vault.fingerprint(k.code());
      if (!seen.add(fingerprint) || !orders.keysWithFingerprint(fingerprint).isEmpty()) {
        skipped++;
        continue;
      }
      orders.stock(
          CardKey.stocked(
              product,
              batch,
              vault.seal(k.code()),
              k.secret() == null || k.secret().isBlank() ? null : vault.seal(k.secret()),
              fingerprint));
      added++;
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("batch", cmd.batch());
    details.put("added", added);
    details.put("skipped", skipped);
    audit.record(Actor.SYSTEM, "stock.imported", "product", cmd.sku(), details, now);
    return new StockReceipt(cmd.sku(), cmd.batch(), added, skipped, before + added);
  }
}
