package io.keydesk.infrastructure.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.keydesk.domain.model.notification.Template;
import io.keydesk.domain.model.order.Contact;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP SMS adapter against a real HTTP server on the loopback interface. */
class HttpSmsGatewayTest {
  private static final Contact PHONE = new Contact("13800138000");

  private HttpServer server;
  private final AtomicInteger answer = new AtomicInteger(202);
  private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/sms",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(
              Map.of(
                  "method", exchange.getRequestMethod(),
                  "apiKey", String.valueOf(exchange.getRequestHeaders().getFirst("X-Sms-Key")),
                  "idempotency",
                      String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key")),
                  "contentType",
                      String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")),
                  "body", body));
          exchange.sendResponseHeaders(answer.get(), -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private HttpSmsGateway gateway() {
    return new HttpSmsGateway(
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms"),
        "X-Sms-Key",
        "sms-api-key",
        Duration.ofSeconds(5));
  }

  @Test
  void postsTheMessageAsJsonWithTheApiKey() throws DeliveryException {
    gateway().send("event-1", PHONE, Template.ONE_TIME_CODE, "验证码 493021");

    assertEquals(1, received.size());
    Map<String, String> request = received.get(0);
    assertEquals("POST", request.get("method"));
    assertEquals("sms-api-key", request.get("apiKey"));
    assertEquals("event-1", request.get("idempotency"));
    assertTrue(request.get("contentType").startsWith("application/json"));
    JsonObject body = Json.createReader(new StringReader(request.get("body"))).readObject();
    assertEquals("13800138000", body.getString("to"));
    assertEquals("验证码 493021", body.getString("text"));
    assertEquals("ONE_TIME_CODE", body.getString("template"));
    assertEquals("event-1", body.getString("id"));
  }

  @Test
  void overloadAndServerErrorsAreRetriedOtherRefusalsAreFinal() {
    for (int status : new int[] {429, 500, 503, 408}) {
      answer.set(status);
      DeliveryException e =
          assertThrows(
              DeliveryException.class,
              () -> gateway().send("e", PHONE, Template.TICKET_UPDATED, "x"));
      assertFalse(e.permanent(), status + " is retried");
    }
    answer.set(400);
    DeliveryException refused =
        assertThrows(
            DeliveryException.class,
            () -> gateway().send("e", PHONE, Template.TICKET_UPDATED, "x"));
    assertTrue(refused.permanent());
  }

  @Test
  void anUnreachableGatewayIsRetried() {
    HttpSmsGateway gateway = gateway();
    server.stop(0);
    DeliveryException e =
        assertThrows(
            DeliveryException.class, () -> gateway.send("e", PHONE, Template.TICKET_UPDATED, "x"));
    assertFalse(e.permanent());
    assertFalse(e.getMessage().contains("13800138000"), e.getMessage());
  }

  @Test
  void settingsAreCheckedAtStart() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new HttpSmsGateway(URI.create("ftp://x/"), "K", "key", Duration.ofSeconds(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new HttpSmsGateway(URI.create("https://x/"), "K", " ", Duration.ofSeconds(1)));
  }
}
