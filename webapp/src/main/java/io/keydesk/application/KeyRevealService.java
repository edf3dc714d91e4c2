package io.keydesk.application;

import io.keydesk.application.AccessTokens.BuyerIdentity;
import io.keydesk.domain.model.notification.Notice;
import io.keydesk.domain.model.notification.Template;
import io.keydesk.domain.model.order.CardKey;
import io.keydesk.domain.model.order.CardKeyStatus;
import io.keydesk.domain.model.order.CardKeyVault;
import io.keydesk.domain.model.order.OneTimeCodes;
import io.keydesk.domain.model.order.Order;
import io.keydesk.domain.model.order.OrderRepository;
import io.keydesk.domain.model.ticket.Actor;
import io.keydesk.domain.shared.DomainException;
import io.keydesk.domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shows a delivered key to its buyer again, after a one-time code sent to the contact of the
 * session: the self-service answer to "I never got my key" when it was delivered (DESIGN.md). Also
 * sends the whole delivery again on request. Codes live {@link #VALID}, allow {@link #ATTEMPTS}
 * wrong tries, and at most {@link #CODES_PER_WINDOW} are sent per key per {@link #CODE_WINDOW}.
 */
@ApplicationScoped
public class KeyRevealService {
  static final Duration VALID = Duration.ofMinutes(10);
  static final int ATTEMPTS = 5;
  static final int CODES_PER_WINDOW = 3;
  static final Duration CODE_WINDOW = Duration.ofMinutes(15);

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject OrderRepository orders;
  @Inject OneTimeCodes codes;
  @Inject CardKeyVault vault;
  @Inject Notifications notifications;
  @Inject DeliveryNotices delivery;
  @Inject RateLimiter limiter;
  @Inject Audit audit;
  @Inject Clock clock;

  /** Where the code went and until when it is good. */
  public record CodeSent(String sentTo, Instant expiresAt) {}

  /** The key in clear, for its verified buyer only. */
  public record RevealedKey(int index, String code, String secret, Instant revealedAt) {
    @Override
    public String toString() {
      return "RevealedKey[index=" + index + ", redacted]";
    }
  }

  /** Why a code was not accepted; the attempt is counted all the same. */
  public enum Refusal {
    NO_CODE,
    WRONG_CODE,
    TOO_MANY_ATTEMPTS
  }

  /** Either the key or the refusal. */
  public record Reveal(RevealedKey key, Refusal refusal, int attemptsLeft) {}

  @Transactional(dontRollbackOn = TooManyRequestsException.class)
  public CodeSent sendCode(BuyerIdentity buyer, String orderNo, int index, String language) {
    Order order = own(buyer, orderNo);
    revealable(order, index);
    RateLimiter.Decision allowed =
        limiter.hit("reveal-code:" + order.orderNo() + ":" + index, CODES_PER_WINDOW, CODE_WINDOW);
    if (!allowed.allowed()) {
      throw new TooManyRequestsException(allowed.retryAfter());
    }
    Instant now = clock.instant();
    String code = String.format("%06d", RANDOM.nextInt(1_000_000));
    Instant expires = now.plus(VALID);
    codes.add(order, index, hash(order, index, code), now, expires);
    Map<String, String> params = new LinkedHashMap<>();
    params.put("code", code);
    params.put("minutesValid", Long.toString(VALID.toMinutes()));
    params.put("orderNo", order.orderNo());
    notifications.send(
        Notice.to(buyer.contact(), Template.ONE_TIME_CODE, language(language), params));
    return new CodeSent(buyer.contact().masked(), expires);
  }

  /**
   * Checks the code; a wrong one is counted (committed) and refused.
   *
   * @param clientIp where the buyer asks from, kept with the key's first reveal (may be null)
   */
  @Transactional
  public Reveal reveal(
      BuyerIdentity buyer, String orderNo, int index, String code, String clientIp) {
    Order order = own(buyer, orderNo);
    CardKey key = revealable(order, index);
    Instant now = clock.instant();
    OneTimeCodes.Pending pending = codes.pendingForUpdate(order, index, now).orElse(null);
    if (pending == null) {
      return new Reveal(null, Refusal.NO_CODE, 0);
    }
    if (pending.attempts() >= ATTEMPTS) {
      return new Reveal(null, Refusal.TOO_MANY_ATTEMPTS, 0);
    }
    String given = code == null ? "" : code.strip();
    if (!MessageDigest.isEqual(
        pending.codeHash().getBytes(StandardCharsets.US_ASCII),
        hash(order, index, given).getBytes(StandardCharsets.US_ASCII))) {
      codes.countFailedAttempt(pending.id());
      int left = ATTEMPTS - pending.attempts() - 1;
      return new Reveal(null, left <= 0 ? Refusal.TOO_MANY_ATTEMPTS : Refusal.WRONG_CODE, left);
    }
    codes.markUsed(pending.id(), now);
    key.markRevealed(now, clientIp);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("order", order.orderNo());
    details.put("keyIndex", index);
    details.put("fingerprint", key.fingerprint());
    details.put("clientIp", clientIp);
    audit.record(Actor.buyer(), "key.revealed", "order", order.orderNo(), details, now);
    return new Reveal(
        new RevealedKey(
            index,
            vault.open(key.code()),
            key.secret().map(vault::open).orElse(null),
            key.revealedAt().orElse(now)),
        null,
        ATTEMPTS - pending.attempts());
  }

  /** Sends the delivery again (rate-limited per order). */
  @Transactional(dontRollbackOn = TooManyRequestsException.class)
  public void resendDelivery(BuyerIdentity buyer, String orderNo, String language) {
    Order order = own(buyer, orderNo);
    if (order.heldKeys().isEmpty()) {
      throw new DomainException(
          "nothing-delivered",
          order.keys().isEmpty()
              ? "no key of this order was delivered yet"
              : "no key of this order is still yours: refunded or withdrawn keys are not sent");
    }
    RateLimiter.Decision sent =
        delivery.resend(order, buyer.contact(), language(language), clock.instant());
    if (!sent.allowed()) {
      throw new TooManyRequestsException(sent.retryAfter());
    }
  }

  private Order own(BuyerIdentity buyer, String orderNo) {
    return orders
        .find(orderNo)
        .filter(o -> o.belongsTo(buyer.contact()))
        .orElseThrow(() -> new NotFoundException("order"));
  }

  private static CardKey revealable(Order order, int index) {
    CardKey key = order.key(index).orElseThrow(() -> new NotFoundException("key"));
    if (key.status() == CardKeyStatus.REFUNDED || key.status() == CardKeyStatus.VOIDED) {
      throw new DomainException(
          "key-not-revealable",
          "this key was "
              + key.status().name().toLowerCase(java.util.Locale.ROOT)
              + " and cannot be shown");
    }
    return key;
  }

  /** Keyed (HMAC with the fingerprint key), bound to the order and the key. */
  private String hash(Order order, int index, String code) {
    return vault.fingerprint("otc:" + order.orderNo() + ":" + index + ":" + code);
  }

  private static String language(String language) {
    return "zh-CN".equals(language) ? "zh-CN" : "en";
  }
}
