package io.keydesk.interfaces.rest;

import io.keydesk.application.CategoryNeededException;
import io.keydesk.application.InvalidFieldException;
import io.keydesk.application.RejectedFileException;
import io.keydesk.application.TooManyRequestsException;
import io.keydesk.domain.shared.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.RollbackException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every error leaves the API as problem+json with a stable type; never a stack trace. */
public final class ProblemMappers {
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

  /** HTTP status per domain error code; anything not listed is a 409 conflict. */
  private static final Map<String, Integer> STATUS =
      Map.of(
          "not-found", 404,
          "forbidden", 403,
          "validation", 400,
          "reason-required", 400,
          "idempotency-key-reused", 422,
          "category-needed", 422,
          "rate-limited", 429,
          "file-too-large", 413,
          "unsupported-media-type", 415);

  private ProblemMappers() {}

  /** The HTTP status of a domain error code: 409 unless listed. */
  static int status(String code) {
    return STATUS.getOrDefault(code, 409);
  }

  static Response domain(DomainException e) {
    if (e instanceof CategoryNeededException c) {
      return new Problem(
              "urn:keydesk:problem:category-needed",
              "Choose a category",
              422,
              c.getMessage(),
              List.of(new Problem.FieldError("category", c.getMessage())))
          .toResponse();
    }
    if (e instanceof RejectedFileException r) {
      int status = STATUS.getOrDefault(r.code(), 400);
      String title =
          switch (status) {
            case 413 -> "File too large";
            case 415 -> "File type not allowed";
            default -> "Invalid file";
          };
      return new Problem(
              "urn:keydesk:problem:" + r.code(),
              title,
              status,
              r.getMessage(),
              List.of(new Problem.FieldError("file", r.getMessage())))
          .toResponse();
    }
    if (e instanceof InvalidFieldException f) {
      return Problem.invalid(List.of(new Problem.FieldError(f.field(), f.getMessage())))
          .toResponse();
    }
    int status = status(e.code());
    String title =
        switch (status) {
          case 404 -> "Not found";
          case 400 -> "Invalid request";
          case 422 -> "Unprocessable request";
          case 429 -> "Too many requests";
          case 403 -> "Forbidden";
          default -> "Conflict";
        };
    Response.ResponseBuilder answer =
        Response.status(status)
            .type(Problem.MEDIA_TYPE)
            .entity(Problem.of(status, e.code(), title, e.getMessage()));
    if (e instanceof TooManyRequestsException t) {
      answer.header("Retry-After", Math.max(1, t.retryAfter().toSeconds()));
    }
    return answer.build();
  }

  /** Problems raised by the resources. */
  @Provider
  public static class RequestProblems implements ExceptionMapper<RequestException> {
    @Override
    public Response toResponse(RequestException e) {
      return e.problem().toResponse();
    }
  }

  /** Business rules. */
  @Provider
  public static class DomainProblems implements ExceptionMapper<DomainException> {
    @Override
    public Response toResponse(DomainException e) {
      return domain(e);
    }
  }

  /** Argument checks of entities and value objects: the request was wrong. */
  @Provider
  public static class ArgumentProblems implements ExceptionMapper<IllegalArgumentException> {
    @Override
    public Response toResponse(IllegalArgumentException e) {
      return Problem.of(400, "validation", "Invalid request", e.getMessage()).toResponse();
    }
  }

  /** Bean Validation on service parameters. */
  @Provider
  public static class ValidationProblems implements ExceptionMapper<ConstraintViolationException> {
    @Override
    public Response toResponse(ConstraintViolationException e) {
      return Problem.invalid(JsonBodies.errors(e.getConstraintViolations())).toResponse();
    }
  }

  /** JAX-RS' own answers (unknown path, wrong method, unsupported media type, ...). */
  @Provider
  public static class HttpProblems implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      String badQueryParameter = badQueryParameter(e);
      if (badQueryParameter != null) {
        return Problem.invalid(
                List.of(new Problem.FieldError(badQueryParameter, "is not a valid value")))
            .toResponse();
      }
      int status = e.getResponse().getStatus();
      Response.Status known = Response.Status.fromStatusCode(status);
      String title = known == null ? "Error" : known.getReasonPhrase();
      Response.ResponseBuilder answer =
          Response.status(status)
              .type(Problem.MEDIA_TYPE)
              .entity(
                  Problem.of(status, title.toLowerCase().replace(' ', '-'), title, e.getMessage()));
      e.getResponse().getHeaders().forEach((k, v) -> v.forEach(value -> answer.header(k, value)));
      return answer.type(Problem.MEDIA_TYPE).build();
    }
  }

  /** Anything else: logged with its cause here, answered without details. */
  @Provider
  public static class UnexpectedProblems implements ExceptionMapper<Throwable> {
    @Context HttpServletRequest request;

    @Override
    public Response toResponse(Throwable e) {
      DomainException domain = find(e, DomainException.class);
      if (domain != null) {
        return domain(domain);
      }
      ConstraintViolationException invalid = find(e, ConstraintViolationException.class);
      if (invalid != null) {
        return Problem.invalid(JsonBodies.errors(invalid.getConstraintViolations())).toResponse();
      }
      if (find(e, RollbackException.class) != null || isConstraintConflict(e)) {
        return Problem.of(409, "conflict", "Conflict", "a concurrent change got there first; retry")
            .toResponse();
      }
      LOG.log(
          Level.SEVERE,
          "Unexpected error answering "
              + request.getMethod()
              + " "
              + request.getRequestURI()
              + " [request "
              + RequestLog.idOf(request)
              + "]",
          e);
      return Problem.of(500, "internal", "Internal error", "something went wrong on our side")
          .toResponse();
    }
  }

  /**
   * The name of the query parameter whose value could not be converted ({@code size=abc}, {@code
   * page=99999999999}), or null. Jersey answers those with a bare 404, which reads as "no such
   * thing"; it is a bad request naming the parameter. Path parameters keep their 404.
   */
  static String badQueryParameter(WebApplicationException e) {
    if (!e.getClass().getName().endsWith("ParamException$QueryParamException")) {
      return null;
    }
    try {
      Object name = e.getClass().getMethod("getParameterName").invoke(e);
      return name instanceof String n && !n.isBlank() ? n : "query";
    } catch (ReflectiveOperationException | RuntimeException unknown) {
      return "query";
    }
  }

  static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  static boolean isConstraintConflict(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.sql.SQLIntegrityConstraintViolationException
          || t instanceof jakarta.persistence.OptimisticLockException) {
        return true;
      }
    }
    return false;
  }
}
