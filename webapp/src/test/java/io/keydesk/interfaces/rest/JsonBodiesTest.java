package io.keydesk.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
