package io.keydesk.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;

/**
 * How often staff may try to sign in, shared by the console's form and the API's token endpoint
 * (and by all app instances): {@value #PER_ADDRESS} attempts per client address per 10 minutes, and
 * {@value #PER_USER} per username per 15 minutes from any number of addresses, so that guessing one
 * account's password from many addresses is slowed down too. An unknown username is counted like a
 * known one, so the answer never tells which accounts exist.
 */
@ApplicationScoped
public class SignInLimits {
  static final int PER_ADDRESS = 20;
  static final int PER_USER = 30;

  @Inject RateLimiter limiter;

  /** Counts one attempt; refused when the address or the username has tried too often lately. */
  public RateLimiter.Decision attempt(String clientAddress, String username) {
    RateLimiter.Decision address =
        limiter.hit(
            "staff-login:ip:" + AddressBucket.of(clientAddress),
            PER_ADDRESS,
            Duration.ofMinutes(10));
    if (!address.allowed()) {
      return address;
    }
    String user = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    return limiter.hit("staff-login:user:" + user, PER_USER, Duration.ofMinutes(15));
  }
}
