package io.keydesk.infrastructure.supplier;

import io.keydesk.application.SupplierVerification.KeyCheck;
import io.keydesk.application.SupplierVerification.Verdict.Outcome;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Optional;

/**
 * The key check protocol between Keydesk and a supplier (documented in docs/api.md), spoken by the
 * HTTP adapter and the simulated supplier alike.
 *
 * <pre>
 * POST &lt;verify-url&gt;   (signed: X-Keydesk-Timestamp, X-Keydesk-Signature)
 * {"supplierCode":"VALVE-CN","productSku":"STEAM-100","batchCode":"B-1","fingerprint":"7c5c…","code":"XXXX-…"}
 * 200 {"status":"VALID"|"DEFECTIVE"|"REDEEMED","detail":"optional text"}
 * </pre>
 */
public final class SupplierProtocol {
  /** Looked up once: {@code Json.create…} scans the class path for the provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private SupplierProtocol() {}

  /** The request body; it carries the plaintext code, so it is never logged. */
  public static String requestBody(KeyCheck check) {
    JsonObjectBuilder body =
        JSON.createObjectBuilder()
            .add("supplierCode", check.supplierCode())
            .add("productSku", check.productSku());
    if (check.batchCode() == null) {
      body.addNull("batchCode");
    } else {
      body.add("batchCode", check.batchCode());
    }
    return body.add("fingerprint", check.fingerprint())
        .add("code", check.code())
        .build()
        .toString();
  }

  /** A request as the supplier reads it; empty when the body is not a valid check. */
  public static Optional<KeyCheck> parseRequest(String body) {
    Optional<JsonObject> json = object(body);
    if (json.isEmpty()) {
      return Optional.empty();
    }
    JsonObject o = json.get();
    String supplier = string(o, "supplierCode");
    String sku = string(o, "productSku");
    String fingerprint = string(o, "fingerprint");
    String code = string(o, "code");
    if (supplier == null || sku == null || fingerprint == null || code == null) {
      return Optional.empty();
    }
    return Optional.of(new KeyCheck(supplier, sku, string(o, "batchCode"), fingerprint, code));
  }

  /** The supplier's answer body. */
  public static String answerBody(Outcome outcome, String detail) {
    return JSON.createObjectBuilder()
        .add("status", outcome.name())
        .add("detail", detail)
        .build()
        .toString();
  }

  /** A supplier's answer: VALID, DEFECTIVE or REDEEMED and its detail. */
  public record Answer(Outcome outcome, String detail) {}

  /** Reads a supplier's 2xx body; empty when it is not a known answer. */
  public static Optional<Answer> parseAnswer(String body) {
    return object(body)
        .flatMap(
            o -> {
              String status = string(o, "status");
              if (status == null) {
                return Optional.empty();
              }
              Outcome outcome;
              try {
                outcome = Outcome.valueOf(status);
              } catch (IllegalArgumentException e) {
                return Optional.empty();
              }
              if (outcome == Outcome.UNAVAILABLE) {
                return Optional.empty();
              }
              String detail = string(o, "detail");
              return Optional.of(new Answer(outcome, detail == null ? "" : shorten(detail)));
            });
  }

  private static Optional<JsonObject> object(String body) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    try (JsonReader reader = JSON.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      return value instanceof JsonObject o ? Optional.of(o) : Optional.empty();
    } catch (JsonException | IllegalStateException e) {
      return Optional.empty();
    }
  }

  private static String string(JsonObject o, String name) {
    JsonValue v = o.get(name);
    return v != null && v.getValueType() == JsonValue.ValueType.STRING ? o.getString(name) : null;
  }

  static String shorten(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }
}
