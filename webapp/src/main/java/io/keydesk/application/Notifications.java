package io.keydesk.application;

import io.keydesk.domain.model.notification.Notice;

/**
 * Tells a buyer something by e-mail, SMS or the in-site inbox. {@link #send} only records the
 * notice, one row per channel, in the caller's transaction: if the change that causes it rolls
 * back, nothing is sent; if it commits, the notification relay sends it (retrying while a mail
 * server or SMS gateway is down) shortly after.
 *
 * <pre>{@code
 * notifications.send(
 *     Notice.to(contact, Template.ONE_TIME_CODE, "zh-CN",
 *         Map.of("code", "493021", "minutesValid", "10", "orderNo", orderNo)));
 * }</pre>
 */
public interface Notifications {
  /**
   * Records the notice for sending.
   *
   * @throws jakarta.transaction.TransactionalException when called outside a transaction (the
   *     notice would be sent even if the change it announces rolled back)
   * @throws IllegalArgumentException never here: a {@code Notice} checks itself when built
   */
  void send(Notice notice);
}
