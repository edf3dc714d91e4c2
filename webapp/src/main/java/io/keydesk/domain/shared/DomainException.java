package io.keydesk.domain.shared;

/**
 * A business rule refused an operation. {@code code} is stable and becomes the problem type of the
 * HTTP answer; the message is for humans.
 */
public class DomainException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String code;

  public DomainException(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
