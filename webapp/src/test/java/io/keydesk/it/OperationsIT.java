package io.keydesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.it.Api.Answer;
import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Health, metrics and the OpenAPI document, as the platform and integrators read them. */
class OperationsIT extends ApiIT {
  @Test
  void healthReportsTheDatabaseAndTheOutboxBacklog() {
    assertEquals(200, api.get("/health/live", Map.of()).status());
    Answer ready = api.get("/health/ready", Map.of());
    assertEquals(200, ready.status(), ready.body());
    JsonObject data = ready.json().getJsonArray("checks").getJsonObject(0).getJsonObject("data");
    assertEquals("UP", data.getString("database"));
    assertTrue(data.containsKey("outboxPending"));
    assertTrue(data.containsKey("outboxOldestSeconds"));
  }

  @Test
  void metricsArePrometheusTextWithRequestsTicketsAndOutboxLag() {
    api.get("/api/v1/buyer/orders", Map.of());
    Answer metrics = api.get("/metrics", Map.of("Accept", "text/plain"));
    assertEquals(200, metrics.status());
    String text = metrics.body();
    assertTrue(text.contains("keydesk_tickets{"), "tickets by state");
    assertTrue(text.contains("status=\"IN_REVIEW\""));
    assertTrue(text.contains("keydesk_outbox_pending"));
    assertTrue(text.contains("keydesk_outbox_lag_seconds"));
    assertTrue(text.contains("keydesk_http_requests"), "request timings");
    assertTrue(text.contains("route=\"/buyer/orders\""), "by route template");
  }

  @Test
  void theOpenApiDocumentListsTheContract() {
    Answer doc = api.get("/openapi", Map.of("Accept", "application/json"));
    assertEquals(200, doc.status());
    JsonObject paths = doc.json().getJsonObject("paths");
    for (String path :
        new String[] {
          "/api/v1/orders",
          "/api/v1/card-keys/status",
          "/api/v1/buyer/sessions",
          "/api/v1/buyer/orders",
          "/api/v1/buyer/tickets",
          "/api/v1/tickets",
          "/api/v1/tickets/{ticketNo}",
          "/api/v1/tickets/{ticketNo}/messages",
          "/api/v1/ops/tokens",
          "/api/v1/ops/tickets",
          "/api/v1/ops/tickets/{ticketNo}/actions",
          "/api/v1/ops/supplier-checks",
          "/api/v1/ops/products/{sku}/pause",
          "/api/v1/ops/products/{sku}/resume"
        }) {
      assertTrue(paths.containsKey(path), path + " missing from /openapi");
    }
  }

  @Test
  void answersCarrySecurityHeadersAndPersonalDataIsNotCached() {
    for (String path : new String[] {"/", "/console/login.xhtml", "/api/v1/buyer/orders"}) {
      Answer a = api.get(path, Map.of());
      assertEquals("nosniff", a.header("X-Content-Type-Options"), path);
      assertEquals("DENY", a.header("X-Frame-Options"), path);
      assertEquals("no-store", a.header("Cache-Control"), path);
    }
  }

  @Test
  void unknownPathsAndMethodsAnswerProblemJson() {
    Answer unknown = api.get("/api/v1/no-such-thing", Map.of());
    assertEquals(404, unknown.status());
    assertTrue(unknown.contentType().startsWith("application/problem+json"), unknown.contentType());
    Answer method = api.get("/api/v1/orders", Map.of());
    assertEquals(405, method.status());
    assertTrue(method.contentType().startsWith("application/problem+json"));
  }
}
