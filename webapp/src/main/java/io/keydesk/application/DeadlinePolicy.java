package io.keydesk.application;

import io.keydesk.domain.model.ticket.Deadline;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The configured share of a target's time after which a ticket is flagged at risk ({@code
 * keydesk.deadlines.at-risk-share}, default 0.8).
 */
@ApplicationScoped
public class DeadlinePolicy {
  @Inject
  @ConfigProperty(name = "keydesk.deadlines.at-risk-share", defaultValue = "0.8")
  double atRiskShare;

  @PostConstruct
  void check() {
    Deadline.checkShare(atRiskShare);
  }

  public double atRiskShare() {
    return atRiskShare;
  }
}
