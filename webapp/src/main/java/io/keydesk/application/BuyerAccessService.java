package io.keydesk.application;

import io.keydesk.application.AccessTokens.BuyerIdentity;
import io.keydesk.domain.model.order.Contact;
import io.keydesk.domain.model.order.Order;
import io.keydesk.domain.model.order.OrderRepository;
import io.keydesk.infrastructure.crypto.Digests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Buyers have no accounts: an order number and its contact open a short-lived session. A wrong
 * contact and an unknown order take the same path and get the same answer, so order numbers cannot
 * be probed; attempts are limited per client IP and per order number.
 */
@ApplicationScoped
public class BuyerAccessService {
  private static final Contact NO_CONTACT = new Contact("nobody@no-such-contact.invalid");

  @Inject OrderRepository orders;
  @Inject AccessTokens tokens;
  @Inject RateLimiter limiter;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "keydesk.buyer.session-minutes", defaultValue = "120")
  long sessionMinutes;

  @Inject
  @ConfigProperty(name = "keydesk.buyer.limit-per-ip", defaultValue = "30")
  int limitPerIp;

  @Inject
  @ConfigProperty(name = "keydesk.buyer.limit-per-order", defaultValue = "10")
  int limitPerOrder;

  @Inject
  @ConfigProperty(name = "keydesk.buyer.limit-window-minutes", defaultValue = "10")
  long limitWindowMinutes;

  @Inject
  @ConfigProperty(name = "keydesk.buyer.magic-link-ttl", defaultValue = "PT24H")
  String magicLinkTtl;

  /** Prefix of magic link tokens (session tokens start with {@code kdb_}). */
  public static final String MAGIC_PREFIX = "kdm_";

  /** A new session: the token (shown once) and when it expires. */
  public record BuyerSession(String token, Instant expiresAt) {}

  /**
   * Opens a session when the contact is the order's buyer.
   *
   * @return empty for a wrong contact or an unknown order alike
   * @throws TooManyRequestsException when the IP or the order number is over its limit
   */
  @Transactional(dontRollbackOn = TooManyRequestsException.class)
  public Optional<BuyerSession> openSession(String orderNo, String rawContact, String clientIp) {
    Duration window = Duration.ofMinutes(limitWindowMinutes);
    RateLimiter.Decision byIp =
        limiter.hit("buyer-session:ip:" + AddressBucket.of(clientIp), limitPerIp, window);
    RateLimiter.Decision byOrder =
        limiter.hit("buyer-session:order:" + normaliseOrderNo(orderNo), limitPerOrder, window);
    if (!byIp.allowed() || !byOrder.allowed()) {
      throw new TooManyRequestsException(max(byIp.retryAfter(), byOrder.retryAfter()));
    }
    Optional<Contact> contact = Contact.parse(rawContact);
    Optional<Order> order =
        orderNo == null || orderNo.isBlank() || orderNo.length() > 64
            ? Optional.empty()
            : orders.find(orderNo.strip());
    Optional<Contact> proven = provenContact(order, contact);
    if (proven.isEmpty()) {
      return Optional.empty();
    }
    String token = Digests.randomToken("kdb_", 32);
    Instant expires = clock.instant().plus(Duration.ofMinutes(sessionMinutes));
    tokens.storeBuyerSession(Digests.sha256Hex(token), proven.get(), order.get().id(), expires);
    return Optional.of(new BuyerSession(token, expires));
  }

  /**
   * A single-use link token for the delivery e-mail: it opens a session for this order's contact
   * once, within {@code keydesk.buyer.magic-link-ttl} (ISO-8601, default {@code PT24H}). Only its
   * hash is stored. Call inside the transaction that sends the notice.
   *
   * @return the token, to be put in the link and nowhere else (never logged)
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public String issueMagicLink(Order order, Contact contact) {
    if (!order.belongsTo(contact)) {
      throw new IllegalArgumentException("the contact is not the order's");
    }
    String token = Digests.randomToken(MAGIC_PREFIX, 32);
    Instant expires = clock.instant().plus(magicLinkTtl());
    tokens.storeMagicLink(Digests.sha256Hex(token), contact, order.id(), expires);
    return token;
  }

  /**
   * Opens a session with a magic link, the same session {@link #openSession} opens. An unknown,
   * used and expired link get the same empty answer. Limited per client IP like {@link
   * #openSession}.
   *
   * @throws TooManyRequestsException when the IP is over its limit
   */
  @Transactional(dontRollbackOn = TooManyRequestsException.class)
  public Optional<BuyerSession> openWithMagicLink(String token, String clientIp) {
    Duration window = Duration.ofMinutes(limitWindowMinutes);
    RateLimiter.Decision byIp =
        limiter.hit("buyer-session:ip:" + AddressBucket.of(clientIp), limitPerIp, window);
    if (!byIp.allowed()) {
      throw new TooManyRequestsException(byIp.retryAfter());
    }
    if (token == null || !token.startsWith(MAGIC_PREFIX) || token.length() > 100) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return tokens
        .useMagicLink(Digests.sha256Hex(token), now)
        .map(
            use -> {
              String sessionToken = Digests.randomToken("kdb_", 32);
              Instant expires = now.plus(Duration.ofMinutes(sessionMinutes));
              tokens.storeBuyerSession(
                  Digests.sha256Hex(sessionToken), use.contact(), use.orderId(), expires);
              return new BuyerSession(sessionToken, expires);
            });
  }

  /** How long a magic link works. */
  public Duration magicLinkTtl() {
    Duration ttl = Duration.parse(magicLinkTtl);
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalStateException("keydesk.buyer.magic-link-ttl must be positive");
    }
    return ttl;
  }

  /** The buyer a token stands for, while it is valid. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<BuyerIdentity> identify(String token) {
    if (token == null || !token.startsWith("kdb_") || token.length() > 100) {
      return Optional.empty();
    }
    return tokens.buyerSession(Digests.sha256Hex(token), clock.instant());
  }

  /**
   * The order's own contact that the given one names (a phone number may be typed with or without
   * its country code), so the session carries the contact as the shop sent it. Compares in the same
   * way whether or not the order exists.
   */
  private static Optional<Contact> provenContact(Optional<Order> order, Optional<Contact> contact) {
    Contact given = contact.orElse(NO_CONTACT);
    Contact email = order.flatMap(Order::buyerEmail).map(Contact::new).orElse(NO_CONTACT);
    Contact phone = order.flatMap(Order::buyerPhone).map(Contact::new).orElse(NO_CONTACT);
    boolean byEmail = Digests.equalsConstantTime(given.value(), email.value());
    boolean byPhone = given.designates(phone);
    if (order.isEmpty() || contact.isEmpty()) {
      return Optional.empty();
    }
    return byEmail ? Optional.of(email) : byPhone ? Optional.of(phone) : Optional.empty();
  }

  private static String normaliseOrderNo(String orderNo) {
    if (orderNo == null) {
      return "";
    }
    String s = orderNo.strip();
    return s.length() > 64 ? s.substring(0, 64) : s;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) > 0 ? a : b;
  }
}
