package io.keydesk.domain.model.ticket;

import io.keydesk.domain.model.risk.Decision;
import io.keydesk.domain.model.risk.RiskAssessment;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * A ticket's place in the staff queue (docs/risk.md): its first-response deadline, moved earlier
 * for larger amounts and good credit and later for poor credit and risk signals. The queue is
 * ordered by this instant, earliest first, so a ticket's rank never needs recomputing as time
 * passes.
 *
 * <pre>
 * rank = response deadline
 *        − min(60 min, amount × 0.5 min)          larger orders first
 *        − 15 min   if credit ≥ 80                 good customers first
 *        + 60 min   if credit &lt; 40               poor credit waits
 *        + 30 min   if the risk engine said REVIEW for a signal (honest cases first)
 * </pre>
 */
public final class Priority {
  static final Duration MAX_AMOUNT_BOOST = Duration.ofMinutes(60);

  private Priority() {}

  public static Instant rankAt(Instant responseDue, BigDecimal amount, RiskAssessment risk) {
    long amountSeconds =
        amount == null
            ? 0
            : amount.max(BigDecimal.ZERO).multiply(BigDecimal.valueOf(30)).longValue();
    Instant rank =
        responseDue.minus(
            Duration.ofSeconds(Math.min(MAX_AMOUNT_BOOST.toSeconds(), amountSeconds)));
    if (risk.creditScore() >= 80) {
      rank = rank.minus(Duration.ofMinutes(15));
    } else if (risk.creditScore() < 40) {
      rank = rank.plus(Duration.ofMinutes(60));
    }
    if (risk.decision() != Decision.AUTO && !risk.reasons().isEmpty()) {
      rank = rank.plus(Duration.ofMinutes(30));
    }
    return rank;
  }
}
