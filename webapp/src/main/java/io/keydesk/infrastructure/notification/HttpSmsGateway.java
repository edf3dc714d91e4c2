package io.keydesk.infrastructure.notification;

import io.keydesk.domain.model.notification.Template;
import io.keydesk.domain.model.order.Contact;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An SMS provider's HTTP API: {@code POST} of {@code {"id", "to", "template", "text"}} as JSON to
 * {@code keydesk.sms.url}, with the API key in a header ({@code keydesk.sms.api-key-header},
 * default {@code X-Api-Key}) and the notification id as {@code Idempotency-Key}. 2xx is sent; 408,
 * 429 and 5xx are retried; any other answer refuses the message for good.
 */
public class HttpSmsGateway implements SmsGateway {
  /** Looked up once: {@code Json.create…} scans the class path for the provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private final URI url;
  private final String keyHeader;
  private final String apiKey;
  private final Duration timeout;
  private final HttpClient http;

  public HttpSmsGateway(URI url, String keyHeader, String apiKey, Duration timeout) {
    if (url == null || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
      throw new IllegalArgumentException("keydesk.sms.url must be an http(s) URL");
    }
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException(
          "keydesk.sms.api-key is required with keydesk.sms.gateway=http");
    }
    this.url = url;
    this.keyHeader = keyHeader;
    this.apiKey = apiKey;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  public void send(String eventId, Contact phone, Template template, String text)
      throws DeliveryException {
    String body =
        JSON.createObjectBuilder()
            .add("id", eventId)
            .add("to", phone.value())
            .add("template", template.name())
            .add("text", text)
            .build()
            .toString();
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", "application/json; charset=utf-8")
            .header(keyHeader, apiKey)
            .header("Idempotency-Key", eventId)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    int status;
    try {
      status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw DeliveryException.retry("SMS gateway unreachable: " + MailSender.reason(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DeliveryException.retry("interrupted", e);
    }
    if (status >= 200 && status < 300) {
      return;
    }
    if (status == 408 || status == 429 || status >= 500) {
      throw DeliveryException.retry("SMS gateway answered " + status, null);
    }
    throw DeliveryException.refused("SMS gateway refused the message: " + status);
  }

  @Override
  public String describe() {
    return "SMS: HTTP gateway " + url.getScheme() + "://" + url.getAuthority() + url.getPath();
  }
}
