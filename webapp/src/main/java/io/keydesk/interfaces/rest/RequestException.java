package io.keydesk.interfaces.rest;

/** Ends a request with a problem answer. */
public class RequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Problem problem;

  public RequestException(Problem problem) {
    super(problem.detail());
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
