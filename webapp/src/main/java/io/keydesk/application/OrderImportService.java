package io.keydesk.application;

import io.keydesk.domain.model.catalog.CatalogRepository;
import io.keydesk.domain.model.catalog.KeyBatch;
import io.keydesk.domain.model.catalog.Product;
import io.keydesk.domain.model.catalog.Supplier;
import io.keydesk.domain.model.order.CardKey;
import io.keydesk.domain.model.order.CardKeyVault;
import io.keydesk.domain.model.order.Contact;
import io.keydesk.domain.model.order.Order;
import io.keydesk.domain.model.order.OrderRepository;
import io.keydesk.domain.model.order.Sealed;
import io.keydesk.domain.shared.DomainException;
import io.keydesk.infrastructure.crypto.Digests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Upserts orders pushed by the shop, with their delivered keys sealed on the way in. */
@ApplicationScoped
public class OrderImportService {
  @Inject CatalogRepository catalog;
  @Inject OrderRepository orders;
  @Inject CardKeyVault vault;
  @Inject DomainEvents events;
  @Inject Clock clock;

  /**
   * Creates the order or brings it up to date. The same import again changes nothing and gives the
   * same receipt; new keys are added; a different key at an index already delivered is refused.
   */
  @Transactional
  public OrderReceipt importOrder(@NotNull @Valid ImportOrder cmd, String payloadHash) {
    Instant now = clock.instant();
    Product product = product(cmd.product(), now);
    Order.Terms terms =
        new Order.Terms(
            product,
            cmd.quantity(),
            cmd.amount(),
            cmd.currency(),
            contact(cmd.buyer().email(), "buyer.email"),
            contact(cmd.buyer().phone(), "buyer.phone"),
            cmd.paidAt());

    Optional<Order> existing = orders.findForUpdate(cmd.orderNo());
    if (existing.isPresent() && existing.get().sameAs(payloadHash)) {
      return receipt(existing.get());
    }
    Order order;
    boolean created = existing.isEmpty();
    if (created) {
      order = orders.store(new Order(cmd.orderNo(), terms, payloadHash, now));
    } else {
      order = existing.get();
      order.update(terms, payloadHash, now);
    }
    List<CardKey> delivered = new ArrayList<>();
    for (ImportOrder.DeliveredKey k : cmd.keysOrEmpty()) {
      KeyBatch batch = k.batch() == null ? null : batch(product, k.batch(), now);
      Sealed code = vault.seal(k.code());
      Sealed secret = k.secret() == null || k.secret().isEmpty() ? null : vault.seal(k.secret());
      order
          .deliver(
              k.index(),
              batch,
              code,
              secret,
              vault.fingerprint(k.code()),
              k.deliveredAt() == null ? now : k.deliveredAt())
          .ifPresent(delivered::add);
    }
    orders.store(order);
    events.orderChanged(order, created, now);
    delivered.forEach(key -> events.keyStatusChanged(key, now));
    return receipt(order);
  }

  /** A stable hash of what the shop said, to recognise a repeated import. */
  public static String payloadHash(String rawBody) {
    return Digests.sha256Hex(rawBody);
  }

  private Product product(ImportOrder.ProductRef ref, Instant now) {
    Supplier supplier =
        catalog
            .supplier(ref.supplier().code())
            .orElseGet(
                () ->
                    catalog.store(new Supplier(ref.supplier().code(), ref.supplier().name(), now)));
    Optional<Product> known = catalog.product(ref.sku());
    if (known.isPresent()) {
      Product p = known.get();
      if (!p.supplier().code().equals(supplier.code())) {
        throw new DomainException(
            "product-supplier-conflict", "product " + ref.sku() + " belongs to another supplier");
      }
      if (!p.name().equals(ref.name())) {
        p.rename(ref.name());
      }
      return p;
    }
    return catalog.store(new Product(ref.sku(), ref.name(), supplier, now));
  }

  private KeyBatch batch(Product product, String code, Instant now) {
    return catalog
        .batch(product, code)
        .orElseGet(() -> catalog.store(new KeyBatch(product, code, now)));
  }

  private static Contact contact(String raw, String field) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    return Contact.parse(raw)
        .orElseThrow(() -> new InvalidFieldException(field, "not a valid contact"));
  }

  private static OrderReceipt receipt(Order order) {
    return new OrderReceipt(
        order.orderNo(),
        order.product().sku(),
        order.product().supplier().code(),
        order.quantity(),
        order.keys().stream()
            .map(
                k ->
                    new OrderReceipt.KeyReceipt(
                        k.keyIndex(),
                        k.fingerprint(),
                        k.batch().map(KeyBatch::code).orElse(null),
                        k.status().name()))
            .toList());
  }
}
