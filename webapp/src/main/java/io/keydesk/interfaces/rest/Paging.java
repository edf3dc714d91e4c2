package io.keydesk.interfaces.rest;

import java.util.List;

/** The paging parameters every list of the API takes: {@code page} from 0, {@code size} 1–200. */
final class Paging {
  static final int MAX_SIZE = 200;
  static final int MAX_PAGE = 100_000;

  private Paging() {}

  /** Adds an error per bad parameter. */
  static void check(int page, int size, List<Problem.FieldError> errors) {
    if (page < 0 || page > MAX_PAGE) {
      errors.add(new Problem.FieldError("page", "must be between 0 and " + MAX_PAGE));
    }
    if (size < 1 || size > MAX_SIZE) {
      errors.add(new Problem.FieldError("size", "must be between 1 and " + MAX_SIZE));
    }
  }
}
