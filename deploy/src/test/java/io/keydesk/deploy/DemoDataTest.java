package io.keydesk.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DemoDataTest {
  private static final String DEMO_JSON =
      """
      {"staff":[{"username":"agent","password":"agent-pass","role":"AGENT"}],
       "orders":[{"orderNo":"DEMO-1001","contact":"alice@example.com"}]}
      """;

  private HttpServer server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void theSummaryListsTheUrlsAndTheLoginsAndOrdersTheWebappReports() throws IOException {
    DemoData demo = DemoData.fetch(serve(200, DEMO_JSON));

    String summary =
        Summary.text(
            "http://localhost:8080",
            Path.of("/srv/keydesk"),
            "jdbc:mariadb://127.0.0.1:3307/keydesk",
            "127.0.0.1:9092",
            "smtp://127.0.0.1:3025",
            Duration.ofSeconds(30),
            demo);

    List<String> expected =
        List.of(
            "   Buyer portal   http://localhost:8080/",
            "   Staff console  http://localhost:8080/console/",
            "   API base       http://localhost:8080/api/v1",
            "   OpenAPI        http://localhost:8080/openapi",
            "   Data folder    /srv/keydesk",
            "   Mail           smtp://127.0.0.1:3025",
            "   agent / agent-pass  (AGENT)",
            "   DEMO-1001  contact alice@example.com");
    assertTrue(summary.lines().toList().containsAll(expected), summary);
  }

  @Test
  void withoutTheDemoEndpointTheSummaryCarriesANote() throws IOException {
    DemoData demo = DemoData.fetch(serve(404, "{}"));

    assertEquals(List.of(), demo.staffLogins());
    assertTrue(demo.note().orElseThrow().contains("answered 404"), demo.note().orElseThrow());
  }

  private URI serve(int status, String body) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/v1/demo",
        exchange -> {
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }
}
