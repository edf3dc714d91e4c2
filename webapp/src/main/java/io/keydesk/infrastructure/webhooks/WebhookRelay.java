package io.keydesk.infrastructure.webhooks;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends queued webhooks to the shop ({@code keydesk.shop.webhook-url}) until each is acknowledged
 * with a 2xx: a failed attempt (another status, a timeout, no connection) is retried after {@code
 * keydesk.shop.webhook-backoff-initial-ms} (5 s), doubling up to {@code
 * keydesk.shop.webhook-backoff-max-ms} (10 min), forever. Several instances share the work without
 * sending a webhook twice at the same time (see {@link WebhookDeliveries}).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class WebhookRelay {
  private static final Logger LOG = Logger.getLogger(WebhookRelay.class.getName());
  static final int BATCH = 20;

  @Resource private ManagedScheduledExecutorService scheduler;
  @Inject WebhookDeliveries deliveries;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "keydesk.shop.webhook-url")
  Optional<String> url;

  @Inject
  @ConfigProperty(name = "keydesk.shop.secret")
  Optional<String> secret;

  @Inject
  @ConfigProperty(name = "keydesk.shop.webhook-timeout-ms", defaultValue = "10000")
  long timeoutMs;

  @Inject
  @ConfigProperty(name = "keydesk.shop.webhook-poll-ms", defaultValue = "1000")
  long pollMs;

  @Inject
  @ConfigProperty(name = "keydesk.shop.webhook-backoff-initial-ms", defaultValue = "5000")
  long backoffInitialMs;

  @Inject
  @ConfigProperty(name = "keydesk.shop.webhook-backoff-max-ms", defaultValue = "600000")
  long backoffMaxMs;

  @Inject
  @ConfigProperty(name = "keydesk.shop.webhook-retention-hours", defaultValue = "168")
  long retentionHours;

  private ScheduledFuture<?> task;
  private HttpClient http;
  private WebhookBackoff backoff;
  private URI target;
  private volatile Instant nextPurge = Instant.EPOCH;
  private volatile boolean databaseFailing;

  @PostConstruct
  void start() {
    backoff =
        new WebhookBackoff(
            Duration.ofMillis(backoffInitialMs),
            Duration.ofMillis(Math.max(backoffInitialMs, backoffMaxMs)));
    Optional<String> configured = url.filter(u -> !u.isBlank());
    if (configured.isEmpty() || secret.filter(s -> !s.isBlank()).isEmpty()) {
      LOG.warning(
          "Shop webhooks are not sent: keydesk.shop.webhook-url or keydesk.shop.secret is not set;"
              + " they wait in webhook_delivery");
      return;
    }
    target = URI.create(configured.get().strip());
    http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofMillis(timeoutMs))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    LOG.info(() -> "Shop webhooks go to " + target);
    task =
        scheduler.scheduleWithFixedDelay(
            this::drain, Math.min(2000, pollMs), pollMs, TimeUnit.MILLISECONDS);
  }

  void drain() {
    try {
      List<WebhookDeliveries.Due> due;
      do {
        Instant now = clock.instant();
        // The lease outlasts sending the whole batch one by one, each bounded by the timeout.
        Duration lease = Duration.ofMillis(timeoutMs * (BATCH + 1) + 30_000);
        due = deliveries.claim(BATCH, now, lease);
        for (WebhookDeliveries.Due d : due) {
          send(d);
        }
      } while (due.size() == BATCH);
      if (databaseFailing) {
        databaseFailing = false;
        LOG.info("Webhook relay: database reachable again");
      }
      purgeOccasionally();
    } catch (RuntimeException e) {
      if (!databaseFailing) {
        LOG.log(Level.WARNING, "Webhook relay could not read the queue; retrying", e);
      }
      databaseFailing = true;
    }
  }

  private void send(WebhookDeliveries.Due d) {
    WebhookMessage message =
        WebhookMessage.of(
            d.eventId(),
            d.type(),
            d.createdAt(),
            d.payload(),
            secret.orElseThrow(),
            clock.instant().getEpochSecond());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target)
            .timeout(Duration.ofMillis(timeoutMs))
            .header("User-Agent", "Keydesk-Webhooks/1")
            .POST(HttpRequest.BodyPublishers.ofString(message.body(), StandardCharsets.UTF_8));
    message.headers().forEach(request::header);
    Integer status = null;
    String error;
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      status = response.statusCode();
      if (status >= 200 && status < 300) {
        deliveries.delivered(d.id(), status, clock.instant());
        LOG.fine(() -> "Webhook " + d.type() + " " + d.eventId() + " acknowledged");
        return;
      }
      error = "HTTP " + status + ": " + shorten(response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "interrupted";
    } catch (java.io.IOException | RuntimeException e) {
      error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
    int failed = d.attempts() + 1;
    Duration pause = backoff.after(failed);
    deliveries.failed(d.id(), status, error, clock.instant().plus(pause));
    LOG.log(
        failed == 1 || failed % 10 == 0 ? Level.WARNING : Level.FINE,
        "Webhook {0} {1} not acknowledged (attempt {2}: {3}); retry in {4} ms",
        new Object[] {d.type(), d.eventId(), failed, error, pause.toMillis()});
  }

  private void purgeOccasionally() {
    Instant now = clock.instant();
    if (now.isAfter(nextPurge)) {
      nextPurge = now.plus(Duration.ofMinutes(10));
      deliveries.purgeDeliveredBefore(now.minus(Duration.ofHours(retentionHours)));
    }
  }

  private static String shorten(String s) {
    if (s == null) {
      return "";
    }
    String flat = s.replaceAll("\\s+", " ").strip();
    return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
