package io.keydesk.application;

import io.keydesk.application.AccessTokens.BuyerIdentity;
import io.keydesk.domain.model.catalog.CatalogRepository;
import io.keydesk.domain.model.knowledge.ArticleRepository;
import io.keydesk.domain.model.order.Contact;
import io.keydesk.domain.model.staff.Role;
import io.keydesk.domain.model.staff.Shifts;
import io.keydesk.domain.model.staff.StaffRepository;
import io.keydesk.domain.model.staff.StaffUser;
import io.keydesk.infrastructure.security.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Demo data for local runs (only when {@code keydesk.demo.enabled=true}): suppliers, products,
 * orders with sealed keys, tickets in several states and one staff user per role. Everything goes
 * through the same services as real traffic, so the outbox carries its events too. Loading twice
 * changes nothing. The knowledge base gets its own demo answers ({@link #loadKnowledgeBase()}).
 */
@ApplicationScoped
public class DemoData {
  /** A demo login. */
  public record DemoLogin(String username, String password, String role) {}

  /** A demo order and the contact that opens it. */
  public record DemoOrder(String orderNo, String contact, String product) {}

  /** What the launcher prints. */
  public record Summary(List<DemoLogin> staff, List<DemoOrder> orders) {}

  static final List<DemoLogin> LOGINS =
      List.of(
          new DemoLogin("agent", "agent-demo-pass", Role.AGENT.name()),
          new DemoLogin("supervisor", "supervisor-demo-pass", Role.SUPERVISOR.name()),
          new DemoLogin("supplier", "supplier-demo-pass", Role.SUPPLIER_MANAGER.name()),
          new DemoLogin("admin", "admin-demo-pass", Role.ADMIN.name()));

  static final List<DemoOrder> ORDERS =
      List.of(
          new DemoOrder("DEMO-1001", "alice@example.com", "STEAM-100"),
          new DemoOrder("DEMO-1002", "alice@example.com", "XBOX-GP-1M"),
          new DemoOrder("DEMO-1003", "13800138000", "STEAM-100"),
          new DemoOrder("DEMO-1004", "bob@example.com", "OFFICE-365"),
          new DemoOrder("DEMO-1005", "bob@example.com", "XBOX-GP-1M"),
          new DemoOrder("DEMO-1006", "carol@example.com", "STEAM-100"));

  /** The demo supplier manager's e-mail address, where the scheduled reports go. */
  static final String SUPPLIER_EMAIL = "supplier@example.com";

  /** Demo orders paid but never delivered: "not received" delivers them from stock. */
  static final String UNDELIVERED = "DEMO-1006";

  /** Keys per demo product in the replacement stock. */
  static final int STOCK_PER_PRODUCT = 10;

  /** The demo answers of the knowledge base (a JSON array of {@link WriteArticle}). */
  static final String KNOWLEDGE_BASE = "/io/keydesk/demo/knowledge-base.json";

  @Inject OrderImportService importer;
  @Inject StockService stock;
  @Inject BuyerTicketService buyerTickets;
  @Inject StaffTicketService staffTickets;
  @Inject StaffRepository staff;
  @Inject CatalogRepository catalog;
  @Inject PasswordHasher hasher;
  @Inject KnowledgeBaseAdmin knowledgeBase;
  @Inject ArticleRepository articles;
  @Inject Clock clock;
  @Inject Shifts shifts;
  @Inject ShiftService shiftService;

  public Summary summary() {
    return new Summary(LOGINS, ORDERS);
  }

  /** Loads the demo set unless it is there already. */
  @Transactional
  public boolean load() {
    if (staff.find("admin").isPresent()) {
      return false;
    }
    Instant now = clock.instant();
    for (int i = 0; i < ORDERS.size(); i++) {
      DemoOrder o = ORDERS.get(i);
      importer.importOrder(order(o, i, now), "demo-" + o.orderNo() + "-" + i);
    }
    for (DemoLogin login : LOGINS) {
      Role role = Role.valueOf(login.role());
      StaffUser user =
          new StaffUser(
              login.username(),
              Character.toUpperCase(login.username().charAt(0)) + login.username().substring(1),
              hasher.hash(login.password().toCharArray()),
              role,
              role == Role.SUPPLIER_MANAGER ? catalog.supplier("VALVE-CN").orElseThrow() : null,
              role == Role.AGENT ? "zh-CN" : "en",
              now);
      if (role == Role.SUPPLIER_MANAGER) {
        // so the scheduled supplier reports go out on local runs (to the local mail folder)
        user.changeEmail(SUPPLIER_EMAIL);
      }
      if (role == Role.AGENT) {
        // the demo agent handles everything, so every demo case reaches a person
        user.changeSkills(
            java.util.EnumSet.allOf(io.keydesk.domain.model.category.CategoryCode.class),
            StaffUser.LANGUAGES,
            StaffUser.DEFAULT_CAPACITY);
      }
      staff.store(user);
    }
    for (String sku : List.of("STEAM-100", "XBOX-GP-1M", "OFFICE-365")) {
      List<ImportStock.StockKey> keys = new java.util.ArrayList<>();
      for (int n = 1; n <= STOCK_PER_PRODUCT; n++) {
        keys.add(new ImportStock.StockKey("DEMO-STOCK-" + sku + "-" + (1000 + n), null));
      }
      stock.add(new ImportStock(sku, "B-2026-11-S", keys));
    }
    AccessTokens.StaffIdentity agent = new AccessTokens.StaffIdentity("agent", Role.AGENT, null);
    BuyerIdentity alice = buyer("alice@example.com", "DEMO-1001");
    BuyerIdentity bob = buyer("bob@example.com", "DEMO-1004");
    BuyerIdentity phone = buyer("13800138000", "DEMO-1003");

    // In review, then waiting for the buyer: the supplier says the key is fine.
    String review =
        buyerTickets
            .file(
                alice,
                FileTicket.of(
                    "DEMO-1001",
                    "INVALID_KEY",
                    "买的卡不能用，提示 code already redeemed",
                    0,
                    "zh-CN",
                    "web"),
                null)
            .ticket()
            .ticketNo();
    if (staffTickets.ticket(review).status().equals("IN_REVIEW")) {
      staffTickets.act(agent, review, new StaffAction("ASK_BUYER", "请提供兑换时的完整错误截图，我们会尽快处理。", null));
    }
    // Answered by an agent.
    String answered =
        buyerTickets
            .file(
                bob,
                FileTicket.of(
                    "DEMO-1004",
                    "USAGE_HELP",
                    "How do I activate Office on a Mac?",
                    null,
                    "en",
                    "web"),
                null)
            .ticket()
            .ticketNo();
    staffTickets.act(
        agent,
        answered,
        new StaffAction("REPLY", "Open office.com/setup, sign in and enter the key.", null));
    // Solved automatically: the delivery is sent again.
    buyerTickets.file(
        phone,
        FileTicket.of("DEMO-1003", "NOT_RECEIVED", "付款成功但是没收到卡密", null, "zh-CN", "mobile"),
        null);
    // Solved automatically: never revealed, refunded and back to stock.
    buyerTickets.file(
        bob,
        FileTicket.of(
            "DEMO-1005", "WRONG_PURCHASE", "I meant to buy the 3-month pass", 0, "en", "web"),
        null);
    return true;
  }

  /**
   * Seeds the knowledge base with the answers of {@value #KNOWLEDGE_BASE} (general ones for every
   * category, and some for the demo products, in zh-CN and en), unless it ever had an article.
   * Needs the demo products ({@link #load()} first).
   *
   * @return how many articles were written
   */
  @Transactional
  public int loadKnowledgeBase() {
    if (articles.revision() > 0) {
      return 0;
    }
    AccessTokens.StaffIdentity demoAdmin = new AccessTokens.StaffIdentity("demo", Role.ADMIN, null);
    WriteArticle[] demo = knowledgeBaseArticles();
    for (WriteArticle article : demo) {
      knowledgeBase.create(demoAdmin, article);
    }
    return demo.length;
  }

  /**
   * Demo shifts for the staffing forecast (local hours), unless there are shifts already: the agent
   * works 09-18 on weekdays and 10-16 at the weekend, the supervisor 09-18 on weekdays. Needs the
   * demo staff ({@link #load()} first).
   *
   * @return whether shifts were written
   */
  @Transactional
  public boolean loadShifts() {
    if (!shifts.all().isEmpty() || staff.find("agent").isEmpty()) {
      return false;
    }
    AccessTokens.StaffIdentity demoAdmin = new AccessTokens.StaffIdentity("demo", Role.ADMIN, null);
    List<Shifts.Shift> agentWeek = new java.util.ArrayList<>();
    List<Shifts.Shift> supervisorWeek = new java.util.ArrayList<>();
    for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
      boolean weekend = day.getValue() >= 6;
      agentWeek.add(
          new Shifts.Shift("agent", Role.AGENT, day, weekend ? 10 : 9, weekend ? 16 : 18));
      if (!weekend) {
        supervisorWeek.add(new Shifts.Shift("supervisor", Role.SUPERVISOR, day, 9, 18));
      }
    }
    shiftService.replace(demoAdmin, "agent", agentWeek);
    shiftService.replace(demoAdmin, "supervisor", supervisorWeek);
    return true;
  }

  static WriteArticle[] knowledgeBaseArticles() {
    Jsonb jsonb = JsonbBuilder.create();
    try (InputStream in = DemoData.class.getResourceAsStream(KNOWLEDGE_BASE)) {
      if (in == null) {
        throw new IllegalStateException(KNOWLEDGE_BASE + " is missing");
      }
      return jsonb.fromJson(in, WriteArticle[].class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        jsonb.close();
      } catch (Exception e) {
        throw new IllegalStateException("closing JSON-B", e);
      }
    }
  }

  private static BuyerIdentity buyer(String contact, String orderNo) {
    return new BuyerIdentity(Contact.parse(contact).orElseThrow(), orderNo);
  }

  /**
   * The demo keys tell the simulated supplier what to answer (docs/api.md): DEMO-1001's key was
   * already redeemed ({@code USED}), DEMO-1002's is defective ({@code DEFECT}), the others are
   * valid.
   */
  static String demoCode(DemoOrder o, int i) {
    String marker =
        switch (i) {
          case 0 -> "USED-";
          case 1 -> "DEFECT-";
          default -> "";
        };
    return "DEMO-" + o.product() + "-" + marker + (4711 + i) + "-KEY";
  }

  private static ImportOrder order(DemoOrder o, int i, Instant now) {
    String supplier = o.product().startsWith("STEAM") ? "VALVE-CN" : "MS-APAC";
    String name =
        switch (o.product()) {
          case "STEAM-100" -> "Steam Wallet 100 CNY";
          case "XBOX-GP-1M" -> "Xbox Game Pass Ultimate 1 month";
          default -> "Microsoft 365 Personal 1 year";
        };
    Instant paid = now.minus(Duration.ofHours(2L + 5L * i));
    String contact = o.contact();
    return new ImportOrder(
        o.orderNo(),
        new ImportOrder.Buyer(
            contact.contains("@") ? contact : null, contact.contains("@") ? null : contact),
        new ImportOrder.ProductRef(
            o.product(),
            name,
            new ImportOrder.SupplierRef(
                supplier, supplier.equals("VALVE-CN") ? "Valve CN distributor" : "Microsoft APAC")),
        1,
        new BigDecimal(o.product().startsWith("STEAM") ? "100.00" : "39.00"),
        "CNY",
        paid,
        o.orderNo().equals(UNDELIVERED)
            ? List.of()
            : List.of(
                new ImportOrder.DeliveredKey(
                    0,
                    demoCode(o, i),
                    null,
                    "B-2026-11-" + (i % 2 == 0 ? "A" : "B"),
                    paid.plusSeconds(3))));
  }
}
