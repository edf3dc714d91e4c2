/**
 * The risk engine's rules: what is known about a claim ({@link
 * io.keydesk.domain.model.risk.RiskFacts}), the thresholds ({@link
 * io.keydesk.domain.model.risk.RiskSettings}), the decision with its reasons ({@link
 * io.keydesk.domain.model.risk.RiskPolicy}), block lists and the fraud signals the engine and the
 * streams job record.
 */
package io.keydesk.domain.model.risk;
