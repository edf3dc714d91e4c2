package io.keydesk.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The field a 400 answer names must be the JSON field the client sent. */
class JsonBodiesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "importOrder.arg0.keys[0].<list element>.code, keys[0].code",
    "importOrder.arg0.keys[12].<list element>.secret, keys[12].secret",
    "importOrder.arg0.buyer.contactGiven, buyer.contact",
    "importOrder.arg0.orderNo, orderNo",
    "importOrder.arg0.keysConsistent, keys",
    "importOrder.arg0, body",
    "act.arg2.text, text",
    "buyer.contactGiven, buyer.contact",
    "keys[0].<list element>.code, keys[0].code",
    "tags[3].<list element>, tags[3]",
    "keysConsistent, keys",
    "keyNamed, key",
    "textGiven, text",
    "resolutionGiven, resolution",
    "orderNo, orderNo",
    "givenName, givenName",
    "buyer.email, buyer.email",
    "'', body"
  })
  void validationPathsBecomeTheJsonFieldNames(String path, String field) {
    assertEquals(field, JsonBodies.fieldName(path));
  }

  public record Session(String orderNo, String contact) {}

  @Test
  void aBodyOfTheWrongShapeIsMalformedWithoutNamingJavaTypes() {
    JsonBodies bodies = new JsonBodies();
    for (String body : new String[] {"[1,2]", "{\"orderNo\":{\"a\":1}}", "{\"orderNo\":"}) {
      RequestException e =
          assertThrows(RequestException.class, () -> bodies.read(body, Session.class), body);
      Problem problem = e.problem();
      assertEquals(400, problem.status(), body);
      assertEquals("urn:keydesk:problem:malformed-json", problem.type(), body);
      assertFalse(problem.detail().contains("io.keydesk"), problem.detail());
      assertFalse(problem.detail().contains("java."), problem.detail());
      assertFalse(problem.detail().contains("$"), problem.detail());
      assertTrue(problem.detail().startsWith("the body is not valid JSON"), problem.detail());
    }
  }

  public record Buyer(String email) {}

  public record Order(java.time.Instant paidAt, Integer quantity, Buyer buyer) {}

  @Test
  void aValueOfTheWrongTypeNamesItsField() {
    JsonBodies bodies = new JsonBodies();
    String[][] cases = {
      {"{\"paidAt\":\"yesterday\"}", "paidAt"},
      {"{\"quantity\":\"two\"}", "quantity"},
      {"{\"buyer\":{\"email\":[1]}}", "buyer.email"}
    };
    for (String[] c : cases) {
      RequestException e =
          assertThrows(RequestException.class, () -> bodies.read(c[0], Order.class), c[0]);
      Problem problem = e.problem();
      assertEquals("urn:keydesk:problem:malformed-json", problem.type(), c[0]);
      assertTrue(problem.errors() != null && !problem.errors().isEmpty(), problem.detail());
      assertEquals(c[1], problem.errors().get(0).field(), problem.detail());
    }
  }

  public record Counts(Integer boxed, Integer other, Long big, Long bigOther) {}

  @Test
  void aFractionWhereAWholeNumberIsExpectedIsRefusedNotCutOff() {
    JsonBodies bodies = new JsonBodies();
    for (String field : new String[] {"boxed", "other", "big", "bigOther"}) {
      String body = "{\"" + field + "\": 2.7}";
      RequestException e =
          assertThrows(RequestException.class, () -> bodies.read(body, Counts.class), body);
      assertEquals("urn:keydesk:problem:malformed-json", e.problem().type(), body);
      assertEquals(field, e.problem().errors().get(0).field(), e.problem().detail());
    }
    Counts whole =
        new JsonBodies()
            .jsonb()
            .fromJson(
                "{\"boxed\": 3, \"other\": 1e2, \"big\": \"5\", \"bigOther\": 7.0}", Counts.class);
    assertEquals(new Counts(3, 100, 5L, 7L), whole);
    assertEquals(
        new Counts(null, null, null, null),
        new JsonBodies().jsonb().fromJson("{\"boxed\": null}", Counts.class));
  }

  public record Note(String text, Buyer buyer, java.util.List<String> tags) {}

  @Test
  void controlCharactersAreRefusedNamingTheFieldButLineBreaksAndTabsStay() {
    JsonBodies bodies = new JsonBodies();
    String[][] cases = {
      {"{\"text\":\"clear\\u001b[2J\"}", "text"},
      {"{\"text\":\"nul\\u0000byte\"}", "text"},
      {"{\"text\":\"c1\\u0085\"}", "text"},
      {"{\"buyer\":{\"email\":\"a\\u0007@example.com\"}}", "buyer.email"},
      {"{\"tags\":[\"ok\",\"bell\\u0007\"]}", "tags"}
    };
    for (String[] c : cases) {
      RequestException e =
          assertThrows(RequestException.class, () -> bodies.read(c[0], Note.class), c[0]);
      Problem problem = e.problem();
      assertEquals(400, problem.status(), c[0]);
      assertEquals(Problem.invalid(java.util.List.of()).type(), problem.type(), c[0]);
      assertEquals(c[1], problem.errors().get(0).field(), c[0]);
      assertTrue(problem.errors().get(0).message().contains("control"), c[0]);
    }
    Note kept =
        bodies.jsonb().fromJson("{\"text\":\"line 1\\nline 2\\r\\n\\tend 卡密 ✓\"}", Note.class);
    assertEquals("line 1\nline 2\r\n\tend 卡密 ✓", kept.text());
    assertEquals(null, bodies.jsonb().fromJson("{\"text\":null}", Note.class).text());
    assertEquals(
        "20261125001", bodies.jsonb().fromJson("{\"text\":20261125001}", Note.class).text());
  }
}
