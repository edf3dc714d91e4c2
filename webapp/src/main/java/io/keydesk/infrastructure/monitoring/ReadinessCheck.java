package io.keydesk.infrastructure.monitoring;

import io.keydesk.infrastructure.messaging.OutboxBatches;
import io.keydesk.infrastructure.webhooks.WebhookDeliveries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the database answers. The outbox backlog is reported but does not make the app
 * unready: with Kafka down requests still succeed and events wait. Likewise shop webhooks waiting
 * for the shop to acknowledge them are reported, never a reason to be unready.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {
  @Inject MonitoringQueries queries;
  @Inject OutboxBatches outbox;
  @Inject WebhookDeliveries webhooks;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder answer = HealthCheckResponse.named("keydesk");
    try {
      boolean db = queries.databaseAnswers();
      OutboxBatches.Backlog backlog = outbox.backlog();
      WebhookDeliveries.Backlog pendingWebhooks = webhooks.backlog();
      return answer
          .status(db)
          .withData("database", db ? "UP" : "DOWN")
          .withData("outboxPending", backlog.pending())
          .withData("outboxOldestSeconds", backlog.oldestAge().toSeconds())
          .withData("webhooksPending", pendingWebhooks.pending())
          .withData("webhooksOldestSeconds", pendingWebhooks.oldestAge().toSeconds())
          .build();
    } catch (RuntimeException e) {
      return answer.down().withData("database", "DOWN: " + e.getClass().getSimpleName()).build();
    }
  }
}
