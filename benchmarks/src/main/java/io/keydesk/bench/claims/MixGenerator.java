package io.keydesk.bench.claims;

import io.keydesk.bench.claims.Plan.Buyer;
import io.keydesk.bench.claims.Plan.Case;
import io.keydesk.bench.claims.Plan.Key;
import io.keydesk.bench.claims.Plan.Order;
import io.keydesk.bench.claims.Plan.Product;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Draws a month of traffic from a seed: the same seed and number of cases always give the same plan
 * ({@link Mix} has the shares). Fraud comes first (its size follows the number of cases), then
 * honest buyers fill the rest exactly. Honest buyers stay within what the risk engine's real-time
 * windows allow an honest buyer: at most 3 claims per contact and device, at most 3 buyers per
 * address with one claim each — a month compressed into minutes puts every claim into "today".
 */
public final class MixGenerator {
  /** Fewer cases would leave some fraud pattern without a single case. */
  public static final int MIN_CASES = 200;

  public static final int MAX_CASES = 100_000;

  private static final int DAYS = 30;

  /** The simulated shop. Two products are kept short of stock. */
  static final List<Product> PRODUCTS =
      List.of(
          product("STEAM-100", "Steam Wallet 100 CNY", "Steam", "VALVE-CN", "100.00", false),
          product("STEAM-300", "Steam Wallet 300 CNY", "Steam", "VALVE-CN", "300.00", false),
          product(
              "APPLE-100", "App Store & iTunes 100 CNY", "App Store", "APPLE-CN", "100.00", false),
          product("XBOX-GP-1M", "Xbox Game Pass Ultimate 1 month", "Xbox", "MS-CN", "69.00", false),
          product(
              "OFFICE-365",
              "Microsoft 365 Personal 1 year",
              "Microsoft 365",
              "MS-CN",
              "398.00",
              true),
          product(
              "PSN-HK-200",
              "PlayStation Store HK$200",
              "PlayStation Store",
              "SONY-HK",
              "180.00",
              true),
          product("NETFLIX-1M", "Netflix 1 month", "Netflix", "NFLX-GC", "45.00", false),
          product("SPOTIFY-3M", "Spotify Premium 3 months", "Spotify", "SPOT-GC", "60.00", false));

  /** How often each product is bought, in the order of {@link #PRODUCTS}. */
  private static final double[] PRODUCT_WEIGHTS = {0.22, 0.06, 0.18, 0.12, 0.07, 0.10, 0.13, 0.12};

  private static final List<String> DOMAINS =
      List.of("example.com", "example.net", "example.org", "mail.example");

  private final Random random;
  private final long seed;
  private final List<Buyer> buyers = new ArrayList<>();
  private final List<Order> orders = new ArrayList<>();
  private final List<Case> cases = new ArrayList<>();
  private final Set<String> ips = new HashSet<>();
  private int persons;

  private MixGenerator(long seed) {
    this.seed = seed;
    this.random = new Random(seed);
  }

  /**
   * The plan of {@code cases} cases for {@code seed}.
   *
   * @throws IllegalArgumentException unless {@link #MIN_CASES} ≤ cases ≤ {@link #MAX_CASES}
   */
  public static Plan generate(long seed, int cases) {
    if (cases < MIN_CASES || cases > MAX_CASES) {
      throw new IllegalArgumentException(
          "the number of cases must be " + MIN_CASES + " to " + MAX_CASES + ", not " + cases);
    }
    return new MixGenerator(seed).build(cases);
  }

  private Plan build(int total) {
    fraud(total);
    honest(total - cases.size());
    List<Case> timeline = new ArrayList<>(cases);
    timeline.sort(Comparator.comparingDouble(Case::day).thenComparingInt(Case::id));
    List<Case> numbered = new ArrayList<>();
    for (Case c : timeline) {
      numbered.add(
          new Case(
              numbered.size() + 1,
              c.day(),
              c.buyer(),
              c.order(),
              c.kind(),
              c.category(),
              c.keyIndex(),
              c.revealBefore(),
              c.shopRedeemedBefore(),
              c.revealAfter(),
              c.channel(),
              c.description(),
              c.errorText()));
    }
    return new Plan(seed, PRODUCTS, buyers, orders, numbered, stock(numbered));
  }

  // ---- fraud ----------------------------------------------------------------------------------

  private void fraud(int total) {
    int repeat = atLeastOne(total * Mix.FRAUD.get(Pattern.REPEAT_CLAIM) / 2);
    for (int i = 0; i < repeat; i++) {
      repeatClaim();
    }
    int pairs = atLeastOne(total * Mix.FRAUD.get(Pattern.KEY_SOLD_TWICE) / 2);
    for (int i = 0; i < pairs; i++) {
      keySoldTwice();
    }
    int shopRedeemed = atLeastOne(total * Mix.FRAUD.get(Pattern.SHOP_REPORTED_REDEEMED));
    for (int i = 0; i < shopRedeemed; i++) {
      Buyer b = buyer(Pattern.SHOP_REPORTED_REDEEMED, newPerson(), null, null);
      double paid = day(0, DAYS - 2);
      // Half of these keys are ones the supplier would call defective (a supplier lagging behind
      // the shop): the shop's "redeemed" must win over an answer that would pay out.
      Order o = order(b, wellStocked(), 1, paid, random.nextBoolean() ? "DEFECT" : "", 0);
      add(c(CaseKind.SHOP_REDEEMED, b, o, "INVALID_KEY", paid + day(0, 1), null, null, true));
    }
    int supplierRedeemed = atLeastOne(total * Mix.FRAUD.get(Pattern.SUPPLIER_REDEEMED));
    for (int i = 0; i < supplierRedeemed; i++) {
      Buyer b = buyer(Pattern.SUPPLIER_REDEEMED, newPerson(), null, null);
      double paid = day(0, DAYS - 2);
      Order o = order(b, wellStocked(), 1, paid, "USED", 0);
      add(c(CaseKind.SUPPLIER_REDEEMED, b, o, "INVALID_KEY", paid + day(0, 1), null, null, false));
    }
    int reveal = atLeastOne(total * Mix.FRAUD.get(Pattern.REFUND_AFTER_REVEAL));
    for (int i = 0; i < reveal; i++) {
      Buyer b = buyer(Pattern.REFUND_AFTER_REVEAL, newPerson(), null, null);
      double paid = day(0, DAYS - 2);
      Order o = order(b, wellStocked(), 1, paid, "", 0);
      add(
          c(
              CaseKind.REFUND_AFTER_REVEAL,
              b,
              o,
              "WRONG_PURCHASE",
              paid + day(0, 1),
              null,
              0,
              false));
    }
    int serial =
        atLeastOne(
            total
                * Mix.FRAUD.get(Pattern.SERIAL_CLAIMER)
                / ((Mix.SERIAL_MIN_CLAIMS + Mix.SERIAL_MAX_CLAIMS) / 2.0));
    for (int i = 0; i < serial; i++) {
      serialClaimer();
    }
    int blocked = atLeastOne(total * Mix.FRAUD.get(Pattern.BLOCKED_CONTACT));
    for (int i = 0; i < blocked; i++) {
      Buyer b = buyer(Pattern.BLOCKED_CONTACT, newPerson(), null, null);
      double paid = day(0, DAYS - 2);
      boolean refund = random.nextBoolean();
      // Claims that would pay out if the contact were not blocked.
      Order o = order(b, wellStocked(), 1, paid, refund ? "" : "DEFECT", 0);
      String category = refund ? "WRONG_PURCHASE" : "INVALID_KEY";
      add(c(CaseKind.BLOCKED, b, o, category, paid + day(0, 1), null, null, false));
    }
  }

  /** (a): a replacement (defective key) or a refund (never revealed), then the same key again. */
  private void repeatClaim() {
    Buyer b = buyer(Pattern.REPEAT_CLAIM, newPerson(), null, null);
    double paid = day(0, DAYS - 5);
    boolean replace = random.nextBoolean();
    Order o = order(b, wellStocked(), 1, paid, replace ? "DEFECT" : "", 0);
    double first = paid + day(0, 1);
    add(
        c(
            CaseKind.REPEAT_FIRST,
            b,
            o,
            replace ? "INVALID_KEY" : "WRONG_PURCHASE",
            first,
            null,
            null,
            false));
    Case again =
        c(CaseKind.REPEAT_AGAIN, b, o, "INVALID_KEY", first + day(0.05, 3), null, null, false);
    add(withKeyIndex(again, 0));
  }

  /** (b): two orders carry the same code; both buyers claim on it. */
  private void keySoldTwice() {
    Product p = wellStocked();
    boolean defective = random.nextBoolean();
    Buyer first = buyer(Pattern.KEY_SOLD_TWICE, newPerson(), null, null);
    Buyer second = buyer(Pattern.KEY_SOLD_TWICE, newPerson(), null, null);
    double paid = day(0, DAYS - 4);
    Order a = order(first, p, 1, paid, defective ? "DEFECT" : "", 0);
    Order b =
        new Order(
            orderNo(), second, p, 1, List.of(new Key(0, a.keys().get(0).code())), paid + day(0, 2));
    orders.add(b);
    double claim = b.paidDay() + day(0, 1);
    add(c(CaseKind.SOLD_TWICE_FIRST, first, a, payoutCategory(), claim, null, null, false));
    add(
        c(
            CaseKind.SOLD_TWICE_SECOND,
            second,
            b,
            payoutCategory(),
            claim + day(0.01, 1),
            null,
            null,
            false));
  }

  /**
   * (f): one person, one device, one address, 1–2 contacts and 8–10 orders bought over the week
   * before; on one day every order gets a claim asking for a new key or a refund, minutes apart.
   */
  private void serialClaimer() {
    int person = newPerson();
    String ip = newIp();
    String device = deviceId();
    int contacts = 1 + random.nextInt(2);
    List<Buyer> identities = new ArrayList<>();
    for (int i = 0; i < contacts; i++) {
      identities.add(buyer(Pattern.SERIAL_CLAIMER, person, ip, device));
    }
    int claims =
        Mix.SERIAL_MIN_CLAIMS + random.nextInt(Mix.SERIAL_MAX_CLAIMS - Mix.SERIAL_MIN_CLAIMS + 1);
    double spree = day(8, DAYS - 1);
    for (int i = 0; i < claims; i++) {
      Buyer b = identities.get(i % contacts);
      Order o = order(b, wellStocked(), 1, spree - day(0, 7), "", 0);
      add(c(CaseKind.SERIAL, b, o, payoutCategory(), spree + i * 0.002, null, null, false));
    }
  }

  private String payoutCategory() {
    return random.nextBoolean() ? "INVALID_KEY" : "WRONG_PURCHASE";
  }

  // ---- honest ---------------------------------------------------------------------------------

  private void honest(int count) {
    List<Buyer> singles = new ArrayList<>();
    int made = 0;
    while (made < count) {
      int orderCount = 1;
      if (random.nextDouble() < Mix.REPEAT_BUYERS) {
        orderCount = random.nextDouble() < Mix.REPEAT_THREE_ORDERS ? 3 : 2;
      }
      orderCount = Math.min(orderCount, count - made);
      Buyer b = buyer(Pattern.HONEST, newPerson(), null, null);
      if (orderCount == 1) {
        singles.add(b);
      }
      List<Double> paidDays = new ArrayList<>();
      for (int i = 0; i < orderCount; i++) {
        paidDays.add(day(0, DAYS - 1.5));
      }
      Collections.sort(paidDays);
      for (double paid : paidDays) {
        honestCase(b, paid);
      }
      made += orderCount;
    }
    shareAddresses(singles);
  }

  private void honestCase(Buyer b, double paid) {
    CaseKind kind = honestKind();
    int quantity = quantity();
    Product product = product();
    double claimDay = paid + day(0, 1.5);
    switch (kind) {
      case NOT_RECEIVED_UNDELIVERED -> {
        int missing = 1 + random.nextInt(quantity);
        Order o = order(b, product, quantity, paid, "", quantity - missing, -1);
        add(c(kind, b, o, "NOT_RECEIVED", claimDay, null, null, false));
      }
      case NOT_RECEIVED_DELIVERED -> {
        Order o = order(b, product, quantity, paid, "", 0);
        Integer after = random.nextDouble() < Mix.REVEAL_AFTER_REDELIVERY ? 0 : null;
        add(withRevealAfter(c(kind, b, o, "NOT_RECEIVED", claimDay, null, null, false), after));
      }
      case INVALID_KEY_DEFECTIVE, INVALID_KEY_VALID -> {
        int index = random.nextInt(quantity);
        String mark = kind == CaseKind.INVALID_KEY_DEFECTIVE ? "DEFECT" : "";
        Order o = order(b, product, quantity, paid, mark, index);
        Case claim = c(kind, b, o, "INVALID_KEY", claimDay, null, null, false);
        add(quantity > 1 ? withKeyIndex(claim, index) : claim);
      }
      case PAYMENT_ISSUE -> {
        Order o = order(b, product, quantity, paid, "", 0);
        Case claim = c(kind, b, o, "PAYMENT_ISSUE", claimDay, null, null, false);
        if (Texts.saysPaidTwice(claim.description())) {
          repeatOrder(o);
          claim = withKind(claim, CaseKind.PAYMENT_ISSUE_PAID_TWICE);
        }
        add(claim);
      }
      case WRONG_PURCHASE_REVEALED -> {
        Order o = order(b, product, quantity, paid, "", 0);
        add(c(kind, b, o, "WRONG_PURCHASE", claimDay, null, 0, false));
      }
      default -> {
        Order o = order(b, product, quantity, paid, "", 0);
        add(c(kind, b, o, kind.fixedCategory(), claimDay, null, null, false));
      }
    }
  }

  private CaseKind honestKind() {
    double x = random.nextDouble();
    String category = null;
    for (Map.Entry<String, Double> share : Mix.HONEST_CATEGORIES.entrySet()) {
      category = share.getKey();
      x -= share.getValue();
      if (x < 0) {
        break;
      }
    }
    double y = random.nextDouble();
    return switch (category) {
      case "NOT_RECEIVED" ->
          y < Mix.UNDELIVERED ? CaseKind.NOT_RECEIVED_UNDELIVERED : CaseKind.NOT_RECEIVED_DELIVERED;
      case "INVALID_KEY" ->
          y < Mix.DEFECTIVE ? CaseKind.INVALID_KEY_DEFECTIVE : CaseKind.INVALID_KEY_VALID;
      case "WRONG_PURCHASE" ->
          y < Mix.REVEALED_BEFORE_REFUND
              ? CaseKind.WRONG_PURCHASE_REVEALED
              : CaseKind.WRONG_PURCHASE_UNREVEALED;
      case "USAGE_HELP" ->
          y < Mix.HELP_ANSWER_FITS ? CaseKind.USAGE_HELP_ANSWERED : CaseKind.USAGE_HELP_UNANSWERED;
      case "PAYMENT_ISSUE" -> CaseKind.PAYMENT_ISSUE;
      default -> CaseKind.OTHER;
    };
  }

  /** Puts a share of single-order buyers behind shared addresses, 2 or 3 per address. */
  private void shareAddresses(List<Buyer> singles) {
    List<Buyer> shuffled = new ArrayList<>(singles);
    Collections.shuffle(shuffled, random);
    int target = (int) Math.round(singles.size() * Mix.SHARED_ADDRESS);
    Map<Integer, String> sharedIp = new LinkedHashMap<>();
    int i = 0;
    while (i + 1 < shuffled.size() && i < target) {
      int size = Math.min(2 + random.nextInt(2), shuffled.size() - i);
      String ip = shuffled.get(i).ip();
      for (int j = 0; j < size; j++) {
        sharedIp.put(shuffled.get(i + j).id(), ip);
      }
      i += size;
    }
    for (int n = 0; n < buyers.size(); n++) {
      Buyer b = buyers.get(n);
      String ip = sharedIp.get(b.id());
      if (ip != null && !ip.equals(b.ip())) {
        buyers.set(
            n,
            new Buyer(b.id(), b.person(), b.pattern(), b.email(), ip, b.deviceId(), b.language()));
      }
    }
    if (sharedIp.isEmpty()) {
      return;
    }
    Map<Integer, Buyer> byId = new LinkedHashMap<>();
    buyers.forEach(b -> byId.put(b.id(), b));
    orders.replaceAll(
        o -> o.buyer().ip().equals(byId.get(o.buyer().id()).ip()) ? o : rebind(o, byId));
    cases.replaceAll(
        c ->
            c.buyer().ip().equals(byId.get(c.buyer().id()).ip())
                ? c
                : new Case(
                    c.id(),
                    c.day(),
                    byId.get(c.buyer().id()),
                    rebind(c.order(), byId),
                    c.kind(),
                    c.category(),
                    c.keyIndex(),
                    c.revealBefore(),
                    c.shopRedeemedBefore(),
                    c.revealAfter(),
                    c.channel(),
                    c.description(),
                    c.errorText()));
  }

  private static Order rebind(Order o, Map<Integer, Buyer> byId) {
    return new Order(
        o.orderNo(), byId.get(o.buyer().id()), o.product(), o.quantity(), o.keys(), o.paidDay());
  }

  // ---- stock ----------------------------------------------------------------------------------

  /** What the month's cases could take from stock per product, with the margins of {@link Mix}. */
  private static Map<String, Integer> stock(List<Case> cases) {
    Map<String, Integer> need = new LinkedHashMap<>();
    PRODUCTS.forEach(p -> need.put(p.sku(), 0));
    for (Case c : cases) {
      int units = 0;
      if ("NOT_RECEIVED".equals(c.category())) {
        units = c.order().quantity() - c.order().keys().size();
      } else if ("INVALID_KEY".equals(c.category())) {
        int index = c.keyIndex() == null ? 0 : c.keyIndex();
        units =
            c.order().keys().stream()
                    .anyMatch(k -> k.index() == index && k.code().contains("DEFECT"))
                ? 1
                : 0;
      }
      need.merge(c.order().product().sku(), units, Integer::sum);
    }
    Map<String, Integer> stock = new LinkedHashMap<>();
    for (Product p : PRODUCTS) {
      int n = need.get(p.sku());
      stock.put(
          p.sku(),
          p.shortOfStock()
              ? (int) Math.floor(n * Mix.SHORT_STOCK)
              : (int) Math.ceil(n * Mix.STOCK_MARGIN) + 3);
    }
    return stock;
  }

  // ---- building blocks ------------------------------------------------------------------------

  private void add(Case c) {
    cases.add(c);
  }

  private Case c(
      CaseKind kind,
      Buyer b,
      Order o,
      String category,
      double day,
      Integer keyIndex,
      Integer revealBefore,
      boolean shopRedeemed) {
    String channel;
    double x = random.nextDouble();
    if (x < Mix.WEB) {
      channel = "web";
    } else if (x < Mix.WEB + Mix.MOBILE) {
      channel = "mobile";
    } else {
      channel = "api";
    }
    String description = Texts.description(category, b.language(), random);
    String errorText =
        "INVALID_KEY".equals(category) ? Texts.errorText(b.language(), random) : null;
    return new Case(
        cases.size() + 1,
        Math.min(day, DAYS - 0.001),
        b,
        o,
        kind,
        category,
        keyIndex,
        revealBefore,
        shopRedeemed,
        null,
        channel,
        description,
        errorText);
  }

  private static Case withKeyIndex(Case c, int keyIndex) {
    return new Case(
        c.id(),
        c.day(),
        c.buyer(),
        c.order(),
        c.kind(),
        c.category(),
        keyIndex,
        c.revealBefore(),
        c.shopRedeemedBefore(),
        c.revealAfter(),
        c.channel(),
        c.description(),
        c.errorText());
  }

  private static Case withKind(Case c, CaseKind kind) {
    return new Case(
        c.id(),
        c.day(),
        c.buyer(),
        c.order(),
        kind,
        c.category(),
        c.keyIndex(),
        c.revealBefore(),
        c.shopRedeemedBefore(),
        c.revealAfter(),
        c.channel(),
        c.description(),
        c.errorText());
  }

  /**
   * The shop's second order of the same purchase, paid 2 to 10 minutes after {@code first} and
   * delivered in full. Its codes and minutes come from a random source of its own, so that the rest
   * of the plan is drawn exactly as without it.
   */
  private void repeatOrder(Order first) {
    String orderNo = orderNo();
    SplittableRandom side = new SplittableRandom(seed * 37 + orders.size());
    List<Key> keys = new ArrayList<>();
    for (int i = 0; i < first.quantity(); i++) {
      keys.add(new Key(i, code(orderNo, i, side.nextInt(1_000_000))));
    }
    double minutes = 2 + side.nextInt(9);
    orders.add(
        new Order(
            orderNo,
            first.buyer(),
            first.product(),
            first.quantity(),
            keys,
            first.paidDay() + minutes / (24 * 60)));
  }

  private static Case withRevealAfter(Case c, Integer index) {
    return new Case(
        c.id(),
        c.day(),
        c.buyer(),
        c.order(),
        c.kind(),
        c.category(),
        c.keyIndex(),
        c.revealBefore(),
        c.shopRedeemedBefore(),
        index,
        c.channel(),
        c.description(),
        c.errorText());
  }

  private Buyer buyer(Pattern pattern, int person, String ip, String device) {
    int id = buyers.size() + 1;
    String email = String.format("u%06d@%s", id, DOMAINS.get(random.nextInt(DOMAINS.size())));
    String language = random.nextDouble() < Mix.CHINESE ? "zh-CN" : "en";
    Buyer b =
        new Buyer(
            id,
            person,
            pattern,
            email,
            ip == null ? newIp() : ip,
            device == null ? deviceId() : device,
            language);
    buyers.add(b);
    return b;
  }

  private int newPerson() {
    return ++persons;
  }

  /** A delivered order whose every key is delivered; the key at {@code markedIndex} is marked. */
  private Order order(Buyer b, Product p, int quantity, double paid, String mark, int markedIndex) {
    return order(b, p, quantity, paid, mark, quantity, markedIndex);
  }

  /**
   * An order of which the first {@code delivered} units have keys; the key at {@code markedIndex}
   * carries {@code mark} (DEFECT or USED: what the simulated supplier answers for it).
   */
  private Order order(
      Buyer b, Product p, int quantity, double paid, String mark, int delivered, int markedIndex) {
    String orderNo = orderNo();
    List<Key> keys = new ArrayList<>();
    for (int i = 0; i < delivered; i++) {
      String code = code(orderNo, i, random.nextInt(1_000_000));
      keys.add(new Key(i, i == markedIndex && !mark.isEmpty() ? code + "-" + mark : code));
    }
    Order o = new Order(orderNo, b, p, quantity, keys, paid);
    orders.add(o);
    return o;
  }

  /** The code the shop delivers for unit {@code index} of an order. */
  private static String code(String orderNo, int index, int serial) {
    return "SIMKEY-" + orderNo.substring(4) + "-" + index + "-" + String.format("%06d", serial);
  }

  private String orderNo() {
    return String.format("SIM-%06d", orders.size() + 1);
  }

  private int quantity() {
    double x = random.nextDouble();
    if (x < Mix.FIVE_KEYS) {
      return 5;
    }
    return x < Mix.FIVE_KEYS + Mix.TWO_KEYS ? 2 : 1;
  }

  private Product product() {
    double x = random.nextDouble();
    for (int i = 0; i < PRODUCTS.size(); i++) {
      x -= PRODUCT_WEIGHTS[i];
      if (x < 0) {
        return PRODUCTS.get(i);
      }
    }
    return PRODUCTS.get(PRODUCTS.size() - 1);
  }

  /** Fraud goes to products that do not run out, so a replacement is there to be had. */
  private Product wellStocked() {
    Product p;
    do {
      p = product();
    } while (p.shortOfStock());
    return p;
  }

  private double day(double from, double to) {
    return from + random.nextDouble() * (to - from);
  }

  /** A fresh address in 10.0.0.0/8 that no other buyer has. */
  private String newIp() {
    while (true) {
      String ip =
          "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
      if (ips.add(ip)) {
        return ip;
      }
    }
  }

  private String deviceId() {
    byte[] bytes = new byte[8];
    random.nextBytes(bytes);
    return "dev-" + HexFormat.of().formatHex(bytes);
  }

  private static int atLeastOne(double n) {
    return Math.max(1, (int) Math.round(n));
  }

  private static Product product(
      String sku,
      String name,
      String platform,
      String supplier,
      String price,
      boolean shortOfStock) {
    return new Product(
        sku,
        name,
        platform,
        supplier,
        supplier + " distributor",
        new BigDecimal(price),
        shortOfStock);
  }
}
