package io.keydesk.domain.model.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RiskPolicyTest {
  private static final RiskFacts.Velocity QUIET = new RiskFacts.Velocity(0, 0, 0, 0, 0, 0);
  private static final CreditHistory NEW_BUYER = new CreditHistory(1, 0, 0, 0);

  private static RiskFacts honest(String category) {
    return new RiskFacts(
        category,
        true,
        new BigDecimal("100.00"),
        false,
        false,
        0,
        0,
        QUIET,
        Set.of(),
        List.of(),
        NEW_BUYER);
  }

  private static RiskAssessment assess(RiskFacts facts) {
    return RiskPolicy.assess(facts, RiskSettings.defaults());
  }

  private static List<String> codes(RiskAssessment a) {
    return a.reasons().stream().map(Reason::code).toList();
  }

  @Test
  void anHonestFirstClaimIsAutomatic() {
    RiskAssessment a = assess(honest("INVALID_KEY"));

    assertEquals(Decision.AUTO, a.decision());
    assertEquals(List.of(), a.reasons());
    assertTrue(a.allowsAutomaticAction());
  }

  @Test
  void aBlockedContactIsBlockedWithAReason() {
    RiskFacts f = withBlocked(honest("INVALID_KEY"), Set.of(SignalKind.BLOCKED_CONTACT));

    RiskAssessment a = assess(f);

    assertEquals(Decision.BLOCK, a.decision());
    assertEquals(List.of("BLOCKED_CONTACT"), codes(a));
    assertTrue(a.summary().contains("blocked"));
  }

  @Test
  void blockWinsOverReview() {
    RiskFacts f = honest("WRONG_PURCHASE");
    f =
        new RiskFacts(
            f.category(),
            true,
            f.amount(),
            true,
            false,
            0,
            0,
            QUIET,
            Set.of(SignalKind.BLOCKED_IP),
            List.of(),
            NEW_BUYER);

    RiskAssessment a = assess(f);

    assertEquals(Decision.BLOCK, a.decision());
    assertEquals(List.of("BLOCKED_IP", "CLAIM_AFTER_REVEAL"), codes(a));
  }

  @Test
  void aKeyClaimedByAnotherBuyerGoesToReview() {
    RiskFacts f = honest("INVALID_KEY");
    f =
        new RiskFacts(
            f.category(),
            true,
            f.amount(),
            false,
            false,
            1,
            1,
            QUIET,
            Set.of(),
            List.of(),
            NEW_BUYER);

    RiskAssessment a = assess(f);

    assertEquals(Decision.REVIEW, a.decision());
    assertEquals(List.of("DUPLICATE_FINGERPRINT"), codes(a));
    assertTrue(a.reasons().get(0).text().contains("1 other buyer"));
  }

  @Test
  void aSecondClaimOnTheSameKeyBySameBuyerGoesToReview() {
    RiskFacts f = honest("WRONG_PURCHASE");
    f =
        new RiskFacts(
            f.category(),
            true,
            f.amount(),
            false,
            false,
            2,
            0,
            QUIET,
            Set.of(),
            List.of(),
            NEW_BUYER);

    assertEquals(List.of("DUPLICATE_FINGERPRINT"), codes(assess(f)));
  }

  @Test
  void anInvalidClaimAfterRedemptionGoesToReview() {
    RiskFacts f = honest("INVALID_KEY");
    f =
        new RiskFacts(
            f.category(),
            true,
            f.amount(),
            true,
            true,
            0,
            0,
            QUIET,
            Set.of(),
            List.of(),
            NEW_BUYER);

    RiskAssessment a = assess(f);

    assertEquals(Decision.REVIEW, a.decision());
    assertEquals(List.of("CLAIM_AFTER_REDEMPTION"), codes(a));
  }

  @Test
  void aRevealedKeyIsNormalForAnInvalidKeyButNotForARefund() {
    RiskFacts invalid = honest("INVALID_KEY");
    invalid =
        new RiskFacts(
            invalid.category(),
            true,
            invalid.amount(),
            true,
            false,
            0,
            0,
            QUIET,
            Set.of(),
            List.of(),
            NEW_BUYER);
    RiskFacts refund =
        new RiskFacts(
            "WRONG_PURCHASE",
            true,
            invalid.amount(),
            true,
            false,
            0,
            0,
            QUIET,
            Set.of(),
            List.of(),
            NEW_BUYER);

    assertEquals(Decision.AUTO, assess(invalid).decision());
    assertEquals(List.of("CLAIM_AFTER_REVEAL"), codes(assess(refund)));
  }

  @ParameterizedTest
  @CsvSource({
    "2, 0, 0, AUTO, ''",
    "3, 0, 0, REVIEW, VELOCITY_CONTACT_DAY",
    "0, 5, 0, REVIEW, VELOCITY_IP_DAY",
    "0, 4, 0, AUTO, ''",
    "0, 0, 3, REVIEW, VELOCITY_DEVICE_DAY",
    "0, -1, -1, AUTO, ''"
  })
  void theClaimAfterTheThresholdGoesToReview(
      long contactDay, long ipDay, long deviceDay, Decision expected, String code) {
    RiskFacts f = honest("NOT_RECEIVED");
    RiskFacts.Velocity v =
        new RiskFacts.Velocity(
            contactDay, contactDay, ipDay, Math.max(ipDay, 0), deviceDay, Math.max(deviceDay, 0));
    if (ipDay < 0) {
      v = new RiskFacts.Velocity(contactDay, contactDay, -1, -1, -1, -1);
    }
    f =
        new RiskFacts(
            f.category(), true, f.amount(), false, false, 0, 0, v, Set.of(), List.of(), NEW_BUYER);

    RiskAssessment a = assess(f);

    assertEquals(expected, a.decision());
    assertEquals(code.isEmpty() ? List.of() : List.of(code), codes(a));
  }

  @Test
  void monthlyThresholdsCountToo() {
    RiskFacts f = honest("NOT_RECEIVED");
    f =
        new RiskFacts(
            f.category(),
            true,
            f.amount(),
            false,
            false,
            0,
            0,
            new RiskFacts.Velocity(0, 8, 0, 20, 0, 8),
            Set.of(),
            List.of(),
            NEW_BUYER);

    assertEquals(
        List.of("VELOCITY_CONTACT_MONTH", "VELOCITY_IP_MONTH", "VELOCITY_DEVICE_MONTH"),
        codes(assess(f)));
  }

  @Test
  void thresholdsAreConfigurable() {
    RiskFacts f = honest("NOT_RECEIVED");
    f =
        new RiskFacts(
            f.category(),
            true,
            f.amount(),
            false,
            false,
            0,
            0,
            new RiskFacts.Velocity(1, 1, 0, 0, 0, 0),
            Set.of(),
            List.of(),
            NEW_BUYER);

    RiskAssessment strict =
        RiskPolicy.assess(f, new RiskSettings(Map.of(RiskSettings.CONTACT_DAY, 1)));

    assertEquals(List.of("VELOCITY_CONTACT_DAY"), codes(strict));
  }

  @Test
  void poorCreditGoesToReview() {
    RiskFacts f = honest("INVALID_KEY");
    CreditHistory refunder = new CreditHistory(4, 4, 2, 3);
    f =
        new RiskFacts(
            f.category(),
            true,
            f.amount(),
            false,
            false,
            0,
            0,
            QUIET,
            Set.of(),
            List.of(),
            refunder);

    RiskAssessment a = assess(f);

    assertTrue(a.creditScore() < 40, "score " + a.creditScore());
    assertEquals(List.of("LOW_CREDIT"), codes(a));
  }

  @Test
  void largeAmountsAreNotPaidOutAutomatically() {
    RiskFacts f =
        new RiskFacts(
            "WRONG_PURCHASE",
            true,
            new BigDecimal("1000.01"),
            false,
            false,
            0,
            0,
            QUIET,
            Set.of(),
            List.of(),
            NEW_BUYER);
    RiskFacts noPayout =
        new RiskFacts(
            "NOT_RECEIVED",
            false,
            new BigDecimal("5000"),
            false,
            false,
            0,
            0,
            QUIET,
            Set.of(),
            List.of(),
            NEW_BUYER);

    assertEquals(List.of("AMOUNT_OVER_LIMIT"), codes(assess(f)));
    assertEquals(Decision.AUTO, assess(noPayout).decision());
  }

  @Test
  void aSignalFromOutsideGoesToReview() {
    RiskFacts f = honest("NOT_RECEIVED");
    f =
        new RiskFacts(
            f.category(),
            true,
            f.amount(),
            false,
            false,
            0,
            0,
            QUIET,
            Set.of(),
            List.of("REFUND_RATIO"),
            NEW_BUYER);

    RiskAssessment a = assess(f);

    assertEquals(List.of("EXTERNAL_SIGNAL"), codes(a));
    assertTrue(a.reasons().get(0).text().contains("REFUND_RATIO"));
  }

  private static RiskFacts withBlocked(RiskFacts f, Set<SignalKind> blocked) {
    return new RiskFacts(
        f.category(),
        f.payout(),
        f.amount(),
        f.keyRevealed(),
        f.keyRedeemed(),
        f.otherClaimsOnKey(),
        f.otherBuyersOnKey(),
        f.velocity(),
        blocked,
        f.external(),
        f.credit());
  }
}
