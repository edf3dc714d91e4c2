package io.keydesk.domain.model.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.domain.model.risk.Decision;
import io.keydesk.domain.model.risk.Reason;
import io.keydesk.domain.model.risk.RiskAssessment;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriorityTest {
  private static final Instant DUE = Instant.parse("2026-11-25T12:00:00Z");
  private static final RiskAssessment CLEAN = new RiskAssessment(Decision.AUTO, List.of(), 70);

  private static Duration shift(BigDecimal amount, RiskAssessment risk) {
    return Duration.between(DUE, Priority.rankAt(DUE, amount, risk));
  }

  @Test
  void largerAmountsComeFirstUpToAnHour() {
    assertEquals(Duration.ZERO, shift(BigDecimal.ZERO, CLEAN));
    assertEquals(Duration.ofMinutes(-50), shift(new BigDecimal("100.00"), CLEAN));
    assertEquals(Duration.ofMinutes(-60), shift(new BigDecimal("99999"), CLEAN));
  }

  @Test
  void creditMovesTheRank() {
    assertEquals(
        Duration.ofMinutes(-15),
        shift(BigDecimal.ZERO, new RiskAssessment(Decision.AUTO, List.of(), 85)));
    assertEquals(
        Duration.ofMinutes(60),
        shift(BigDecimal.ZERO, new RiskAssessment(Decision.AUTO, List.of(), 20)));
  }

  @Test
  void riskSignalsWaitBehindHonestCases() {
    RiskAssessment flagged =
        new RiskAssessment(
            Decision.REVIEW, List.of(new Reason("VELOCITY_IP_DAY", Decision.REVIEW, "x")), 70);

    assertEquals(Duration.ofMinutes(30), shift(BigDecimal.ZERO, flagged));
    assertTrue(
        Priority.rankAt(DUE, new BigDecimal("10"), CLEAN)
            .isBefore(Priority.rankAt(DUE, new BigDecimal("10"), flagged)));
  }
}
