package io.keydesk.bench.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.bench.claims.Plan.Case;
import io.keydesk.bench.claims.Plan.Key;
import io.keydesk.bench.claims.Plan.Order;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MixGeneratorTest {
  private static final Plan DEFAULT = MixGenerator.generate(20261201L, 3000);
  private static final Plan LARGE = MixGenerator.generate(99L, 30_000);

  @Test
  void theSameSeedGivesTheSamePlan() {
    assertEquals(DEFAULT, MixGenerator.generate(20261201L, 3000));
    Plan other = MixGenerator.generate(20261202L, 3000);
    assertNotEquals(DEFAULT.cases(), other.cases());
    assertNotEquals(DEFAULT.orders(), other.orders());
  }

  @Test
  void makesExactlyTheCasesAskedForInTimeOrder() {
    for (int n : List.of(200, 1000, 3000)) {
      Plan plan = MixGenerator.generate(5, n);
      assertEquals(n, plan.cases().size());
      for (int i = 0; i < n; i++) {
        Case c = plan.cases().get(i);
        assertEquals(i + 1, c.id());
        assertTrue(c.day() >= 0 && c.day() < 30, "day " + c.day());
        assertTrue(i == 0 || plan.cases().get(i - 1).day() <= c.day(), "in time order");
      }
    }
    assertThrows(IllegalArgumentException.class, () -> MixGenerator.generate(1, 199));
    assertThrows(IllegalArgumentException.class, () -> MixGenerator.generate(1, 100_001));
  }

  @Test
  void honestCasesFollowTheDocumentedMix() {
    for (Plan plan : List.of(DEFAULT, LARGE)) {
      List<Case> honest = plan.cases().stream().filter(Case::honest).toList();
      double tolerance = plan == LARGE ? 0.01 : 0.025;
      Map<CaseKind, Long> byKind = count(honest, Case::kind);
      for (CaseKind kind : CaseKind.values()) {
        if (kind.pattern().fraud()) {
          continue;
        }
        double share = byKind.getOrDefault(kind, 0L) / (double) honest.size();
        assertEquals(Mix.honestShare(kind), share, tolerance, kind + " in " + honest.size());
      }
      Map<String, Long> byCategory = count(honest, Case::category);
      Mix.HONEST_CATEGORIES.forEach(
          (category, expected) ->
              assertEquals(
                  expected,
                  byCategory.get(category) / (double) honest.size(),
                  tolerance,
                  category));
    }
  }

  @Test
  void fraudIsAboutFivePercentWithEveryPattern() {
    for (Plan plan : List.of(DEFAULT, LARGE, MixGenerator.generate(3, 200))) {
      int n = plan.cases().size();
      long fraud = plan.cases().stream().filter(c -> !c.honest()).count();
      double expected = Mix.FRAUD.values().stream().mapToDouble(Double::doubleValue).sum();
      if (n >= 3000) {
        assertEquals(expected, fraud / (double) n, 0.005, "fraud share");
      }
      Map<Pattern, Long> byPattern = count(plan.cases(), Case::pattern);
      for (Pattern p : Pattern.values()) {
        assertTrue(byPattern.getOrDefault(p, 0L) > 0, p + " has cases in " + n);
      }
    }
  }

  @Test
  void honestBuyersStayWithinWhatTheEnginesDailyWindowsAllow() {
    List<Case> honest = LARGE.cases().stream().filter(Case::honest).toList();
    List<Case> claims = honest.stream().filter(c -> !c.kind().deflects()).toList();
    assertTrue(count(honest, c -> c.buyer().email()).values().stream().allMatch(n -> n <= 3));
    assertTrue(count(honest, c -> c.buyer().deviceId()).values().stream().allMatch(n -> n <= 3));
    assertTrue(count(claims, c -> c.buyer().ip()).values().stream().allMatch(n -> n <= 3));
    Map<String, Set<Integer>> buyersPerIp =
        honest.stream()
            .collect(
                Collectors.groupingBy(
                    c -> c.buyer().ip(),
                    Collectors.mapping(c -> c.buyer().id(), Collectors.toSet())));
    assertTrue(
        buyersPerIp.values().stream().allMatch(s -> s.size() <= 3), "≤ 3 buyers per address");
    long shared =
        buyersPerIp.values().stream().filter(s -> s.size() > 1).mapToLong(Set::size).sum();
    long singles = count(honest, c -> c.buyer().id()).values().stream().filter(n -> n == 1).count();
    assertEquals(Mix.SHARED_ADDRESS, shared / (double) singles, 0.01, "buyers behind a NAT");
    long buyers = honest.stream().map(c -> c.buyer().id()).distinct().count();
    long repeat = count(honest, c -> c.buyer().id()).values().stream().filter(n -> n > 1).count();
    assertEquals(Mix.REPEAT_BUYERS, repeat / (double) buyers, 0.01, "repeat buyers");
  }

  @Test
  void keysCarryWhatTheSimulatedSupplierAnswers() {
    for (Order o : LARGE.orders()) {
      assertTrue(o.keys().size() <= o.quantity());
      for (Key k : o.keys()) {
        assertFalse(k.code().contains("SLOW") || k.code().contains("DOWN"), k.code());
      }
    }
    for (Case c : LARGE.cases()) {
      Key claimed = claimedKey(c);
      switch (c.kind()) {
        case INVALID_KEY_DEFECTIVE -> assertTrue(claimed.code().endsWith("-DEFECT"));
        case INVALID_KEY_VALID, WRONG_PURCHASE_UNREVEALED, REFUND_AFTER_REVEAL, SERIAL ->
            assertFalse(claimed.code().contains("DEFECT") || claimed.code().contains("USED"));
        case SUPPLIER_REDEEMED -> assertTrue(claimed.code().endsWith("-USED"));
        case NOT_RECEIVED_UNDELIVERED -> assertTrue(c.order().keys().size() < c.order().quantity());
        case NOT_RECEIVED_DELIVERED -> assertEquals(c.order().quantity(), c.order().keys().size());
        default -> {}
      }
      if ("INVALID_KEY".equals(c.category()) && c.order().quantity() > 1) {
        assertTrue(c.keyIndex() != null, "a key problem on several keys names one");
      }
    }
  }

  @Test
  void fraudPatternsHaveTheirShape() {
    Map<String, List<Order>> byCode =
        DEFAULT.orders().stream()
            .flatMap(o -> o.keys().stream().map(k -> Map.entry(k.code(), o)))
            .collect(
                Collectors.groupingBy(
                    Map.Entry::getKey,
                    Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    long twice = byCode.values().stream().filter(l -> l.size() > 1).count();
    long pairs =
        DEFAULT.cases().stream().filter(c -> c.kind() == CaseKind.SOLD_TWICE_SECOND).count();
    assertEquals(pairs, twice, "only the keys sold twice appear in two orders");
    byCode.values().stream()
        .filter(l -> l.size() > 1)
        .forEach(
            l -> {
              assertEquals(2, l.size());
              assertNotEquals(l.get(0).buyer().email(), l.get(1).buyer().email());
            });
    for (Case c : DEFAULT.cases()) {
      switch (c.kind()) {
        case REPEAT_AGAIN -> assertEquals(0, c.keyIndex());
        case SHOP_REDEEMED -> assertTrue(c.shopRedeemedBefore());
        case REFUND_AFTER_REVEAL, WRONG_PURCHASE_REVEALED -> assertEquals(0, c.revealBefore());
        default -> assertFalse(c.shopRedeemedBefore());
      }
    }
    Map<String, List<Case>> serialByDevice =
        DEFAULT.cases().stream()
            .filter(c -> c.kind() == CaseKind.SERIAL)
            .collect(Collectors.groupingBy(c -> c.buyer().deviceId()));
    for (List<Case> spree : serialByDevice.values()) {
      assertTrue(spree.size() >= Mix.SERIAL_MIN_CLAIMS && spree.size() <= Mix.SERIAL_MAX_CLAIMS);
      assertEquals(1, spree.stream().map(c -> c.buyer().ip()).distinct().count());
      double first = spree.get(0).day();
      assertTrue(spree.stream().allMatch(c -> c.day() - first < 1), "within a day");
    }
  }

  @Test
  void productsShortOfStockGetLessThanTheirCasesCouldTake() {
    Map<String, Integer> need = new HashMap<>();
    for (Case c : DEFAULT.cases()) {
      int units = c.order().quantity() - c.order().keys().size();
      if ("INVALID_KEY".equals(c.category()) && claimedKey(c).code().contains("DEFECT")) {
        units++;
      }
      if ("NOT_RECEIVED".equals(c.category()) || units > 0) {
        need.merge(c.order().product().sku(), units, Integer::sum);
      }
    }
    for (Plan.Product p : DEFAULT.products()) {
      int stock = DEFAULT.stock().get(p.sku());
      int wanted = need.getOrDefault(p.sku(), 0);
      if (p.shortOfStock()) {
        assertTrue(stock < wanted, p.sku() + " runs out: " + stock + " < " + wanted);
      } else {
        assertTrue(stock > wanted, p.sku() + " has enough: " + stock + " > " + wanted);
      }
    }
  }

  private static Key claimedKey(Case c) {
    int index = c.keyIndex() == null ? 0 : c.keyIndex();
    return c.order().keys().stream()
        .filter(k -> k.index() == index)
        .findFirst()
        .orElse(new Key(index, ""));
  }

  private static <K> Map<K, Long> count(Collection<Case> cases, Function<Case, K> key) {
    return cases.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
  }

  @Test
  void aBuyerWhoWritesChargedTwiceHasTheShopsSecondOrderOfThePurchase() {
    List<Case> payments =
        LARGE.cases().stream().filter(c -> "PAYMENT_ISSUE".equals(c.category())).toList();
    assertFalse(payments.isEmpty());
    for (Case c : payments) {
      boolean twice = c.kind() == CaseKind.PAYMENT_ISSUE_PAID_TWICE;
      assertEquals(Texts.saysPaidTwice(c.description()), twice, c.description());
      List<Order> repeats = LARGE.repeatsOf(c.order());
      if (twice) {
        assertEquals(1, repeats.size(), c.order().orderNo());
        Order again = repeats.get(0);
        assertEquals(c.order().quantity(), again.keys().size(), "delivered in full");
        assertTrue(again.paidDay() > c.order().paidDay(), "paid after the first");
        assertTrue(
            again.keys().stream().noneMatch(k -> c.order().keys().contains(k)), "its own codes");
      }
    }
  }
}
