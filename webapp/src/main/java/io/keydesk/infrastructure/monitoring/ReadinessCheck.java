package io.keydesk.infrastructure.monitoring;

import io.keydesk.infrastructure.messaging.OutboxBatches;
import io.keydesk.infrastructure.notification.NotificationDelivery;
import io.keydesk.infrastructure.webhooks.WebhookDeliveries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the database answers. The outbox, notification and webhook backlogs are reported but
 * do not make the app unready: with Kafka, the mail server or the shop down requests still succeed
 * and events, notifications and webhooks wait.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {
  @Inject MonitoringQueries queries;
  @Inject OutboxBatches outbox;
  @Inject WebhookDeliveries webhooks;
  @Inject NotificationDelivery notifications;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder answer = HealthCheckResponse.named("keydesk");
    try {
      boolean db = queries.databaseAnswers();
      OutboxBatches.Backlog backlog = outbox.backlog();
      WebhookDeliveries.Backlog pendingWebhooks = webhooks.backlog();
      NotificationDelivery.Backlog waiting = notifications.backlog();
      return answer
          .status(db)
          .withData("database", db ? "UP" : "DOWN")
          .withData("outboxPending", backlog.pending())
          .withData("outboxOldestSeconds", backlog.oldestAge().toSeconds())
          .withData("webhooksPending", pendingWebhooks.pending())
          .withData("webhooksOldestSeconds", pendingWebhooks.oldestAge().toSeconds())
          .withData("notificationsPending", waiting.pending())
          .withData("notificationsOldestSeconds", waiting.oldestAge().toSeconds())
          .build();
    } catch (RuntimeException e) {
      return answer.down().withData("database", "DOWN: " + e.getClass().getSimpleName()).build();
    }
  }
}
