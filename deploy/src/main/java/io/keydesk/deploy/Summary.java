package io.keydesk.deploy;

import java.nio.file.Path;
import java.time.Duration;

/** The block the launcher prints once everything is up. */
final class Summary {
  private static final String RULE = "=".repeat(78);

  private Summary() {}

  static String text(
      String publicUrl,
      Path home,
      String databaseUrl,
      String kafkaBootstrap,
      String mail,
      Duration startup,
      DemoData demo) {
    StringBuilder text = new StringBuilder("\n").append(RULE).append('\n');
    text.append(
        String.format(" Keydesk is running (ready in %.1f s)%n", startup.toMillis() / 1000.0));
    line(text, "Buyer portal", publicUrl + "/");
    line(text, "Staff console", publicUrl + "/console/");
    line(text, "API base", publicUrl + "/api/v1");
    line(text, "OpenAPI", publicUrl + "/openapi");
    line(text, "Health", publicUrl + "/health");
    line(text, "Data folder", home.toString());
    line(text, "Logs", home.resolve("logs").toString());
    line(text, "MariaDB", databaseUrl + "  (password in secrets.properties)");
    line(text, "Kafka", kafkaBootstrap);
    line(text, "Mail", mail);
    if (!demo.staffLogins().isEmpty()) {
      text.append(" Demo staff logins (username / password):\n");
      demo.staffLogins().forEach(login -> text.append("   ").append(login).append('\n'));
    }
    if (!demo.orders().isEmpty()) {
      text.append(" Demo orders (order number + contact open the buyer portal):\n");
      demo.orders().forEach(order -> text.append("   ").append(order).append('\n'));
    }
    demo.note().ifPresent(note -> text.append(" Note: ").append(note).append('\n'));
    text.append(" Press Ctrl-C to stop everything.\n").append(RULE);
    return text.toString();
  }

  private static void line(StringBuilder text, String label, String value) {
    text.append(String.format("   %-14s %s%n", label, value));
  }
}
