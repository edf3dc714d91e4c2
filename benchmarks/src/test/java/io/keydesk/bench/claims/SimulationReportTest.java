package io.keydesk.bench.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.keydesk.bench.MachineFacts;
import io.keydesk.bench.claims.Plan.Case;
import io.keydesk.bench.claims.SimulationReport.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SimulationReportTest {
  private static final Plan PLAN = MixGenerator.generate(11, 1000);
  private static final Map<String, Integer> THRESHOLDS =
      Map.of("claims.contact.day", 3, "claims.ip.day", 5, "claims.device.day", 3);

  @Test
  void aSerialClaimerLeadsInUntilTheDeviceReachesItsDailyThreshold() {
    Map<Integer, Role> roles = SimulationReport.roles(PLAN.cases(), THRESHOLDS);
    Map<String, List<Case>> sprees =
        PLAN.cases().stream()
            .filter(c -> c.kind() == CaseKind.SERIAL)
            .collect(Collectors.groupingBy(c -> c.buyer().deviceId()));
    assertFalse(sprees.isEmpty());
    for (List<Case> spree : sprees.values()) {
      for (int i = 0; i < spree.size(); i++) {
        assertEquals(i < 3 ? Role.LEAD_IN : Role.PATTERN, roles.get(spree.get(i).id()));
      }
    }
    for (Case c : PLAN.cases()) {
      switch (c.kind()) {
        case REPEAT_FIRST, SOLD_TWICE_FIRST -> assertEquals(Role.LEAD_IN, roles.get(c.id()));
        case REPEAT_AGAIN, SOLD_TWICE_SECOND, SHOP_REDEEMED, BLOCKED ->
            assertEquals(Role.PATTERN, roles.get(c.id()));
        default -> {
          if (c.honest()) {
            assertNull(roles.get(c.id()));
          }
        }
      }
    }
  }

  @Test
  void aPaidFraudClaimFailsTheGoalAndIsListed() {
    List<Outcome> outcomes = new ArrayList<>();
    Case paid = null;
    for (Case c : PLAN.cases()) {
      if (c.honest()) {
        outcomes.add(auto(c, "DELIVERY_RESENT"));
      } else if (paid == null && c.kind() == CaseKind.REPEAT_AGAIN) {
        paid = c;
        outcomes.add(auto(c, "REPLACED"));
      } else {
        outcomes.add(review(c, "DUPLICATE_FINGERPRINT"));
      }
    }
    String md = SimulationReport.markdown(PLAN, outcomes, facts());

    assertTrue(
        md.contains(
            "| automatic refund, replacement or delivery on a fraud-pattern claim | 0 | 1 of"),
        md);
    assertTrue(md.contains("**Fraud-pattern claims paid out automatically:** 1."), md);
    assertTrue(md.contains("| " + paid.id() + " | (a) "), md);
    assertTrue(md.contains("| cases self-resolved, honest buyers | ≥ 80% | 100.0%"), md);
    assertTrue(md.contains("| `DUPLICATE_FINGERPRINT` | 0 |"), md);
  }

  private static Outcome auto(Case c, String action) {
    return new Outcome(
        c,
        false,
        "KD-" + c.id(),
        "AUTO",
        List.of(),
        "RESOLVED",
        "REPLACED",
        action,
        null,
        null,
        null,
        false,
        null);
  }

  @Test
  void aCaseTheBuyerSaidSolvedAfterTheGuidanceCountsAsSelfResolved() {
    List<Outcome> outcomes = new ArrayList<>();
    for (Case c : PLAN.cases()) {
      if (c.kind() == CaseKind.INVALID_KEY_VALID) {
        outcomes.add(
            new Outcome(
                c,
                false,
                "KD-" + c.id(),
                "AUTO",
                List.of(),
                "RESOLVED",
                "ANSWERED",
                null,
                "The supplier reports the key as valid and unused",
                null,
                null,
                true,
                null));
      } else if (c.honest()) {
        outcomes.add(review(c, "AMOUNT_OVER_LIMIT"));
      }
    }
    long valid = outcomes.size() - outcomes.stream().filter(o -> !o.solvedByBuyer()).count();
    assertTrue(valid > 0);
    assertTrue(outcomes.stream().filter(Outcome::solvedByBuyer).allMatch(Outcome::selfResolved));
    assertTrue(outcomes.stream().filter(o -> !o.solvedByBuyer()).noneMatch(Outcome::selfResolved));
    String md = SimulationReport.markdown(PLAN, outcomes, facts());
    assertTrue(md.contains("guidance, then the buyer said solved " + valid), md);
  }

  private static Outcome review(Case c, String reason) {
    return new Outcome(
        c,
        false,
        "KD-" + c.id(),
        "REVIEW",
        List.of(reason),
        "IN_REVIEW",
        null,
        null,
        "An agent will look at this case",
        null,
        null,
        false,
        null);
  }

  private static SimulationReport.Facts facts() {
    return new SimulationReport.Facts(
        new MachineFacts(
            "2", "cpu", "1.0 GiB", "6", "2026-12-01 10:00 UTC", "java", "abc", "0 0 0"),
        "benchmarks/simulate",
        11,
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        Duration.ofSeconds(90),
        THRESHOLDS,
        20,
        3,
        100,
        new ObjectMapper().createObjectNode().put("entries", 5).put("intact", true),
        Duration.ofSeconds(2),
        "0",
        "0");
  }
}
