package io.keydesk.infrastructure.security;

import java.util.Optional;

/**
 * The token of an {@code Authorization: Bearer …} header. The scheme name is case-insensitive (RFC
 * 9110, section 11.1), and some HTTP clients send it in lower case.
 */
public final class BearerToken {
  private static final String SCHEME = "Bearer ";

  private BearerToken() {}

  /** The token, or empty when the header is missing, of another scheme, or has no token. */
  public static Optional<String> from(String authorization) {
    if (authorization == null
        || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return Optional.empty();
    }
    String token = authorization.substring(SCHEME.length()).strip();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }
}
