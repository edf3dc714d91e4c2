package io.keydesk.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/** The one clock of the application: UTC, in milliseconds (what the database keeps). */
@ApplicationScoped
public class ClockProducer {
  @Produces
  Clock clock() {
    return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
  }
}
