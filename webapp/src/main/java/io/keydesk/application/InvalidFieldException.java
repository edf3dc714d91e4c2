package io.keydesk.application;

import io.keydesk.domain.shared.DomainException;

/** Input that passed the shape checks but is still wrong, tied to the field it came from. */
public class InvalidFieldException extends DomainException {
  private static final long serialVersionUID = 1L;
  private final String field;

  public InvalidFieldException(String field, String message) {
    super("validation", message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
