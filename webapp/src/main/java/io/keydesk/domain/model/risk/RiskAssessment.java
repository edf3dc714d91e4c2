package io.keydesk.domain.model.risk;

import java.util.List;

/** The engine's answer for one claim: the decision, every reason behind it and the credit score. */
public record RiskAssessment(Decision decision, List<Reason> reasons, int creditScore) {
  public RiskAssessment {
    reasons = List.copyOf(reasons);
  }

  public boolean allowsAutomaticAction() {
    return decision == Decision.AUTO;
  }

  /** The reasons as one line for a timeline or a log: "code: text; code: text". */
  public String summary() {
    if (reasons.isEmpty()) {
      return "no risk signal";
    }
    StringBuilder s = new StringBuilder();
    for (Reason r : reasons) {
      if (!s.isEmpty()) {
        s.append("; ");
      }
      s.append(r.text());
    }
    return s.toString();
  }
}
