package io.keydesk.infrastructure.notification;

import io.keydesk.domain.model.notification.Template;
import io.keydesk.domain.model.order.Contact;
import java.util.logging.Logger;

/**
 * The local stand-in for an SMS provider: logs which template would go to which (masked) number.
 * Never the text: it may hold a one-time code or a card key.
 */
public class LogSmsGateway implements SmsGateway {
  private static final Logger LOG = Logger.getLogger(LogSmsGateway.class.getName());

  @Override
  public void send(String eventId, Contact phone, Template template, String text) {
    LOG.info(
        () ->
            "SMS "
                + template
                + " to "
                + phone.masked()
                + " ("
                + text.length()
                + " characters, notification "
                + eventId
                + ") not sent: keydesk.sms.gateway=log");
  }

  @Override
  public String describe() {
    return "SMS: logged only (keydesk.sms.gateway=log)";
  }
}
