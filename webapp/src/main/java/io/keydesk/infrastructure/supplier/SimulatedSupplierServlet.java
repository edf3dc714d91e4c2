package io.keydesk.infrastructure.supplier;

import io.keydesk.application.AccessTokens.StaffIdentity;
import io.keydesk.application.SupplierVerification.KeyCheck;
import io.keydesk.application.SupplierVerification.Verdict.Outcome;
import io.keydesk.domain.model.staff.Role;
import io.keydesk.infrastructure.crypto.RequestSignatures;
import io.keydesk.infrastructure.security.KeydeskAuthenticationMechanism;
import io.keydesk.infrastructure.supplier.SimulatedSupplierRules.Answer;
import io.keydesk.infrastructure.supplier.SimulatedSupplierRules.Rules;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A supplier for local runs and tests, inside the webapp, speaking exactly the protocol of {@link
 * HttpSupplierVerification} so that the adapter's real HTTP path is exercised. Only present when
 * {@code keydesk.supplier.simulated=true} (otherwise every path answers 404).
 *
 * <ul>
 *   <li>{@code POST /simulated-supplier/verify}: a signed check ({@code keydesk.supplier.secret});
 *       the answer follows {@link SimulatedSupplierRules}: VALID, DEFECTIVE, REDEEMED as 200, SLOW
 *       as VALID after the adapter's timeout plus 2 s, DOWN as 503.
 *   <li>{@code GET|PUT /simulated-supplier/rules}: read or replace the rules; staff bearer token of
 *       an ADMIN only.
 * </ul>
 */
@WebServlet(urlPatterns = "/simulated-supplier/*")
public class SimulatedSupplierServlet extends HttpServlet {
  /** Looked up once: {@code Json.create…} scans the class path for the provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(SimulatedSupplierServlet.class.getName());
  private static final int MAX_BODY = 256 * 1024;

  @Inject SimulatedSupplierRules rules;
  @Inject SupplierEndpoints endpoints;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "keydesk.supplier.simulated", defaultValue = "false")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "keydesk.supplier.secret")
  Optional<String> secret;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getPathInfo() == null ? "" : request.getPathInfo();
    if (!enabled) {
      problem(response, 404, "not-found", "Not found", "the simulated supplier is switched off");
      return;
    }
    switch (request.getMethod() + " " + path) {
      case "POST /verify" -> verify(request, response);
      case "GET /rules" -> {
        if (isAdmin(request, response)) {
          json(response, 200, toJson(rules.current()));
        }
      }
      case "PUT /rules" -> {
        if (isAdmin(request, response)) {
          replaceRules(request, response);
        }
      }
      default -> {
        if (path.equals("/verify") || path.equals("/rules")) {
          problem(response, 405, "method-not-allowed", "Method not allowed", request.getMethod());
        } else {
          problem(response, 404, "not-found", "Not found", "no such simulated supplier resource");
        }
      }
    }
  }

  private void verify(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String body = body(request);
    String refused =
        secret.isEmpty()
            ? "keydesk.supplier.secret is not set"
            : RequestSignatures.problem(
                secret.get(),
                request.getHeader(RequestSignatures.TIMESTAMP),
                request.getHeader(RequestSignatures.SIGNATURE),
                body,
                clock.instant());
    if (refused != null) {
      problem(response, 401, "bad-signature", "Signature check failed", refused);
      return;
    }
    Optional<KeyCheck> check = SupplierProtocol.parseRequest(body);
    if (check.isEmpty()) {
      problem(
          response,
          400,
          "validation",
          "Invalid request",
          "supplierCode, productSku, fingerprint and code are required strings");
      return;
    }
    Answer answer = rules.answerFor(check.get());
    LOG.info(() -> "Simulated supplier: " + check.get() + " -> " + answer);
    switch (answer) {
      case DOWN -> problem(response, 503, "unavailable", "Unavailable", "simulated outage");
      case SLOW -> {
        try {
          Thread.sleep(endpoints.timeout().toMillis() + 2000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        answer(response, Outcome.VALID, "the key is valid (answered slowly)");
      }
      case VALID -> answer(response, Outcome.VALID, "the key is valid and unused");
      case DEFECTIVE -> answer(response, Outcome.DEFECTIVE, "the key is defective");
      case REDEEMED -> answer(response, Outcome.REDEEMED, "the key was already redeemed");
    }
  }

  private void replaceRules(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    JsonObject json;
    try (JsonReader reader = JSON.createReader(new StringReader(body(request)))) {
      JsonValue value = reader.readValue();
      if (!(value instanceof JsonObject o)) {
        problem(response, 400, "malformed-json", "Malformed JSON", "a JSON object is required");
        return;
      }
      json = o;
    } catch (JsonException | IllegalStateException e) {
      problem(response, 400, "malformed-json", "Malformed JSON", "the body is not JSON");
      return;
    }
    List<String[]> errors = new ArrayList<>();
    Answer defaultAnswer = null;
    JsonValue d = json.get("default");
    if (d != null && d.getValueType() != JsonValue.ValueType.NULL) {
      defaultAnswer = answer(d, "default", errors);
    }
    Map<String, Answer> bySku = map(json, "bySku", "[A-Za-z0-9._:-]{1,64}", errors);
    Map<String, Answer> byFingerprint = map(json, "byFingerprint", "[0-9a-f]{64}", errors);
    for (String field : json.keySet()) {
      if (!List.of("default", "bySku", "byFingerprint").contains(field)) {
        errors.add(new String[] {field, "unknown field; use default, bySku, byFingerprint"});
      }
    }
    if (bySku.size() + byFingerprint.size() > 1000) {
      errors.add(new String[] {"body", "at most 1000 rules"});
    }
    if (!errors.isEmpty()) {
      var list = JSON.createArrayBuilder();
      errors.forEach(
          e -> list.add(JSON.createObjectBuilder().add("field", e[0]).add("message", e[1])));
      json(
          response,
          400,
          JSON.createObjectBuilder()
              .add("type", "urn:keydesk:problem:validation")
              .add("title", "Invalid request")
              .add("status", 400)
              .add(
                  "detail",
                  errors.size() == 1
                      ? errors.get(0)[0] + ": " + errors.get(0)[1]
                      : errors.size() + " fields are invalid")
              .add("errors", list)
              .build(),
          "application/problem+json");
      return;
    }
    Rules replaced = new Rules(defaultAnswer, bySku, byFingerprint);
    rules.replace(replaced, clock.instant());
    json(response, 200, toJson(rules.current()));
  }

  private static Map<String, Answer> map(
      JsonObject json, String field, String keyPattern, List<String[]> errors) {
    Map<String, Answer> answers = new LinkedHashMap<>();
    JsonValue value = json.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return answers;
    }
    if (!(value instanceof JsonObject o)) {
      errors.add(new String[] {field, "must be an object"});
      return answers;
    }
    o.forEach(
        (key, v) -> {
          if (!key.matches(keyPattern)) {
            errors.add(new String[] {field + "." + key, "must match " + keyPattern});
            return;
          }
          Answer a = answer(v, field + "." + key, errors);
          if (a != null) {
            answers.put(key, a);
          }
        });
    return answers;
  }

  private static Answer answer(JsonValue value, String field, List<String[]> errors) {
    if (value.getValueType() == JsonValue.ValueType.STRING) {
      try {
        return Answer.valueOf(((jakarta.json.JsonString) value).getString());
      } catch (IllegalArgumentException e) {
        // reported below
      }
    }
    errors.add(new String[] {field, "must be VALID, DEFECTIVE, REDEEMED, SLOW or DOWN"});
    return null;
  }

  private static JsonObject toJson(Rules rules) {
    JsonObjectBuilder sku = JSON.createObjectBuilder();
    rules.bySku().forEach((k, v) -> sku.add(k, v.name()));
    JsonObjectBuilder fp = JSON.createObjectBuilder();
    rules.byFingerprint().forEach((k, v) -> fp.add(k, v.name()));
    JsonObjectBuilder o = JSON.createObjectBuilder();
    if (rules.defaultAnswer() == null) {
      o.addNull("default");
    } else {
      o.add("default", rules.defaultAnswer().name());
    }
    return o.add("bySku", sku).add("byFingerprint", fp).build();
  }

  private static boolean isAdmin(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!(request.getAttribute(KeydeskAuthenticationMechanism.STAFF_ATTRIBUTE)
        instanceof StaffIdentity staff)) {
      problem(response, 401, "unauthorized", "Unauthorized", "an ADMIN staff token is required");
      return false;
    }
    if (staff.role() != Role.ADMIN) {
      problem(response, 403, "forbidden", "Forbidden", "only admins may change the simulation");
      return false;
    }
    return true;
  }

  private static String body(HttpServletRequest request) throws IOException {
    byte[] bytes = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (bytes.length > MAX_BODY) {
      return "";
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static void answer(HttpServletResponse response, Outcome outcome, String detail)
      throws IOException {
    write(response, 200, "application/json", SupplierProtocol.answerBody(outcome, detail));
  }

  private static void json(HttpServletResponse response, int status, JsonObject body)
      throws IOException {
    json(response, status, body, "application/json");
  }

  private static void json(
      HttpServletResponse response, int status, JsonObject body, String contentType)
      throws IOException {
    write(response, status, contentType, body.toString());
  }

  static void problem(
      HttpServletResponse response, int status, String code, String title, String detail)
      throws IOException {
    write(
        response,
        status,
        "application/problem+json",
        JSON.createObjectBuilder()
            .add("type", "urn:keydesk:problem:" + code)
            .add("title", title)
            .add("status", status)
            .add("detail", detail)
            .build()
            .toString());
  }

  private static void write(HttpServletResponse response, int status, String type, String body)
      throws IOException {
    response.setStatus(status);
    response.setContentType(type);
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }
}
