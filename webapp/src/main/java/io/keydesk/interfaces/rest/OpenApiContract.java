package io.keydesk.interfaces.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * What the annotations cannot say once per operation, said once for the whole document (registered
 * as {@code mp.openapi.filter}):
 *
 * <ul>
 *   <li>every error is {@code application/problem+json}: the {@code Problem} schema, used by every
 *       documented 4xx and 5xx answer, and {@code 4XX} and {@code 5XX} answers on every operation
 *       that does not list them (docs/api.md#errors);
 *   <li>path templates are plain: JAX-RS' {@code {id: [0-9]{1,18}}} becomes {@code {id}}, the only
 *       form OpenAPI tools read.
 * </ul>
 */
public class OpenApiContract implements OASFilter {
  static final String PROBLEM = "Problem";
  static final String PROBLEM_TYPE = "application/problem+json";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    Components components = openAPI.getComponents();
    if (components == null) {
      components = OASFactory.createComponents();
      openAPI.setComponents(components);
    }
    components.addSchema("FieldError", fieldErrorSchema());
    components.addSchema(PROBLEM, problemSchema());
    Paths paths = openAPI.getPaths();
    if (paths == null || paths.getPathItems() == null) {
      return;
    }
    Map<String, PathItem> items = new LinkedHashMap<>(paths.getPathItems());
    for (Map.Entry<String, PathItem> e : items.entrySet()) {
      String plain = plainTemplate(e.getKey());
      if (!plain.equals(e.getKey())) {
        paths.removePathItem(e.getKey());
        paths.addPathItem(plain, e.getValue());
      }
      for (Operation operation : e.getValue().getOperations().values()) {
        problems(operation);
      }
    }
  }

  /** {@code /a/{id: [0-9]{1,18}}/b} → {@code /a/{id}/b}. */
  static String plainTemplate(String path) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c != '{') {
        out.append(c);
        i++;
        continue;
      }
      int depth = 0;
      int end = i;
      for (; end < path.length(); end++) {
        if (path.charAt(end) == '{') {
          depth++;
        } else if (path.charAt(end) == '}' && --depth == 0) {
          break;
        }
      }
      String inside = path.substring(i + 1, Math.min(end, path.length()));
      int colon = inside.indexOf(':');
      out.append('{').append((colon < 0 ? inside : inside.substring(0, colon)).trim()).append('}');
      i = end + 1;
    }
    return out.toString();
  }

  private static void problems(Operation operation) {
    APIResponses responses = operation.getResponses();
    if (responses == null) {
      responses = OASFactory.createAPIResponses();
      operation.setResponses(responses);
    }
    boolean client = false;
    boolean server = false;
    if (responses.getAPIResponses() != null) {
      for (Map.Entry<String, APIResponse> r : responses.getAPIResponses().entrySet()) {
        String code = r.getKey();
        if (code.startsWith("4") || code.startsWith("5")) {
          client |= code.equals("4XX");
          server |= code.startsWith("5");
          if (r.getValue().getContent() == null
              || r.getValue().getContent().getMediaTypes() == null
              || r.getValue().getContent().getMediaTypes().isEmpty()) {
            r.getValue().setContent(problemContent());
          }
        }
      }
    }
    if (!client) {
      responses.addAPIResponse(
          "4XX",
          OASFactory.createAPIResponse()
              .description(
                  "Refused: problem+json with a stable type (validation, unauthorized, forbidden,"
                      + " not-found, rate-limited with Retry-After, …; docs/api.md#errors)")
              .content(problemContent()));
    }
    if (!server) {
      responses.addAPIResponse(
          "5XX",
          OASFactory.createAPIResponse()
              .description("Our fault: problem+json of type internal, with X-Request-Id")
              .content(problemContent()));
    }
  }

  private static Content problemContent() {
    return OASFactory.createContent()
        .addMediaType(
            PROBLEM_TYPE,
            OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM)));
  }

  private static Schema problemSchema() {
    return OASFactory.createSchema()
        .type(Schema.SchemaType.OBJECT)
        .description("RFC 9457 problem; type is stable: urn:keydesk:problem:<code>")
        .required(List.of("type", "title", "status"))
        .addProperty(
            "type",
            OASFactory.createSchema()
                .type(Schema.SchemaType.STRING)
                .example("urn:keydesk:problem:validation"))
        .addProperty("title", OASFactory.createSchema().type(Schema.SchemaType.STRING))
        .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER))
        .addProperty("detail", OASFactory.createSchema().type(Schema.SchemaType.STRING))
        .addProperty(
            "errors",
            OASFactory.createSchema()
                .type(Schema.SchemaType.ARRAY)
                .description("validation: one entry per bad field, named by its JSON path")
                .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")));
  }

  private static Schema fieldErrorSchema() {
    return OASFactory.createSchema()
        .type(Schema.SchemaType.OBJECT)
        .addProperty(
            "field",
            OASFactory.createSchema().type(Schema.SchemaType.STRING).example("keys[0].code"))
        .addProperty("message", OASFactory.createSchema().type(Schema.SchemaType.STRING));
  }
}
