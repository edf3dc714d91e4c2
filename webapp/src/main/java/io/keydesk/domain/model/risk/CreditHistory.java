package io.keydesk.domain.model.risk;

/**
 * A buyer's record with this shop, by contact: orders, earlier claims accepted (resolved in the
 * buyer's favour) and rejected, and refunds.
 */
public record CreditHistory(long orders, long acceptedClaims, long rejectedClaims, long refunds) {
  /**
   * The credit score, 0–100 (documented in docs/risk.md): 70 to start; +2 per order, at most +20;
   * −15 per rejected claim; and, once a buyer has claimed a refund on more than 30% of their orders
   * (with at least two refunds), −100 × (refund ratio − 0.3). Clamped to 0–100.
   */
  public int score() {
    double score = 70 + Math.min(20, 2 * orders) - 15.0 * rejectedClaims;
    double refundRatio = orders == 0 ? 0 : (double) refunds / orders;
    if (refunds >= 2 && refundRatio > 0.3) {
      score -= 100 * (refundRatio - 0.3);
    }
    return (int) Math.round(Math.max(0, Math.min(100, score)));
  }
}
