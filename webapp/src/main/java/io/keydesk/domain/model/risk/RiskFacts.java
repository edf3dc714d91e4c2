package io.keydesk.domain.model.risk;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * Everything the engine knows about one claim, gathered before it decides. Counts are of earlier
 * claims (this one excluded); a count is -1 when the claim carries no IP address or device id.
 *
 * @param payout whether the automatic path of the category would pay out (a refund, a new key)
 * @param otherClaimsOnKey earlier tickets on the same key fingerprint, from any order
 * @param otherBuyersOnKey other contacts among them
 * @param external kinds of live signals from outside (the streams job, staff) on this contact, IP
 *     or device
 */
public record RiskFacts(
    String category,
    boolean payout,
    BigDecimal amount,
    boolean keyRevealed,
    boolean keyRedeemed,
    long otherClaimsOnKey,
    long otherBuyersOnKey,
    Velocity velocity,
    Set<SignalKind> blocked,
    List<String> external,
    CreditHistory credit) {
  public RiskFacts {
    blocked = Set.copyOf(blocked);
    external = List.copyOf(external);
  }

  /** Earlier claims per contact, IP and device, per day and per 30 days. */
  public record Velocity(
      long contactDay,
      long contactMonth,
      long ipDay,
      long ipMonth,
      long deviceDay,
      long deviceMonth) {}
}
