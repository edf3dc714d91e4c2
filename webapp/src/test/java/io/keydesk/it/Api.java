package io.keydesk.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A black-box HTTP client for the API, as an integrator would call it. */
public final class Api {
  public static final String SHOP_SECRET = "it-shop-secret";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final String base;

  public Api(URL deployment) {
    String url = deployment.toString();
    this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  public String base() {
    return base;
  }

  /** An answer: status, headers and the body parsed when it is JSON. */
  public record Answer(int status, HttpResponse<String> raw) {
    public JsonObject json() {
      return (JsonObject) parse();
    }

    public JsonArray array() {
      return (JsonArray) parse();
    }

    private JsonStructure parse() {
      try (var reader = Json.createReader(new StringReader(raw.body()))) {
        return reader.read();
      }
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public String contentType() {
      return header("Content-Type");
    }

    public String body() {
      return raw.body();
    }
  }

  public Answer get(String path, Map<String, String> headers) {
    return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
  }

  public Answer post(String path, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    return send(request, headers);
  }

  /** A POST whose body is streamed without a declared length (chunked), as a proxy may send it. */
  public Answer postChunked(String path, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(body)));
    return send(request, headers);
  }

  public Answer put(String path, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    return send(request, headers);
  }

  public Answer delete(String path, Map<String, String> headers) {
    return send(HttpRequest.newBuilder(uri(path)).DELETE(), headers);
  }

  /** One part of a multipart upload. */
  public record FilePart(String field, String fileName, String contentType, byte[] bytes) {
    public static FilePart file(String fileName, String contentType, byte[] bytes) {
      return new FilePart("file", fileName, contentType, bytes);
    }
  }

  /** A {@code multipart/form-data} POST, the body built by hand as a browser or curl would. */
  public Answer multipart(String path, List<FilePart> parts, Map<String, String> headers) {
    String boundary = "----keydesk-it-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (FilePart part : parts) {
      String head =
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\""
              + part.field()
              + "\"; filename=\""
              + part.fileName()
              + "\"\r\nContent-Type: "
              + part.contentType()
              + "\r\n\r\n";
      body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
      body.writeBytes(part.bytes());
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    return send(request, headers);
  }

  /** A GET whose body is kept as bytes (downloads). */
  public HttpResponse<byte[]> getBytes(String path, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    headers.forEach(request::header);
    try {
      return HTTP.send(
          request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A shop call signed with the shop secret and the current time. */
  public Answer signed(String path, String body) {
    long ts = Instant.now().getEpochSecond();
    return signedAt(path, body, ts, SHOP_SECRET);
  }

  public Answer signedAt(String path, String body, long timestamp, String secret) {
    return post(
        path,
        body,
        Map.of(
            "X-Keydesk-Timestamp",
            Long.toString(timestamp),
            "X-Keydesk-Signature",
            "sha256=" + hmac(secret, timestamp + "." + body)));
  }

  /** Imports an order with one key per entry of {@code codes}; returns the answer. */
  public Answer importOrder(String orderNo, String email, String sku, String... codes) {
    return signed("/api/v1/orders", orderJson(orderNo, email, sku, codes));
  }

  public static String orderJson(String orderNo, String email, String sku, String... codes) {
    StringBuilder keys = new StringBuilder();
    for (int i = 0; i < codes.length; i++) {
      keys.append(i == 0 ? "" : ",")
          .append("{\"index\":")
          .append(i)
          .append(",\"code\":\"")
          .append(codes[i])
          .append("\",\"batch\":\"IT-BATCH-1\"}");
    }
    return "{\"orderNo\":\""
        + orderNo
        + "\",\"buyer\":{\"email\":\""
        + email
        + "\"},\"product\":{\"sku\":\""
        + sku
        + "\",\"name\":\"Test product "
        + sku
        + "\",\"supplier\":{\"code\":\"IT-SUP\",\"name\":\"IT supplier\"}},"
        + "\"quantity\":"
        + Math.max(1, codes.length)
        + ",\"amount\":\"10.00\",\"currency\":\"CNY\",\"paidAt\":\"2026-11-20T10:00:00Z\","
        + "\"keys\":["
        + keys
        + "]}";
  }

  /** Opens a buyer session and returns the bearer token. */
  public String buyerToken(String orderNo, String contact) {
    Answer a =
        post(
            "/api/v1/buyer/sessions",
            "{\"orderNo\":\"" + orderNo + "\",\"contact\":\"" + contact + "\"}",
            Map.of("X-Forwarded-For", uniqueIp()));
    if (a.status() != 201) {
      throw new AssertionError("buyer session failed: " + a.status() + " " + a.body());
    }
    return a.json().getString("token");
  }

  /**
   * Tokens already issued in this test run, by username and password: a token lasts 12 hours, and
   * signing in for every call would run into the per-user sign-in limit of a shared test server.
   */
  private static final Map<String, String> STAFF_TOKENS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Signs in as staff (once per user and password in a test run) and returns the bearer token. */
  public String staffToken(String username, String password) {
    return STAFF_TOKENS.computeIfAbsent(
        base + "|" + username + "|" + password, k -> signIn(username, password));
  }

  private String signIn(String username, String password) {
    Answer a =
        post(
            "/api/v1/ops/tokens",
            "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}",
            Map.of("X-Forwarded-For", uniqueIp()));
    if (a.status() != 201) {
      throw new AssertionError("staff sign-in failed: " + a.status() + " " + a.body());
    }
    return a.json().getString("token");
  }

  public static Map<String, String> bearer(String token) {
    return Map.of("Authorization", "Bearer " + token);
  }

  /** A fresh client address per call site, so rate limits of one test do not hit another. */
  public static String uniqueIp() {
    int n = (int) (UUID.randomUUID().getLeastSignificantBits() & 0xFFFFFF);
    return "10." + ((n >> 16) & 0xFF) + "." + ((n >> 8) & 0xFF) + "." + (n & 0xFF);
  }

  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  static String hmac(String secret, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }

  private static Answer send(HttpRequest.Builder request, Map<String, String> headers) {
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          HTTP.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
