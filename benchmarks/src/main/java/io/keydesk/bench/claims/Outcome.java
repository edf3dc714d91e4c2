package io.keydesk.bench.claims;

import io.keydesk.bench.claims.Plan.Case;
import java.util.List;
import java.util.Set;

/**
 * What became of one case, as the API answered it.
 *
 * @param deflected the buyer said a help answer solved it; no ticket was filed
 * @param decision the risk engine's decision on the ticket ({@code AUTO}, {@code REVIEW}, {@code
 *     BLOCK}); null without a ticket
 * @param reasons the codes of the engine's reasons
 * @param reviewNote why the case went to an agent, as the ticket's timeline says it
 * @param revealedBefore whether the key shown before the claim was shown (null: none asked)
 * @param revealedAfter whether the key shown after the claim was shown (null: none asked)
 * @param solvedByBuyer the buyer followed the guidance in the answer and said the problem was
 *     solved before any agent acted
 * @param error what went wrong when the API answered something unexpected; null otherwise
 */
record Outcome(
    Case plan,
    boolean deflected,
    String ticketNo,
    String decision,
    List<String> reasons,
    String status,
    String resolution,
    String autoAction,
    String reviewNote,
    Boolean revealedBefore,
    Boolean revealedAfter,
    boolean solvedByBuyer,
    String error) {

  /** Automatic actions that hand the buyer money or a key they did not have before. */
  static final Set<String> PAYOUTS =
      Set.of(
          "REFUNDED",
          "REPLACED",
          "REFUNDED_DEFECTIVE",
          "REFUNDED_DUPLICATE",
          "DELIVERED_FROM_STOCK",
          "REFUNDED_OUT_OF_STOCK");

  Outcome {
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }

  static Outcome failed(Case c, String error) {
    return new Outcome(
        c, false, null, null, List.of(), null, null, null, null, null, null, false, error);
  }

  boolean ticket() {
    return ticketNo != null;
  }

  /**
   * Resolved without a human: a help answer, an automatic action, or the automatic path's guidance
   * that the buyer said solved the problem before an agent acted.
   */
  boolean selfResolved() {
    return deflected || solvedByBuyer || (autoAction != null && "RESOLVED".equals(status));
  }

  boolean payout() {
    return autoAction != null && PAYOUTS.contains(autoAction);
  }

  /** The risk engine did not allow the automatic path (REVIEW or BLOCK). */
  boolean engineStopped() {
    return ticket() && !"AUTO".equals(decision);
  }

  boolean blocked() {
    return "BLOCK".equals(decision);
  }

  /** The engine allowed it, but the category's path handed it to an agent. */
  boolean agentByPath() {
    return ticket() && "AUTO".equals(decision) && "IN_REVIEW".equals(status);
  }
}
