package io.keydesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.it.Api.Answer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** POST /api/v1/classify: open to anyone, rate-limited per client address, validated. */
class ClassifyApiIT extends ApiIT {
  private static final Set<String> CATEGORIES =
      Set.of(
          "NOT_RECEIVED", "INVALID_KEY", "WRONG_PURCHASE", "PAYMENT_ISSUE", "USAGE_HELP", "OTHER");

  private Answer classify(String body, String ip) {
    return api.post("/api/v1/classify", body, Map.of("X-Forwarded-For", ip));
  }

  private static String text(String text) {
    return "{\"text\":\"" + text + "\"}";
  }

  @Test
  void chineseEnglishAndMixedTextsLandInTheirCategory() {
    String ip = Api.uniqueIp();
    Map<String, String> cases =
        Map.of(
            "付款成功好几个小时了，卡密还是没有发给我", "NOT_RECEIVED",
            "The code says it was already redeemed on my PlayStation", "INVALID_KEY",
            "我买错了region，想换成US的，code还没用", "WRONG_PURCHASE");
    cases.forEach(
        (text, expected) -> {
          Answer a = classify(text(text), ip);
          assertEquals(200, a.status(), a.body());
          assertEquals(expected, a.json().getString("category"), text + " → " + a.body());
        });
  }

  @Test
  void theAnswerHasTheCategoryAlternativesConfidenceAndHints() {
    Answer a =
        classify(
            "{\"text\":\"The Steam code says already redeemed, error E-102\",\"language\":\"zh-CN\"}",
            Api.uniqueIp());
    assertEquals(200, a.status(), a.body());
    assertTrue(a.contentType().startsWith("application/json"), a.contentType());
    JsonObject body = a.json();
    assertEquals("INVALID_KEY", body.getString("category"));
    assertEquals("卡密无效", body.getString("label"));
    double confidence = body.getJsonNumber("confidence").doubleValue();
    assertTrue(confidence > 0 && confidence <= 1, "confidence " + confidence);
    assertEquals(confidence >= 0.55, body.getBoolean("confident"));

    List<JsonObject> alternatives = body.getJsonArray("alternatives").getValuesAs(JsonObject.class);
    assertEquals(5, alternatives.size());
    Set<String> seen = new HashSet<>(Set.of(body.getString("category")));
    double previous = confidence;
    double sum = confidence;
    for (JsonObject alt : alternatives) {
      assertTrue(seen.add(alt.getString("category")), "each category once");
      assertNotNull(alt.getString("label"));
      double p = alt.getJsonNumber("confidence").doubleValue();
      assertTrue(p <= previous, "best first");
      previous = p;
      sum += p;
    }
    assertEquals(CATEGORIES, seen);
    assertEquals(1.0, sum, 0.001);

    List<String> hints =
        body.getJsonArray("hints").getValuesAs(JsonObject.class).stream()
            .map(h -> h.getString("type") + ":" + h.getString("value"))
            .toList();
    assertTrue(hints.contains("ERROR_CODE:E-102"), hints.toString());
    assertTrue(hints.contains("PLATFORM:Steam"), hints.toString());
    assertTrue(hints.stream().anyMatch(h -> h.startsWith("ALREADY_USED:")), hints.toString());

    Answer english = classify(text("怎么兑换这个码"), Api.uniqueIp());
    assertEquals("USAGE_HELP", english.json().getString("category"));
    assertEquals("How to use it", english.json().getString("label"));
    assertEquals(JsonValue.ValueType.ARRAY, english.json().get("hints").getValueType());
  }

  @Test
  void badInputIsAProblemNamingTheField() {
    String ip = Api.uniqueIp();
    assertInvalid(classify("{}", ip), "text");
    assertInvalid(classify(text("   "), ip), "text");
    assertInvalid(classify(text("x".repeat(4001)), ip), "text");
    assertInvalid(classify("{\"text\":\"hi\",\"language\":\"fr\"}", ip), "language");
    assertInvalid(classify("", ip), "body");

    Answer malformed = classify("{\"text\":", ip);
    assertEquals(400, malformed.status());
    assertEquals("urn:keydesk:problem:malformed-json", malformed.json().getString("type"));

    Answer longest = classify(text("没收到卡密".repeat(800)), ip);
    assertEquals(200, longest.status(), "4000 characters are allowed");
  }

  @Test
  void manyRequestsFromOneAddressAreLimited() {
    String ip = Api.uniqueIp();
    Answer last = null;
    // 60 per minute: within 125 calls the limit is reached even if a window ends on the way
    for (int i = 0; i < 125 && (last == null || last.status() == 200); i++) {
      last = classify(text("where do I enter the code"), ip);
    }
    assertEquals(429, last.status(), last.body());
    assertTrue(last.contentType().startsWith("application/problem+json"));
    assertEquals("urn:keydesk:problem:rate-limited", last.json().getString("type"));
    assertTrue(Integer.parseInt(last.header("Retry-After")) > 0);

    Answer other = classify(text("where do I enter the code"), Api.uniqueIp());
    assertEquals(200, other.status(), "another address is not limited");
  }

  @Test
  void theOpenApiDocumentDescribesTheCall() {
    Answer doc = api.get("/openapi", Map.of("Accept", "application/json"));
    assertEquals(200, doc.status());
    JsonObject openApi = doc.json();
    JsonObject post =
        openApi.getJsonObject("paths").getJsonObject("/api/v1/classify").getJsonObject("post");
    assertNotNull(post, doc.body());
    assertTrue(post.getJsonObject("responses").containsKey("429"), post.toString());
    JsonObject request =
        schema(openApi, post.getJsonObject("requestBody").getJsonObject("content"));
    assertTrue(request.getJsonObject("properties").containsKey("text"), request.toString());
    JsonObject answer =
        schema(
            openApi, post.getJsonObject("responses").getJsonObject("200").getJsonObject("content"));
    for (String field : List.of("category", "confidence", "alternatives", "confident", "hints")) {
      assertTrue(answer.getJsonObject("properties").containsKey(field), answer.toString());
    }
  }

  /** The JSON schema of a content map, following a {@code $ref} into the components. */
  private static JsonObject schema(JsonObject openApi, JsonObject content) {
    JsonObject schema = content.getJsonObject("application/json").getJsonObject("schema");
    if (schema.containsKey("$ref")) {
      String ref = schema.getString("$ref");
      String name = ref.substring(ref.lastIndexOf('/') + 1);
      return openApi.getJsonObject("components").getJsonObject("schemas").getJsonObject(name);
    }
    return schema;
  }

  private static void assertInvalid(Answer a, String field) {
    assertEquals(400, a.status(), a.body());
    assertTrue(a.contentType().startsWith("application/problem+json"), a.contentType());
    JsonObject problem = a.json();
    assertEquals("urn:keydesk:problem:validation", problem.getString("type"));
    List<String> fields =
        problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
            .map(e -> e.getString("field"))
            .toList();
    assertEquals(List.of(field), fields, a.body());
  }
}
