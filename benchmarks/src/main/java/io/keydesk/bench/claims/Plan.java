package io.keydesk.bench.claims;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A month of traffic, decided in advance from a seed ({@link MixGenerator}): the products, the
 * buyers, their orders (with the codes the shop delivered) and every case, in the order they
 * happen. Nothing in here depends on the server: the same seed and size give the same plan.
 *
 * @param stock keys the shop hands to Keydesk's stock per SKU, before the product's first case
 */
public record Plan(
    long seed,
    List<Product> products,
    List<Buyer> buyers,
    List<Order> orders,
    List<Case> cases,
    Map<String, Integer> stock) {

  public Plan {
    products = List.copyOf(products);
    buyers = List.copyOf(buyers);
    orders = List.copyOf(orders);
    cases = List.copyOf(cases);
    stock = Map.copyOf(stock);
  }

  /**
   * A product of the simulated shop.
   *
   * @param platform where its keys are redeemed (for the help articles)
   * @param shortOfStock whether the shop keeps too little stock for it (it runs out in the month)
   */
  public record Product(
      String sku,
      String name,
      String platform,
      String supplierCode,
      String supplierName,
      BigDecimal price,
      boolean shortOfStock) {}

  /**
   * One buyer contact with a session of its own. {@code person} groups the contacts of one person
   * (a serial claimer uses several); {@code ip} and {@code deviceId} are where their claims come
   * from (buyers behind one campus NAT share the ip).
   */
  public record Buyer(
      int id,
      int person,
      Pattern pattern,
      String email,
      String ip,
      String deviceId,
      String language) {}

  /**
   * The buyer's other orders of the same purchase as {@code o} (same product and quantity, paid
   * within two hours): what a buyer charged twice has in the shop.
   */
  public List<Order> repeatsOf(Order o) {
    return orders.stream()
        .filter(
            r ->
                !r.orderNo().equals(o.orderNo())
                    && r.buyer().id() == o.buyer().id()
                    && r.product().sku().equals(o.product().sku())
                    && r.quantity() == o.quantity()
                    && Math.abs(r.paidDay() - o.paidDay()) <= 2.0 / 24)
        .toList();
  }

  /** An order as the shop reports it; units without a key were never delivered. */
  public record Order(
      String orderNo, Buyer buyer, Product product, int quantity, List<Key> keys, double paidDay) {
    public Order {
      keys = List.copyOf(keys);
    }

    public BigDecimal amount() {
      return product.price().multiply(BigDecimal.valueOf(quantity));
    }
  }

  /** A delivered key: its unit and the code (never logged). */
  public record Key(int index, String code) {
    @Override
    public String toString() {
      return "Key[" + index + "]";
    }
  }

  /**
   * One case: a buyer's problem with one order, on simulated day {@code day} (0–30).
   *
   * @param keyIndex the key the claim names, or null
   * @param revealBefore a key the buyer shows (one-time code by mail) before the case, or null
   * @param shopRedeemedBefore whether the shop reports {@code keyIndex} (or key 0) redeemed first
   * @param revealAfter a key the buyer shows after the case (self-service after a re-delivery), or
   *     null
   */
  public record Case(
      int id,
      double day,
      Buyer buyer,
      Order order,
      CaseKind kind,
      String category,
      Integer keyIndex,
      Integer revealBefore,
      boolean shopRedeemedBefore,
      Integer revealAfter,
      String channel,
      String description,
      String errorText) {

    public Pattern pattern() {
      return kind.pattern();
    }

    public boolean honest() {
      return !kind.pattern().fraud();
    }
  }
}
