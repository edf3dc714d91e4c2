package io.keydesk.infrastructure.notification;

import static io.keydesk.infrastructure.persistence.SqlTimes.utc;

import io.keydesk.domain.model.notification.Channel;
import io.keydesk.domain.model.notification.InboxMessage;
import io.keydesk.domain.model.notification.InboxRepository;
import io.keydesk.domain.model.notification.Template;
import io.keydesk.domain.model.order.CardKey;
import io.keydesk.domain.model.order.CardKeyVault;
import io.keydesk.domain.model.order.Contact;
import io.keydesk.domain.model.order.Order;
import io.keydesk.domain.model.order.OrderRepository;
import io.keydesk.infrastructure.notification.NoticeTexts.KeyText;
import io.keydesk.infrastructure.notification.NoticeTexts.Rendered;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends one due notification in one database transaction: the row is taken with {@code FOR UPDATE
 * SKIP LOCKED} (another instance skips it instead of sending it too), rendered, sent, and marked
 * sent or failed in the same transaction. A send that succeeded but whose commit then failed is
 * sent again later: delivery is at least once, and every mail and SMS carries the notification id.
 */
@ApplicationScoped
public class NotificationDelivery {
  /** Looked up once: {@code Json.create…} scans the class path for the provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @PersistenceContext private EntityManager em;
  @Inject MailSender mail;
  @Inject SmsGateway sms;
  @Inject InboxRepository inbox;
  @Inject OrderRepository orders;
  @Inject CardKeyVault vault;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "keydesk.public-url", defaultValue = "http://localhost:8080")
  String publicUrl;

  /** The portal's address in links to buyers; {@code keydesk.public-url} when not set. */
  @Inject
  @ConfigProperty(name = "keydesk.portal.base-url")
  java.util.Optional<String> portalBaseUrl;

  @Inject
  @ConfigProperty(name = "keydesk.notify.retry-first-ms", defaultValue = "10000")
  long retryFirstMs;

  @Inject
  @ConfigProperty(name = "keydesk.notify.retry-max-ms", defaultValue = "900000")
  long retryMaxMs;

  private NoticeTexts texts;
  private Backoff backoff;

  /** What happened to the row {@link #deliverNext} took. */
  public enum Result {
    /** Nothing was due on the channels asked for. */
    NONE,
    SENT,
    /** Failed; the row waits for its next attempt. */
    RETRY,
    /**
     * This row could not be prepared (a text or a sealed value that does not open): the row waits
     * for its next attempt, the channel goes on with the others.
     */
    BROKEN,
    /** Refused for good. */
    FAILED,
    /** A one-time code that ran out before it could be sent. */
    EXPIRED
  }

  /** The outcome of one step; {@code error} never holds a key, a code or a full contact. */
  public record Outcome(Result result, Channel channel, Template template, String error) {
    static final Outcome NONE = new Outcome(Result.NONE, null, null, null);
  }

  @PostConstruct
  void configure() {
    texts = new NoticeTexts(portalBaseUrl.filter(u -> !u.isBlank()).orElse(publicUrl));
    backoff = new Backoff(Duration.ofMillis(retryFirstMs), Duration.ofMillis(retryMaxMs));
  }

  Backoff backoff() {
    return backoff;
  }

  /** For the start-up log: where each channel goes. */
  String describe() {
    return "e-mail via " + mail.describe() + "; " + sms.describe() + "; retries " + backoff;
  }

  /**
   * Sends the oldest due notification on one of {@code channels}, if any.
   *
   * @return what happened to it ({@link Result#NONE} when nothing was due)
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Outcome deliverNext(Set<Channel> channels) {
    if (channels.isEmpty()) {
      return Outcome.NONE;
    }
    Instant now = clock.instant();
    String names =
        channels.stream().map(c -> "'" + c.name() + "'").sorted().collect(Collectors.joining(","));
    List<?> ids =
        em.createNativeQuery(
                "SELECT id FROM notification WHERE status = 'PENDING' AND next_attempt_at <= ?"
                    + " AND channel IN ("
                    + names
                    + ") ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED")
            .setParameter(1, utc(now))
            .getResultList();
    if (ids.isEmpty()) {
      return Outcome.NONE;
    }
    NotificationRecord row = em.find(NotificationRecord.class, ((Number) ids.get(0)).longValue());
    if (row.expired(now)) {
      row.markExpired();
      return new Outcome(Result.EXPIRED, row.channel(), row.template(), null);
    }
    try {
      deliver(row, now);
      row.markSent(now);
      return new Outcome(Result.SENT, row.channel(), row.template(), null);
    } catch (DeliveryException e) {
      if (e.permanent()) {
        row.markRefused(e.getMessage());
        return new Outcome(Result.FAILED, row.channel(), row.template(), e.getMessage());
      }
      row.markFailed(e.getMessage(), now.plus(backoff.after(row.attempts() + 1)));
      return new Outcome(Result.RETRY, row.channel(), row.template(), e.getMessage());
    } catch (RuntimeException e) {
      String error = MailSender.reason(e);
      row.markFailed(error, now.plus(backoff.after(row.attempts() + 1)));
      return new Outcome(Result.BROKEN, row.channel(), row.template(), error);
    }
  }

  private void deliver(NotificationRecord row, Instant now) throws DeliveryException {
    Map<String, String> params = params(row);
    Contact to = row.contact();
    switch (row.channel()) {
      case EMAIL -> {
        Rendered r = texts.render(row.template(), row.language(), params, keys(row, params));
        mail.send(to, r, row.language(), row.eventId());
      }
      case SMS -> {
        Rendered r = texts.render(row.template(), row.language(), params, keys(row, params));
        sms.send(row.eventId(), to, row.template(), r.sms());
      }
      case INBOX -> {
        if (inbox.findByEventId(row.eventId()).isPresent()) {
          return;
        }
        Rendered r = texts.render(row.template(), row.language(), params, List.of());
        inbox.store(
            new InboxMessage(
                row.eventId(),
                to,
                row.language(),
                clip(r.inboxTitle(), InboxMessage.MAX_TITLE),
                clip(r.inboxBody(), InboxMessage.MAX_BODY),
                params.get("ticketNo"),
                params.get("orderNo"),
                now));
      }
    }
  }

  /** The stored parameters with the secret ones opened. */
  private Map<String, String> params(NotificationRecord row) {
    Map<String, String> params = new LinkedHashMap<>(parse(row.params()));
    row.secrets().ifPresent(box -> params.putAll(parse(vault.open(box))));
    return params;
  }

  /**
   * The keys of a {@link Template#DELIVERY_RESEND}, opened in memory for this one send; only for
   * the order's own buyer, and only the keys the buyer still holds (never a refunded key, whose
   * code went back to stock, nor a voided or replaced one).
   */
  private List<KeyText> keys(NotificationRecord row, Map<String, String> params)
      throws DeliveryException {
    if (row.template() != Template.DELIVERY_RESEND) {
      return List.of();
    }
    Order order =
        orders
            .find(params.get("orderNo"))
            .filter(o -> o.belongsTo(row.contact()))
            .orElseThrow(() -> DeliveryException.refused("no such order for this contact"));
    List<KeyText> keys = order.heldKeys().stream().map(this::open).toList();
    if (keys.isEmpty()) {
      throw DeliveryException.refused("the buyer holds no key of the order");
    }
    return keys;
  }

  private KeyText open(CardKey key) {
    return new KeyText(
        key.keyIndex(), vault.open(key.code()), key.secret().map(vault::open).orElse(null));
  }

  static Map<String, String> parse(String json) {
    try (JsonReader reader = JSON.createReader(new StringReader(json))) {
      JsonObject object = reader.readObject();
      Map<String, String> values = new LinkedHashMap<>();
      object.forEach((k, v) -> values.put(k, ((JsonString) v).getString()));
      return values;
    }
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  /** Rows whose one-time code ran out: cleared in bulk, so their sealed codes do not linger. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int expireOverdue() {
    return em.createNativeQuery(
            "UPDATE notification SET status = 'EXPIRED', secrets_sealed = NULL,"
                + " crypto_version = NULL, last_error = 'expired before it could be sent'"
                + " WHERE status = 'PENDING' AND expires_at <= ?")
        .setParameter(1, utc(clock.instant()))
        .executeUpdate();
  }

  /** Notifications waiting to be sent, and for how long the oldest has waited. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Backlog backlog() {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT COUNT(*), COALESCE(TIMESTAMPDIFF(SECOND, MIN(created_at),"
                        + " UTC_TIMESTAMP(3)), 0) FROM notification WHERE status = 'PENDING'")
                .getSingleResult();
    return new Backlog(
        ((Number) row[0]).longValue(), Duration.ofSeconds(((Number) row[1]).longValue()));
  }

  /** Pending notifications and the age of the oldest. */
  public record Backlog(long pending, Duration oldestAge) {}
}
