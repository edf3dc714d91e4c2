package io.keydesk.it;

import static io.keydesk.it.Claims.count;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keydesk.it.Api.Answer;
import io.keydesk.it.Claims.Buyer;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Automatic actions under concurrency: 50 parallel claims on one key give exactly one action, and
 * two claims never take the same stock key.
 */
class ConcurrencyIT extends ApiIT {
  private static final int PARALLEL = 50;

  private Claims claims;

  @BeforeEach
  void claims() {
    claims = new Claims(api);
  }

  /** Runs {@code n} calls at once (released together) and returns their answers. */
  private static List<Answer> atOnce(int n, Callable<Answer> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Answer>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.call();
                }));
      }
      start.countDown();
      List<Answer> answers = new ArrayList<>();
      for (Future<Answer> f : futures) {
        answers.add(f.get(120, TimeUnit.SECONDS));
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }

  private static long resolvedAs(List<Answer> answers, String resolution) {
    return answers.stream()
        .filter(a -> a.status() == 201)
        .map(Answer::json)
        .filter(t -> resolution.equals(t.getString("resolution", null)))
        .count();
  }

  @Test
  void fiftyParallelInvalidClaimsOnOneKeyReplaceItOnce() throws Exception {
    String sku = Api.unique("PAR");
    Buyer buyer = claims.buyer(sku, "IT-SUP", "IT-DEFECT-" + sku);
    String[] stock = new String[10];
    for (int i = 0; i < stock.length; i++) {
      stock[i] = "STOCK-" + sku + "-" + i;
    }
    claims.stock(sku, "S-1", stock);

    List<Answer> answers =
        atOnce(
            PARALLEL,
            () -> claims.file(buyer, "INVALID_KEY", Api.uniqueIp(), Map.of("keyIndex", 0)));

    for (Answer a : answers) {
      assertEquals(201, a.status(), a.body());
    }
    assertEquals(1, resolvedAs(answers, "REPLACED"));
    assertEquals(
        PARALLEL - 1,
        answers.stream()
            .map(Answer::json)
            .filter(t -> t.getString("status").equals("IN_REVIEW"))
            .count());
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM card_key k JOIN shop_order o ON o.id = k.order_id"
                + " WHERE o.order_no = ? AND k.replaced_by_id IS NOT NULL",
            buyer.orderNo()));
    assertEquals(
        stock.length - 1,
        count(
            "SELECT COUNT(*) FROM card_key k JOIN product p ON p.id = k.product_id"
                + " WHERE p.sku = ? AND k.status = 'IN_STOCK'",
            sku));
  }

  @Test
  void fiftyParallelRefundClaimsOnOneKeyRefundItOnce() throws Exception {
    String sku = Api.unique("PRF");
    Buyer buyer = claims.buyer(sku, "IT-SUP", "CODE-" + sku);

    List<Answer> answers =
        atOnce(
            PARALLEL,
            () -> claims.file(buyer, "WRONG_PURCHASE", Api.uniqueIp(), Map.of("keyIndex", 0)));

    for (Answer a : answers) {
      assertEquals(201, a.status(), a.body());
    }
    assertEquals(1, resolvedAs(answers, "REFUNDED"));
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM webhook_delivery WHERE type = 'refund.issued' AND aggregate_id = ?",
            buyer.orderNo()));
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM card_key k JOIN product p ON p.id = k.product_id"
                + " WHERE p.sku = ? AND k.status = 'IN_STOCK'",
            sku));
  }

  @Test
  void parallelDeliveriesNeverTakeTheSameStockKey() throws Exception {
    String sku = Api.unique("STK");
    int buyers = 20;
    List<Buyer> waiting = new ArrayList<>();
    for (int i = 0; i < buyers; i++) {
      waiting.add(claims.buyer(sku, "IT-SUP"));
    }
    String[] stock = new String[buyers / 2];
    for (int i = 0; i < stock.length; i++) {
      stock[i] = "STOCK-" + sku + "-" + i;
    }
    claims.stock(sku, "S-1", stock);
    List<Buyer> queue = new ArrayList<>(waiting);

    List<Answer> answers =
        atOnce(
            buyers,
            () -> {
              Buyer b;
              synchronized (queue) {
                b = queue.remove(0);
              }
              return claims.file(b, "NOT_RECEIVED");
            });

    long delivered =
        answers.stream()
            .map(Answer::json)
            .filter(t -> "DELIVERED_FROM_STOCK".equals(t.getString("autoAction", null)))
            .count();
    long refunded =
        answers.stream()
            .map(Answer::json)
            .filter(t -> "REFUNDED_OUT_OF_STOCK".equals(t.getString("autoAction", null)))
            .count();
    assertEquals(stock.length, delivered);
    assertEquals(buyers - stock.length, refunded);
    assertEquals(
        stock.length,
        count(
            "SELECT COUNT(DISTINCT k.fingerprint) FROM card_key k JOIN product p ON p.id = k.product_id"
                + " WHERE p.sku = ? AND k.status = 'DELIVERED'",
            sku));
    for (JsonObject t : answers.stream().map(Answer::json).toList()) {
      assertEquals("RESOLVED", t.getString("status"));
    }
  }
}
