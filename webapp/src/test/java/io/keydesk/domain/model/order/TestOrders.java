package io.keydesk.domain.model.order;

import io.keydesk.domain.model.catalog.Product;
import io.keydesk.domain.model.catalog.Supplier;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Real orders, products and sealed values for plain unit tests; no state is shared. */
public final class TestOrders {
  public static final Instant PAID_AT = Instant.parse("2026-03-01T10:00:00Z");
  public static final String EMAIL = "buyer@example.com";
  public static final String PHONE = "13800138000";

  private TestOrders() {}

  public static Product product(String sku) {
    Supplier supplier = new Supplier("SUP-1", "Key Supplier", PAID_AT);
    return new Product(sku, "Steam wallet 100", supplier, PAID_AT);
  }

  public static Order.Terms terms(Product product, int quantity) {
    return new Order.Terms(
        product,
        quantity,
        new BigDecimal("100.00"),
        "CNY",
        Contact.parse(EMAIL).orElseThrow(),
        Contact.parse(PHONE).orElseThrow(),
        PAID_AT);
  }

  /**
   * An order of {@code quantity} keys of product SKU-1, bought by {@link #EMAIL}/{@link #PHONE}.
   */
  public static Order order(String orderNo, int quantity) {
    return new Order(orderNo, terms(product("SKU-1"), quantity), "hash-" + orderNo, PAID_AT);
  }

  /** A stand-in for a sealed value (the vault is tested on its own). */
  public static Sealed sealed(String label) {
    return new Sealed(("sealed:" + label).getBytes(StandardCharsets.UTF_8), 1);
  }

  /** Delivers a key at {@code index} with a fingerprint derived from {@code label}. */
  public static CardKey deliver(Order order, int index, String label) {
    return order
        .deliver(index, null, sealed(label), null, "fingerprint-" + label, PAID_AT.plusSeconds(60))
        .orElseThrow();
  }
}
