package io.keydesk.infrastructure.supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.application.SupplierVerification.KeyCheck;
import io.keydesk.application.SupplierVerification.Verdict.Outcome;
import io.keydesk.infrastructure.supplier.SimulatedSupplierRules.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SupplierProtocolTest {
  private static final KeyCheck CHECK =
      new KeyCheck("VALVE-CN", "STEAM-100", null, "ab".repeat(32), "SECRET-CODE-1234");

  @Test
  void theRequestRoundTripsAndTheKeyNeverShowsInToString() {
    String body = SupplierProtocol.requestBody(CHECK);
    assertEquals(CHECK, SupplierProtocol.parseRequest(body).orElseThrow());
    assertFalse(CHECK.toString().contains("SECRET-CODE-1234"), CHECK.toString());
    assertTrue(CHECK.toString().contains("VALVE-CN"));
  }

  @ParameterizedTest
  @CsvSource({"VALID", "DEFECTIVE", "REDEEMED"})
  void knownAnswersAreRead(Outcome outcome) {
    SupplierProtocol.Answer answer =
        SupplierProtocol.parseAnswer(SupplierProtocol.answerBody(outcome, "why")).orElseThrow();
    assertEquals(outcome, answer.outcome());
    assertEquals("why", answer.detail());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not json",
        "[]",
        "{}",
        "{\"status\":1}",
        "{\"status\":\"valid\"}",
        "{\"status\":\"UNAVAILABLE\"}",
        "{\"status\":\"MAYBE\"}",
        "{\"status\":\"VALID\""
      })
  void anythingElseIsNotAnAnswer(String body) {
    assertTrue(SupplierProtocol.parseAnswer(body).isEmpty(), body);
  }

  @ParameterizedTest
  @CsvSource({
    "ABCD-EFGH, VALID",
    "DEFECT-0001, DEFECTIVE",
    "demo-defective-1, DEFECTIVE",
    "USED-0001, REDEEMED",
    "SLOW-1, SLOW",
    "DOWN-1, DOWN"
  })
  void theSimulatedSupplierFallsBackOnMarkersInTheCode(String code, Answer expected) {
    assertEquals(expected, SimulatedSupplierRules.fromCode(code));
  }

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1, true",
    "localhost, true",
    "[::1], true",
    "127.1.2.3, true",
    "10.0.0.1, false",
    "supplier.example.com, false",
    "localhost.example.com, false"
  })
  void plainHttpIsForLoopbackOnly(String host, boolean loopback) {
    assertEquals(loopback, SupplierEndpoints.isLoopback(host));
  }
}
