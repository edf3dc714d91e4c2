package io.keydesk.domain.model.risk;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules of the risk engine (docs/risk.md), as a pure function of the facts and the thresholds.
 * A block list entry blocks; every other signal sends the claim to a human; no signal allows the
 * automatic action.
 */
public final class RiskPolicy {
  private RiskPolicy() {}

  public static RiskAssessment assess(RiskFacts f, RiskSettings s) {
    List<Reason> reasons = new ArrayList<>();
    for (SignalKind kind :
        List.of(SignalKind.BLOCKED_CONTACT, SignalKind.BLOCKED_IP, SignalKind.BLOCKED_DEVICE)) {
      if (f.blocked().contains(kind)) {
        reasons.add(
            new Reason(
                kind.name(),
                Decision.BLOCK,
                switch (kind) {
                  case BLOCKED_CONTACT -> "claims from this contact are blocked";
                  case BLOCKED_IP -> "claims from this network address are blocked";
                  default -> "claims from this device are blocked";
                }));
      }
    }
    if (f.otherBuyersOnKey() > 0) {
      review(
          reasons,
          SignalKind.DUPLICATE_FINGERPRINT,
          "the same key was already claimed by " + plural(f.otherBuyersOnKey(), "other buyer"));
    } else if (f.otherClaimsOnKey() > 0) {
      review(
          reasons,
          SignalKind.DUPLICATE_FINGERPRINT,
          "the same key already has " + plural(f.otherClaimsOnKey(), "earlier claim"));
    }
    if (f.keyRedeemed() && f.payout()) {
      review(
          reasons,
          SignalKind.CLAIM_AFTER_REDEMPTION,
          "the supplier reported the key redeemed before this claim");
    }
    if (f.keyRevealed() && "WRONG_PURCHASE".equals(f.category())) {
      review(
          reasons,
          SignalKind.CLAIM_AFTER_REVEAL,
          "the key was revealed to the buyer before the refund was asked for");
    }
    velocity(
        reasons,
        SignalKind.VELOCITY_CONTACT_DAY,
        f.velocity().contactDay(),
        s.get(RiskSettings.CONTACT_DAY),
        "from this contact in the last 24 hours");
    velocity(
        reasons,
        SignalKind.VELOCITY_CONTACT_MONTH,
        f.velocity().contactMonth(),
        s.get(RiskSettings.CONTACT_MONTH),
        "from this contact in the last 30 days");
    velocity(
        reasons,
        SignalKind.VELOCITY_IP_DAY,
        f.velocity().ipDay(),
        s.get(RiskSettings.IP_DAY),
        "from this network address in the last 24 hours");
    velocity(
        reasons,
        SignalKind.VELOCITY_IP_MONTH,
        f.velocity().ipMonth(),
        s.get(RiskSettings.IP_MONTH),
        "from this network address in the last 30 days");
    velocity(
        reasons,
        SignalKind.VELOCITY_DEVICE_DAY,
        f.velocity().deviceDay(),
        s.get(RiskSettings.DEVICE_DAY),
        "from this device in the last 24 hours");
    velocity(
        reasons,
        SignalKind.VELOCITY_DEVICE_MONTH,
        f.velocity().deviceMonth(),
        s.get(RiskSettings.DEVICE_MONTH),
        "from this device in the last 30 days");
    int credit = f.credit().score();
    if (credit < s.get(RiskSettings.CREDIT_REVIEW_BELOW)) {
      review(
          reasons,
          SignalKind.LOW_CREDIT,
          "the buyer's credit score is "
              + credit
              + " (below "
              + s.get(RiskSettings.CREDIT_REVIEW_BELOW)
              + ")");
    }
    if (f.payout()
        && f.amount() != null
        && f.amount().compareTo(java.math.BigDecimal.valueOf(s.get(RiskSettings.AUTO_MAX_AMOUNT)))
            > 0) {
      review(
          reasons,
          SignalKind.AMOUNT_OVER_LIMIT,
          "the order amount is over the limit for automatic payouts ("
              + s.get(RiskSettings.AUTO_MAX_AMOUNT)
              + ")");
    }
    if (!f.external().isEmpty()) {
      review(
          reasons,
          SignalKind.EXTERNAL_SIGNAL,
          "flagged by fraud monitoring: " + String.join(", ", f.external()));
    }
    Decision decision = Decision.AUTO;
    for (Reason r : reasons) {
      decision = decision.and(r.decision());
    }
    return new RiskAssessment(decision, reasons, credit);
  }

  private static void velocity(
      List<Reason> reasons, SignalKind kind, long earlier, int threshold, String where) {
    if (earlier >= 0 && earlier >= threshold) {
      review(
          reasons,
          kind,
          "more than "
              + plural(threshold, "claim")
              + " "
              + where
              + " (this is claim "
              + (earlier + 1)
              + ")");
    }
  }

  private static void review(List<Reason> reasons, SignalKind kind, String text) {
    reasons.add(new Reason(kind.name(), Decision.REVIEW, text));
  }

  private static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
