package io.keydesk.domain.shared;

/** The thing asked for does not exist, or the caller may not know that it exists. */
public class NotFoundException extends DomainException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String what) {
    super("not-found", what + " not found");
  }
}
