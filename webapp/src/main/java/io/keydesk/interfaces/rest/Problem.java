package io.keydesk.interfaces.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem. {@code type} is stable ({@code urn:keydesk:problem:<code>}); {@code errors}
 * names each bad field.
 */
public record Problem(
    String type, String title, int status, String detail, List<FieldError> errors) {
  public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

  /** One invalid field: its JSON path and what is wrong with it. */
  public record FieldError(String field, String message) {}

  public static Problem of(int status, String code, String title, String detail) {
    return new Problem("urn:keydesk:problem:" + code, title, status, detail, null);
  }

  public static Problem invalid(List<FieldError> errors) {
    return new Problem(
        "urn:keydesk:problem:validation",
        "Invalid request",
        400,
        errors.size() == 1
            ? errors.get(0).field() + ": " + errors.get(0).message()
            : errors.size() + " fields are invalid",
        errors);
  }

  public Response toResponse() {
    return Response.status(status).type(MEDIA_TYPE).entity(this).build();
  }
}
