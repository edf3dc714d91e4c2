package io.keydesk.infrastructure.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Picks the SMS gateway named by {@code keydesk.sms.gateway} ({@code log} or {@code http}). */
@ApplicationScoped
public class SmsGatewayProducer {
  @Inject
  @ConfigProperty(name = "keydesk.sms.gateway", defaultValue = "log")
  String gateway;

  @Inject
  @ConfigProperty(name = "keydesk.sms.url")
  Optional<String> url;

  @Inject
  @ConfigProperty(name = "keydesk.sms.api-key")
  Optional<String> apiKey;

  @Inject
  @ConfigProperty(name = "keydesk.sms.api-key-header", defaultValue = "X-Api-Key")
  String apiKeyHeader;

  @Inject
  @ConfigProperty(name = "keydesk.sms.timeout-ms", defaultValue = "10000")
  long timeoutMs;

  @Produces
  @ApplicationScoped
  SmsGateway gateway() {
    return switch (gateway.strip().toLowerCase(Locale.ROOT)) {
      case "log" -> new LogSmsGateway();
      case "http" ->
          new HttpSmsGateway(
              URI.create(
                  url.orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "keydesk.sms.url is required with keydesk.sms.gateway=http"))),
              apiKeyHeader,
              apiKey.orElse(null),
              Duration.ofMillis(timeoutMs));
      default ->
          throw new IllegalArgumentException(
              "keydesk.sms.gateway must be log or http, but is \"" + gateway + "\"");
    };
  }
}
