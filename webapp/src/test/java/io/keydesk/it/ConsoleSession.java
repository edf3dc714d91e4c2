package io.keydesk.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A member of staff signed in to the console through its login page, over plain HTTP with a cookie
 * jar: enough to check what a page answers to a role without a browser.
 */
final class ConsoleSession {
  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

  private final String base;
  private final String ip = Api.uniqueIp();
  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NORMAL)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private ConsoleSession(String base) {
    this.base = base;
  }

  /** Signs in through {@code /console/login.xhtml}; fails unless the console opens. */
  static ConsoleSession signIn(Api api, String username, String password) {
    ConsoleSession session = new ConsoleSession(api.base());
    HttpResponse<String> form = session.send("/console/login.xhtml", null);
    Matcher state = VIEW_STATE.matcher(form.body());
    if (form.statusCode() != 200 || !state.find()) {
      throw new AssertionError("no login form: " + form.statusCode());
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("login", "login");
    fields.put("login:next", "");
    fields.put("login:username", username);
    fields.put("login:password", password);
    fields.put("login:submit", "");
    fields.put("jakarta.faces.ViewState", state.group(1));
    HttpResponse<String> after = session.send("/console/login.xhtml", fields);
    if (after.statusCode() != 200 || after.uri().getPath().endsWith("/login.xhtml")) {
      throw new AssertionError("console sign-in failed: " + after.statusCode() + " " + after.uri());
    }
    return session;
  }

  /** Opens a page of the console; answers its status and body. */
  HttpResponse<String> get(String path) {
    return send(path, null);
  }

  private HttpResponse<String> send(String path, Map<String, String> form) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("X-Forwarded-For", ip)
            .header("Accept-Language", "en");
    if (form == null) {
      request.GET();
    } else {
      String body =
          form.entrySet().stream()
              .map(
                  e ->
                      URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                          + "="
                          + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      request
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
