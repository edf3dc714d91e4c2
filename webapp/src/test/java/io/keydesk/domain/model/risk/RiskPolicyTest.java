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

  /** An honest first claim, changed one fact at a time by the tests. */
  private static final class Claim {
    String category = "INVALID_KEY";
    boolean payout = true;
    BigDecimal amount = new BigDecimal("100.00");
    boolean revealed;
    boolean redeemed;
    long claimsOnKey;
    long otherBuyersOnKey;
    RiskFacts.Velocity velocity = QUIET;
    Set<SignalKind> blocked = Set.of();
    List<String> external = List.of();
    CreditHistory credit = new CreditHistory(1, 0, 0, 0);

    Claim category(String c) {
      category = c;
      return this;
    }

    RiskFacts facts() {
      return new RiskFacts(
          category,
          payout,
          amount,
          revealed,
          redeemed,
          claimsOnKey,
          otherBuyersOnKey,
          velocity,
          blocked,
          external,
          credit);
    }

    RiskAssessment assess() {
      return RiskPolicy.assess(facts(), RiskSettings.defaults());
    }

    List<String> codes() {
      return assess().reasons().stream().map(Reason::code).toList();
    }
  }

  @Test
  void anHonestFirstClaimIsAutomatic() {
    RiskAssessment a = new Claim().assess();

    assertEquals(Decision.AUTO, a.decision());
    assertEquals(List.of(), a.reasons());
    assertTrue(a.allowsAutomaticAction());
  }

  @Test
  void aBlockedContactIsBlockedWithAReason() {
    Claim c = new Claim();
    c.blocked = Set.of(SignalKind.BLOCKED_CONTACT);

    RiskAssessment a = c.assess();

    assertEquals(Decision.BLOCK, a.decision());
    assertEquals(List.of("BLOCKED_CONTACT"), c.codes());
    assertTrue(a.summary().contains("blocked"));
  }

  @Test
  void blockWinsOverReview() {
    Claim c = new Claim().category("WRONG_PURCHASE");
    c.revealed = true;
    c.blocked = Set.of(SignalKind.BLOCKED_IP);

    assertEquals(Decision.BLOCK, c.assess().decision());
    assertEquals(List.of("BLOCKED_IP", "CLAIM_AFTER_REVEAL"), c.codes());
  }

  @Test
  void aKeyClaimedByAnotherBuyerGoesToReview() {
    Claim c = new Claim();
    c.claimsOnKey = 1;
    c.otherBuyersOnKey = 1;

    RiskAssessment a = c.assess();

    assertEquals(Decision.REVIEW, a.decision());
    assertEquals(List.of("DUPLICATE_FINGERPRINT"), c.codes());
    assertTrue(a.reasons().get(0).text().contains("1 other buyer"));
  }

  @Test
  void aSecondClaimOnTheSameKeyBySameBuyerGoesToReview() {
    Claim c = new Claim().category("WRONG_PURCHASE");
    c.claimsOnKey = 2;

    assertEquals(List.of("DUPLICATE_FINGERPRINT"), c.codes());
  }

  @Test
  void anInvalidClaimAfterRedemptionGoesToReview() {
    Claim c = new Claim();
    c.revealed = true;
    c.redeemed = true;

    assertEquals(Decision.REVIEW, c.assess().decision());
    assertEquals(List.of("CLAIM_AFTER_REDEMPTION"), c.codes());
  }

  @Test
  void aRevealedKeyIsNormalForAnInvalidKeyButNotForARefund() {
    Claim invalid = new Claim();
    invalid.revealed = true;
    Claim refund = new Claim().category("WRONG_PURCHASE");
    refund.revealed = true;

    assertEquals(Decision.AUTO, invalid.assess().decision());
    assertEquals(List.of("CLAIM_AFTER_REVEAL"), refund.codes());
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
    Claim c = new Claim().category("NOT_RECEIVED");
    c.velocity = new RiskFacts.Velocity(contactDay, contactDay, ipDay, ipDay, deviceDay, deviceDay);

    assertEquals(expected, c.assess().decision());
    assertEquals(code.isEmpty() ? List.of() : List.of(code), c.codes());
  }

  @Test
  void monthlyThresholdsCountToo() {
    Claim c = new Claim().category("NOT_RECEIVED");
    c.velocity = new RiskFacts.Velocity(0, 8, 0, 20, 0, 8);

    assertEquals(
        List.of("VELOCITY_CONTACT_MONTH", "VELOCITY_IP_MONTH", "VELOCITY_DEVICE_MONTH"), c.codes());
  }

  @Test
  void thresholdsAreConfigurable() {
    Claim c = new Claim().category("NOT_RECEIVED");
    c.velocity = new RiskFacts.Velocity(1, 1, 0, 0, 0, 0);

    RiskAssessment strict =
        RiskPolicy.assess(c.facts(), new RiskSettings(Map.of(RiskSettings.CONTACT_DAY, 1)));

    assertEquals(
        List.of("VELOCITY_CONTACT_DAY"), strict.reasons().stream().map(Reason::code).toList());
  }

  @Test
  void poorCreditGoesToReview() {
    Claim c = new Claim();
    c.credit = new CreditHistory(4, 4, 2, 3);

    RiskAssessment a = c.assess();

    assertTrue(a.creditScore() < 40, "score " + a.creditScore());
    assertEquals(List.of("LOW_CREDIT"), c.codes());
  }

  @Test
  void largeAmountsAreNotPaidOutAutomatically() {
    Claim refund = new Claim().category("WRONG_PURCHASE");
    refund.amount = new BigDecimal("1000.01");
    Claim noPayout = new Claim().category("NOT_RECEIVED");
    noPayout.payout = false;
    noPayout.amount = new BigDecimal("5000");

    assertEquals(List.of("AMOUNT_OVER_LIMIT"), refund.codes());
    assertEquals(Decision.AUTO, noPayout.assess().decision());
  }

  @Test
  void aSignalFromOutsideGoesToReview() {
    Claim c = new Claim().category("NOT_RECEIVED");
    c.external = List.of("REFUND_RATIO");

    RiskAssessment a = c.assess();

    assertEquals(List.of("EXTERNAL_SIGNAL"), c.codes());
    assertTrue(a.reasons().get(0).text().contains("REFUND_RATIO"));
  }
}
