package io.keydesk.it;

import static io.keydesk.it.Claims.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.it.Api.Answer;
import io.keydesk.it.Claims.Buyer;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Charged twice" (PAYMENT_ISSUE): the buyer's second order of the same purchase, its key never
 * shown, is refunded at once and once only; anything else goes to an agent.
 */
class DuplicatePaymentIT extends ApiIT {
  private Claims claims;

  @BeforeEach
  void claims() {
    claims = new Claims(api);
  }

  /** Two orders of one purchase, three minutes apart, by one buyer; the buyer holds the first. */
  private record Purchase(String sku, Buyer first, Buyer second) {}

  private Purchase paidTwice(String secondAmount, String secondPaidAt) {
    String sku = Api.unique("DUP");
    String first = Api.unique("DP");
    String second = Api.unique("DP");
    String email = first.toLowerCase() + "@example.com";
    claims.orderPaidAt(
        "2026-11-20T10:00:00Z", first, email, sku, "IT-SUP", 1, "98.00", "A-" + first);
    claims.orderPaidAt(secondPaidAt, second, email, sku, "IT-SUP", 1, secondAmount, "A-" + second);
    return new Purchase(
        sku,
        new Buyer(first, email, api.buyerToken(first, email)),
        new Buyer(second, email, api.buyerToken(second, email)));
  }

  private Purchase paidTwice() {
    return paidTwice("98.00", "2026-11-20T10:03:00Z");
  }

  private static long refundWebhooks(String orderNo) throws Exception {
    return count(
        "SELECT COUNT(*) FROM webhook_delivery WHERE type = 'refund.issued' AND aggregate_id = ?",
        orderNo);
  }

  private static long keysWithStatus(String orderNo, String status) throws Exception {
    return count(
        "SELECT COUNT(*) FROM card_key k JOIN shop_order o ON o.id = k.order_id"
            + " WHERE o.order_no = ? AND k.status = ?",
        orderNo,
        status);
  }

  private static long inStock(String sku) throws Exception {
    return count(
        "SELECT COUNT(*) FROM card_key k JOIN product p ON p.id = k.product_id"
            + " WHERE p.sku = ? AND k.status = 'IN_STOCK'",
        sku);
  }

  private JsonObject chargedTwice(Buyer buyer, Map<String, Object> extra) {
    Answer a = claims.file(buyer, "PAYMENT_ISSUE", Api.uniqueIp(), extra);
    assertEquals(201, a.status(), a.body());
    return a.json();
  }

  @Test
  void theSecondOrderOfAPurchasePaidTwiceIsRefundedAtOnceAndOnlyOnce() throws Exception {
    Purchase p = paidTwice();

    JsonObject t = chargedTwice(p.first(), Map.of("chargedTwice", true, "language", "en"));

    assertEquals("AUTO", Claims.decision(t));
    assertEquals("RESOLVED", t.getString("status"));
    assertEquals("REFUNDED", t.getString("resolution"));
    assertEquals("REFUNDED_DUPLICATE", t.getString("autoAction"));
    assertTrue(
        t.getString("resolutionNote").contains(p.second().orderNo()),
        "the note names the refunded order: " + t.getString("resolutionNote"));
    assertEquals(1, refundWebhooks(p.second().orderNo()), "the later order is refunded");
    assertEquals(0, refundWebhooks(p.first().orderNo()), "the buyer keeps the first");
    assertEquals(1, keysWithStatus(p.second().orderNo(), "REFUNDED"));
    assertEquals(1, keysWithStatus(p.first().orderNo(), "DELIVERED"));
    assertEquals(1, inStock(p.sku()), "the refunded key went back to stock");

    JsonObject again = chargedTwice(p.second(), Map.of("chargedTwice", true));

    assertEquals("IN_REVIEW", again.getString("status"), "nothing is left to refund");
    assertEquals(1, refundWebhooks(p.second().orderNo()));
    assertEquals(0, refundWebhooks(p.first().orderNo()));
  }

  @Test
  void onlyTheBuyersExplicitAnswerRefundsADescriptionAloneGoesToAnAgentWithItsHint()
      throws Exception {
    Purchase p = paidTwice();

    JsonObject said =
        chargedTwice(p.first(), Map.of("description", "同一个商品微信扣了两次款，只要一个", "language", "zh-CN"));
    assertEquals("IN_REVIEW", said.getString("status"));
    assertEquals(0, refundWebhooks(p.second().orderNo()));
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM ticket WHERE ticket_no = ? AND hints LIKE ?",
            said.getString("ticketNo"),
            "%CHARGED_TWICE%"),
        "the agent sees what the text said");

    JsonObject no = chargedTwice(p.first(), Map.of("chargedTwice", false));
    assertEquals("IN_REVIEW", no.getString("status"));

    JsonObject yes = chargedTwice(p.first(), Map.of("chargedTwice", true, "language", "zh-CN"));
    assertEquals("REFUNDED_DUPLICATE", yes.getString("autoAction"));
    assertTrue(yes.getString("resolutionNote").contains("重复支付"), yes.getString("resolutionNote"));
    assertEquals(1, refundWebhooks(p.second().orderNo()));
  }

  @Test
  void withoutASecondOrderOfTheSamePurchaseAnAgentChecksThePayment() throws Exception {
    Purchase otherAmount = paidTwice("108.00", "2026-11-20T10:03:00Z");
    Purchase nextDay = paidTwice("98.00", "2026-11-21T10:00:00Z");

    for (Purchase p : List.of(otherAmount, nextDay)) {
      JsonObject t = chargedTwice(p.first(), Map.of("chargedTwice", true, "language", "en"));

      assertEquals("IN_REVIEW", t.getString("status"));
      assertTrue(
          t.toString().contains("no second order"), "the buyer is told what was checked: " + t);
      assertEquals(0, refundWebhooks(p.first().orderNo()) + refundWebhooks(p.second().orderNo()));
    }
  }

  @Test
  void theOrderWhoseKeyWasUsedIsKeptAndTheOtherRefundedOrNoneWhenBothWereUsed() throws Exception {
    Purchase p = paidTwice();
    redeemed(p.second().orderNo());

    JsonObject t = chargedTwice(p.second(), Map.of("chargedTwice", true));

    assertEquals("REFUNDED_DUPLICATE", t.getString("autoAction"));
    assertEquals(1, refundWebhooks(p.first().orderNo()), "the unused first order is refunded");
    assertEquals(0, refundWebhooks(p.second().orderNo()));

    Purchase both = paidTwice();
    redeemed(both.first().orderNo());
    redeemed(both.second().orderNo());

    JsonObject used = chargedTwice(both.first(), Map.of("chargedTwice", true));

    assertEquals("IN_REVIEW", used.getString("status"));
    assertEquals(
        0, refundWebhooks(both.first().orderNo()) + refundWebhooks(both.second().orderNo()));
  }

  private void redeemed(String orderNo) {
    Answer a =
        api.signed(
            "/api/v1/card-keys/status",
            "{\"orderNo\":\"" + orderNo + "\",\"keyIndex\":0,\"status\":\"REDEEMED\"}");
    assertEquals(200, a.status(), a.body());
  }

  @Test
  void claimsRacingOnBothOrdersOfOnePurchaseRefundExactlyOne() throws Exception {
    Purchase p = paidTwice();
    List<Callable<Integer>> claimsOnBoth = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Buyer buyer = i % 2 == 0 ? p.first() : p.second();
      claimsOnBoth.add(
          () ->
              claims
                  .file(buyer, "PAYMENT_ISSUE", Api.uniqueIp(), Map.of("chargedTwice", true))
                  .status());
    }
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try {
      for (Future<Integer> f : pool.invokeAll(claimsOnBoth)) {
        assertEquals(201, f.get());
      }
    } finally {
      pool.shutdownNow();
    }

    assertEquals(1, refundWebhooks(p.first().orderNo()) + refundWebhooks(p.second().orderNo()));
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM ticket t JOIN shop_order o ON o.id = t.order_id"
                + " WHERE o.order_no IN (?, ?) AND t.auto_action = 'REFUNDED_DUPLICATE'",
            p.first().orderNo(),
            p.second().orderNo()));
    assertEquals(1, inStock(p.sku()));
  }
}
