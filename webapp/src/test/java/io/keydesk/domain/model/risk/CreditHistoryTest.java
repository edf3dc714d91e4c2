package io.keydesk.domain.model.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreditHistoryTest {
  @ParameterizedTest(name = "{0} orders, {1} accepted, {2} rejected, {3} refunds → {4}")
  @CsvSource({
    "0, 0, 0, 0, 70",
    "1, 0, 0, 0, 72",
    "10, 1, 0, 1, 90",
    "50, 0, 0, 0, 90",
    "3, 0, 1, 0, 61",
    "2, 0, 3, 0, 29",
    "4, 3, 0, 3, 33",
    "10, 2, 0, 2, 90",
    "2, 2, 0, 2, 4",
    "1, 0, 10, 0, 0"
  })
  void scoreFollowsTheDocumentedFormula(
      long orders, long accepted, long rejected, long refunds, int expected) {
    assertEquals(expected, new CreditHistory(orders, accepted, rejected, refunds).score());
  }
}
