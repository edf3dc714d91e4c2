package io.keydesk.infrastructure.supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Where and how each supplier is called, from MicroProfile Config: {@code
 * keydesk.supplier.verify-url.<SUPPLIER CODE>} or else {@code keydesk.supplier.verify-url}; {@code
 * keydesk.supplier.secret.<SUPPLIER CODE>} or else {@code keydesk.supplier.secret}; {@code
 * keydesk.supplier.timeout-ms} (default 3000). Plain http is accepted for loopback addresses only
 * (the simulated supplier) unless {@code keydesk.supplier.allow-http=true}: the request carries the
 * card key.
 */
@ApplicationScoped
public class SupplierEndpoints {
  static final String URL = "keydesk.supplier.verify-url";
  static final String SECRET = "keydesk.supplier.secret";
  static final String TIMEOUT = "keydesk.supplier.timeout-ms";
  static final String ALLOW_HTTP = "keydesk.supplier.allow-http";

  @Inject Config config;

  /** How to reach one supplier, or why it cannot be reached. */
  public record Endpoint(URI url, String secret, String problem) {
    boolean usable() {
      return problem == null;
    }

    @Override
    public String toString() {
      return "Endpoint[" + url + (problem == null ? "" : ", " + problem) + "]";
    }
  }

  public Endpoint of(String supplierCode) {
    Optional<String> url = perSupplier(URL, supplierCode);
    if (url.isEmpty()) {
      return new Endpoint(null, null, "no verify URL configured (" + URL + ")");
    }
    URI uri;
    try {
      uri = URI.create(url.get().strip());
    } catch (IllegalArgumentException e) {
      return new Endpoint(null, null, "the verify URL is not a URL");
    }
    Optional<String> secret = perSupplier(SECRET, supplierCode);
    if (secret.isEmpty()) {
      return new Endpoint(uri, null, "no signing secret configured (" + SECRET + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean secure = scheme.equals("https");
    if (!secure && !(scheme.equals("http") && (allowHttp() || isLoopback(uri.getHost())))) {
      return new Endpoint(
          uri, secret.get(), "refusing to send a key over " + scheme + " to " + uri.getHost());
    }
    return new Endpoint(uri, secret.get(), null);
  }

  public Duration timeout() {
    long ms = config.getOptionalValue(TIMEOUT, Long.class).orElse(3000L);
    return Duration.ofMillis(Math.max(100, ms));
  }

  private boolean allowHttp() {
    return config.getOptionalValue(ALLOW_HTTP, Boolean.class).orElse(false);
  }

  private Optional<String> perSupplier(String name, String supplierCode) {
    return config
        .getOptionalValue(name + "." + supplierCode, String.class)
        .or(() -> config.getOptionalValue(name, String.class))
        .filter(v -> !v.isBlank());
  }

  static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (!literal.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false; // only literal addresses: never resolve a name to decide
    }
    try {
      return InetAddress.getByName(literal).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
