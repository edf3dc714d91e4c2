package io.keydesk.infrastructure.notification;

import io.keydesk.domain.model.notification.Template;
import io.keydesk.domain.model.order.Contact;

/**
 * Sends a text message to a phone. Chosen by {@code keydesk.sms.gateway}: {@code log} (default, for
 * local runs: logs that a message would go out, never its text) or {@code http} (a provider's HTTP
 * API).
 */
public interface SmsGateway {
  /**
   * @param eventId the notification's id; gateways that support it use it to drop duplicates
   * @throws DeliveryException permanent when the gateway refuses the message for good
   */
  void send(String eventId, Contact phone, Template template, String text) throws DeliveryException;

  /** For the start-up log. */
  String describe();
}
