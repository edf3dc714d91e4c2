package io.keydesk.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The demo logins and orders the webapp reports at {@code GET /api/v1/demo} when demo data is on:
 * {@code {"staff":[{"username","password","role"}],"orders":[{"orderNo","contact"}]}}.
 */
record DemoData(List<String> staffLogins, List<String> orders, Optional<String> note) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static DemoData fetch(URI baseUri) {
    URI endpoint = baseUri.resolve("/api/v1/demo");
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(endpoint)
                      .header("Accept", "application/json")
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 404) {
        return noteOnly("No demo data: " + endpoint + " answered 404 (demo data off or missing).");
      }
      if (response.statusCode() != 200) {
        return noteOnly(endpoint + " answered HTTP " + response.statusCode() + ".");
      }
      return parse(response.body());
    } catch (IOException e) {
      return noteOnly("Could not read " + endpoint + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return noteOnly("Interrupted while reading " + endpoint);
    }
  }

  static DemoData parse(String json) throws IOException {
    JsonNode root = JSON.readTree(json);
    List<String> staff = new ArrayList<>();
    for (JsonNode login : root.path("staff")) {
      staff.add(
          text(login, "username")
              + " / "
              + text(login, "password")
              + "  ("
              + text(login, "role")
              + ")");
    }
    List<String> orders = new ArrayList<>();
    for (JsonNode order : root.path("orders")) {
      orders.add(text(order, "orderNo") + "  contact " + text(order, "contact"));
    }
    return new DemoData(staff, orders, Optional.empty());
  }

  private static DemoData noteOnly(String note) {
    return new DemoData(List.of(), List.of(), Optional.of(note));
  }

  private static String text(JsonNode node, String field) {
    return node.path(field).asText("?");
  }
}
