package io.keydesk.infrastructure.monitoring;

import io.keydesk.domain.model.ticket.TicketStatus;
import io.keydesk.infrastructure.messaging.OutboxBatches;
import io.keydesk.infrastructure.webhooks.WebhookDeliveries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Application metrics in the MicroProfile registry (Prometheus text at {@code /metrics}): request
 * timings per route and status, tickets per state, the outbox backlog and lag, the shop webhooks
 * waiting for acknowledgement, and key checks with suppliers. Database-backed gauges are cached for
 * five seconds so that scrapes stay cheap.
 */
@ApplicationScoped
public class KeydeskMetrics {
  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  @Inject MonitoringQueries queries;
  @Inject OutboxBatches outbox;
  @Inject WebhookDeliveries webhooks;

  private final Cached<Map<TicketStatus, Long>> tickets = new Cached<>();
  private final Cached<OutboxBatches.Backlog> backlog = new Cached<>();
  private final Cached<WebhookDeliveries.Backlog> webhookBacklog = new Cached<>();

  void register(@Observes @Initialized(ApplicationScoped.class) Object start) {
    for (TicketStatus status : TicketStatus.values()) {
      registry.gauge(
          Metadata.builder()
              .withName("keydesk_tickets")
              .withDescription("Tickets by state")
              .build(),
          this,
          m -> m.tickets.get(queries::ticketsByStatus).get(status),
          new Tag("status", status.name()));
    }
    registry.gauge(
        Metadata.builder()
            .withName("keydesk_outbox_pending")
            .withDescription("Events waiting in the outbox")
            .build(),
        this,
        m -> m.backlog.get(outbox::backlog).pending());
    registry.gauge(
        Metadata.builder()
            .withName("keydesk_outbox_lag_seconds")
            .withDescription("Age of the oldest unpublished event")
            .build(),
        this,
        m -> m.backlog.get(outbox::backlog).oldestAge().toMillis() / 1000.0);
    registry.gauge(
        Metadata.builder()
            .withName("keydesk_webhooks_pending")
            .withDescription("Shop webhooks not yet acknowledged")
            .build(),
        this,
        m -> m.webhookBacklog.get(webhooks::backlog).pending());
    registry.gauge(
        Metadata.builder()
            .withName("keydesk_webhooks_oldest_seconds")
            .withDescription("Age of the oldest unacknowledged shop webhook")
            .build(),
        this,
        m -> m.webhookBacklog.get(webhooks::backlog).oldestAge().toMillis() / 1000.0);
  }

  /** Records one key check with a supplier and its outcome. */
  public void supplierCheckDone(String supplier, String outcome, Duration took) {
    registry
        .timer(
            Metadata.builder()
                .withName("keydesk_supplier_checks")
                .withDescription("Key checks with suppliers by supplier and outcome")
                .build(),
            new Tag("supplier", supplier),
            new Tag("outcome", outcome))
        .update(took);
  }

  /** Records one answered request. */
  public void requestDone(String method, String route, int status, Duration took) {
    Timer timer =
        registry.timer(
            Metadata.builder()
                .withName("keydesk_http_requests")
                .withDescription("API requests by method, route and status")
                .build(),
            new Tag("method", method),
            new Tag("route", route),
            new Tag("status", Integer.toString(status)));
    timer.update(took);
  }

  /** A value recomputed at most every five seconds. */
  static final class Cached<T> {
    private T value;
    private Instant at = Instant.EPOCH;

    synchronized T get(Supplier<T> load) {
      Instant now = Instant.now();
      if (value == null || Duration.between(at, now).toSeconds() >= 5) {
        value = load.get();
        at = now;
      }
      return value;
    }
  }
}
