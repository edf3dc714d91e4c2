package io.keydesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.it.Api.Answer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
  void aBodyLargerThanTheApiNeedsIsRefusedBeforeItIsRead() {
    String big = "{\"text\":\"" + "a".repeat(300 * 1024) + "\"}";
    Answer declared = api.post("/api/v1/classify", big, Map.of());
    assertEquals(413, declared.status(), declared.body());
    assertTrue(
        declared.contentType().startsWith("application/problem+json"), declared.contentType());
    assertEquals("urn:keydesk:problem:payload-too-large", declared.json().getString("type"));

    Answer chunked =
        api.postChunked("/api/v1/buyer/sessions", big.getBytes(StandardCharsets.UTF_8), Map.of());
    assertEquals(413, chunked.status(), chunked.body());
    assertEquals("urn:keydesk:problem:payload-too-large", chunked.json().getString("type"));

    Answer small =
        api.post("/api/v1/classify", "{\"text\":\"code says already redeemed\"}", Map.of());
    assertEquals(200, small.status(), small.body());
    String shopSized = "{\"orderNo\":\"" + "x".repeat(1024 * 1024) + "\"}";
    Answer shop = api.signed("/api/v1/orders", shopSized);
    assertEquals(400, shop.status(), "a shop's order of a megabyte is read: " + shop.body());
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
          "/api/v1/ops/products/{sku}/resume",
          "/api/v1/stock",
          "/api/v1/buyer/sessions/magic",
          "/api/v1/buyer/preferences",
          "/api/v1/buyer/inbox",
          "/api/v1/tickets/{ticketNo}/attachments",
          "/api/v1/tickets/{ticketNo}/attachments/{id}",
          "/api/v1/tickets/{ticketNo}/handoff",
          "/api/v1/tickets/{ticketNo}/reopen",
          "/api/v1/tickets/{ticketNo}/solved",
          "/api/v1/tickets/{ticketNo}/rating",
          "/api/v1/classify",
          "/api/v1/ops/fraud-signals",
          "/api/v1/ops/metrics/products",
          "/api/v1/ops/metrics/funnel",
          "/api/v1/ops/audit/verify",
          "/api/v1/ops/canned-replies/{id}",
          "/api/v1/supplier/reports",
          "/api/v1/supplier/reports.csv",
          "/api/v1/supplier/reports.pdf"
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

  /**
   * What a client generator needs from every operation: a plain path template, the request body's
   * fields (not "a string"), the success answer's schema, and problem+json on every error answer.
   */
  @Test
  void everyOperationDescribesItsBodyItsAnswerAndItsProblems() {
    JsonObject doc = api.get("/openapi", Map.of("Accept", "application/json")).json();
    JsonObject schemas = doc.getJsonObject("components").getJsonObject("schemas");
    assertTrue(schemas.containsKey("Problem"), "Problem schema");
    List<String> defects = new ArrayList<>();
    for (var path : doc.getJsonObject("paths").entrySet()) {
      if (path.getKey().contains(":")) {
        defects.add(path.getKey() + ": not a plain path template");
      }
      for (var op : path.getValue().asJsonObject().entrySet()) {
        if (op.getKey().equals("parameters")) {
          continue;
        }
        String name = op.getKey().toUpperCase() + " " + path.getKey();
        JsonObject operation = op.getValue().asJsonObject();
        JsonObject body = operation.getJsonObject("requestBody");
        if (body != null && body.getJsonObject("content").containsKey("application/json")) {
          JsonObject schema =
              body.getJsonObject("content")
                  .getJsonObject("application/json")
                  .getJsonObject("schema");
          if (!fields(schema, schemas)) {
            defects.add(name + ": request body without fields " + schema);
          }
          boolean optional =
              name.endsWith("/handoff")
                  || name.endsWith("/solved")
                  || name.endsWith("/code")
                  || name.endsWith("/delivery");
          if (!optional && !body.getBoolean("required", false)) {
            defects.add(name + ": request body not marked required");
          }
        }
        JsonObject responses = operation.getJsonObject("responses");
        boolean success = false;
        boolean error = false;
        for (var r : responses.entrySet()) {
          String code = r.getKey();
          JsonObject content = r.getValue().asJsonObject().getJsonObject("content");
          if (code.equals("202") || code.equals("204")) {
            success = true;
          } else if (code.startsWith("2") || code.equals("default")) {
            success = true;
            boolean described =
                content != null
                    && content.values().stream()
                        .anyMatch(m -> m.asJsonObject().containsKey("schema"));
            if (!described) {
              defects.add(name + ": answer " + code + " without a schema");
            }
          } else if (code.startsWith("4") || code.startsWith("5")) {
            error |= code.startsWith("4");
            if (content == null
                || !content.containsKey("application/problem+json")
                || !content
                    .getJsonObject("application/problem+json")
                    .getJsonObject("schema")
                    .getString("$ref", "")
                    .endsWith("/Problem")) {
              defects.add(name + ": error " + code + " is not problem+json");
            }
          }
        }
        if (!success) {
          defects.add(name + ": no success answer");
        }
        if (!error) {
          defects.add(name + ": no error answer");
        }
      }
    }
    assertEquals(List.of(), defects);
    assertEquals("date-time", timeFormat(schemas, "ImportOrder", "paidAt"), "an instant");
    assertEquals("date-time", timeFormat(schemas, "TicketView", "createdAt"), "an instant");
    assertEquals("date", timeFormat(schemas, "Report", "from"), "a day");
  }

  private static String timeFormat(JsonObject schemas, String type, String field) {
    JsonObject property =
        schemas.getJsonObject(type).getJsonObject("properties").getJsonObject(field);
    if (property.containsKey("$ref")) {
      String ref = property.getString("$ref");
      property = schemas.getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
    }
    assertEquals("string", property.getString("type", ""), type + "." + field + " " + property);
    return property.getString("format", "");
  }

  private static boolean fields(JsonObject schema, JsonObject schemas) {
    if (schema.containsKey("$ref")) {
      String ref = schema.getString("$ref");
      JsonObject target = schemas.getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
      return target != null && fields(target, schemas);
    }
    JsonValue properties = schema.get("properties");
    return properties instanceof JsonObject p && !p.isEmpty();
  }

  @Test
  void pagesAndTheApiCarryAContentSecurityPolicyAndTheSessionCookieIsSameSite() {
    Answer page = api.get("/", Map.of());
    String pagePolicy = page.header("Content-Security-Policy");
    assertTrue(pagePolicy != null && pagePolicy.contains("frame-ancestors 'none'"), pagePolicy);
    assertTrue(pagePolicy.contains("object-src 'none'"), pagePolicy);
    assertTrue(pagePolicy.contains("form-action 'self'"), pagePolicy);
    String cookie = page.header("Set-Cookie");
    assertTrue(cookie != null && cookie.startsWith("JSESSIONID="), cookie);
    assertTrue(cookie.contains("HttpOnly"), cookie);
    assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);

    Answer answer = api.get("/api/v1/buyer/orders", Map.of());
    assertEquals(
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
        answer.header("Content-Security-Policy"));
    assertEquals(null, answer.header("Strict-Transport-Security"), "HSTS only over HTTPS");
  }

  @Test
  void theApiDoesNotDescribeItselfInWadl() throws Exception {
    HttpResponse<String> options =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/buyer/sessions"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    String type = options.headers().firstValue("Content-Type").orElse("");
    assertTrue(!type.contains("wadl") && !options.body().contains("<application"), type);
    Answer wadl = api.get("/api/v1/application.wadl", Map.of());
    assertEquals(404, wadl.status());
    assertTrue(wadl.contentType().startsWith("application/problem+json"), wadl.contentType());
  }

  @Test
  void aQueryParameterThatIsNotANumberIsABadRequestNamingIt() {
    String token = api.staffToken("agent", "agent-demo-pass");
    for (String query : new String[] {"size=abc", "page=99999999999", "page=1.5"}) {
      Answer a = api.get("/api/v1/ops/tickets?" + query, Api.bearer(token));
      assertEquals(400, a.status(), query + " " + a.body());
      assertEquals("urn:keydesk:problem:validation", a.json().getString("type"));
      assertEquals(
          query.substring(0, query.indexOf('=')),
          a.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }
    Answer tooFar = api.get("/api/v1/ops/tickets?page=100001", Api.bearer(token));
    assertEquals(400, tooFar.status());
    assertEquals(
        "must be between 0 and 100000",
        tooFar.json().getJsonArray("errors").getJsonObject(0).getString("message"));
  }

  @Test
  void aBodyOfTheWrongShapeIsMalformedJsonWithoutJavaNames() {
    Answer a =
        api.post("/api/v1/buyer/sessions", "[1,2]", Map.of("X-Forwarded-For", Api.uniqueIp()));
    assertEquals(400, a.status());
    assertEquals("urn:keydesk:problem:malformed-json", a.json().getString("type"));
    assertTrue(!a.json().getString("detail").contains("io.keydesk"), a.body());
  }
}
