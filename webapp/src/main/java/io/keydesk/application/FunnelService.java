package io.keydesk.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;

/**
 * Records the steps of the after-sales flow on the funnel topic (through the outbox), for the
 * abandonment funnel the streams job computes. "Solved by a help answer" is recorded by the
 * knowledge base itself.
 */
@ApplicationScoped
public class FunnelService {
  @Inject DomainEvents events;
  @Inject Clock clock;

  @Transactional
  public void record(@NotNull @Valid FunnelStep step) {
    events.funnelStep(step, clock.instant());
  }
}
