package io.keydesk.infrastructure.webhooks;

import io.keydesk.infrastructure.crypto.RequestSignatures;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A stand-in for the shop's webhook receiver, for local runs: {@code POST /simulated-shop/webhooks}
 * checks the signature with the shop secret, logs the event's type and id and acknowledges with 204
 * (401 for a bad signature). Present only when {@code keydesk.shop.simulated=true}; otherwise 404.
 */
@WebServlet(urlPatterns = "/simulated-shop/webhooks")
public class SimulatedShopServlet extends HttpServlet {
  /** Looked up once: {@code Json.create…} scans the class path for the provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(SimulatedShopServlet.class.getName());

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "keydesk.shop.simulated", defaultValue = "false")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "keydesk.shop.secret")
  Optional<String> secret;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!enabled) {
      status(response, 404, "the simulated shop is switched off");
      return;
    }
    if (!"POST".equals(request.getMethod())) {
      status(response, 405, "POST only");
      return;
    }
    byte[] bytes = request.getInputStream().readNBytes(1024 * 1024);
    String body = new String(bytes, StandardCharsets.UTF_8);
    String refused =
        secret.isEmpty()
            ? "keydesk.shop.secret is not set"
            : RequestSignatures.problem(
                secret.get(),
                request.getHeader(RequestSignatures.TIMESTAMP),
                request.getHeader(RequestSignatures.SIGNATURE),
                body,
                clock.instant());
    if (refused != null) {
      LOG.warning(() -> "Simulated shop refused a webhook: " + refused);
      status(response, 401, refused);
      return;
    }
    String type = sanitize(request.getHeader(WebhookMessage.EVENT_TYPE));
    String id = sanitize(request.getHeader(WebhookMessage.EVENT_ID));
    LOG.info(() -> "Simulated shop received webhook " + type + " " + id);
    response.setStatus(204);
  }

  private static String sanitize(String header) {
    return header == null ? "-" : header.replaceAll("[^A-Za-z0-9._-]", "?");
  }

  private static void status(HttpServletResponse response, int status, String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response
        .getOutputStream()
        .write(
            JSON.createObjectBuilder()
                .add(
                    "type",
                    "urn:keydesk:problem:" + (status == 401 ? "bad-signature" : "simulated-shop"))
                .add("status", status)
                .add("detail", detail)
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8));
  }
}
