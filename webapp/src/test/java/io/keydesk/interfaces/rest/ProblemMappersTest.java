package io.keydesk.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The status of each domain error code. Loading the mapper at all is part of the test: a code
 * listed twice in its table made every domain error a 500 HTML page (found after a merge).
 */
class ProblemMappersTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "not-found, 404",
    "forbidden, 403",
    "validation, 400",
    "reason-required, 400",
    "idempotency-key-reused, 422",
    "category-needed, 422",
    "rate-limited, 429",
    "file-too-large, 413",
    "unsupported-media-type, 415",
    "illegal-transition, 409",
    "anything-else, 409"
  })
  void eachDomainErrorHasItsStatus(String code, int status) {
    assertEquals(status, ProblemMappers.status(code));
  }
}
