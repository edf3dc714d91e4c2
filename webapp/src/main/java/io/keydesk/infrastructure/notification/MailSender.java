package io.keydesk.infrastructure.notification;

import io.keydesk.domain.model.order.Contact;
import io.keydesk.infrastructure.notification.NoticeTexts.Rendered;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends notices by e-mail with Jakarta Mail over SMTP: a plain-text part and a simple HTML part
 * ({@code multipart/alternative}), subject and body in the buyer's language, UTF-8. Settings are
 * {@code keydesk.mail.*} (docs/operations.md); the password only from the environment or a Payara
 * password alias.
 */
@ApplicationScoped
public class MailSender {
  /** How the connection to the mail server is protected. */
  enum Tls {
    /** Plain SMTP (a local test server). */
    NONE,
    /** STARTTLS, required: the server must offer it (port 587). */
    STARTTLS,
    /** SMTP inside TLS from the first byte (port 465). */
    SSL
  }

  @Inject
  @ConfigProperty(name = "keydesk.mail.host", defaultValue = "127.0.0.1")
  String host;

  @Inject
  @ConfigProperty(name = "keydesk.mail.port", defaultValue = "3025")
  int port;

  @Inject
  @ConfigProperty(name = "keydesk.mail.user")
  Optional<String> user;

  @Inject
  @ConfigProperty(name = "keydesk.mail.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "keydesk.mail.from", defaultValue = "Keydesk <no-reply@keydesk.local>")
  String from;

  @Inject
  @ConfigProperty(name = "keydesk.mail.tls", defaultValue = "none")
  String tlsSetting;

  @Inject
  @ConfigProperty(name = "keydesk.mail.timeout-ms", defaultValue = "10000")
  int timeoutMs;

  private Session session;
  private InternetAddress sender;
  private Tls tls;

  @PostConstruct
  void configure() {
    try {
      tls = Tls.valueOf(tlsSetting.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "keydesk.mail.tls must be none, starttls or ssl, but is \"" + tlsSetting + "\"", e);
    }
    try {
      sender = new InternetAddress(from, true);
    } catch (AddressException e) {
      throw new IllegalArgumentException(
          "keydesk.mail.from is not an e-mail address: \"" + from + "\"", e);
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("keydesk.mail.port must be 1 to 65535, but is " + port);
    }
    session = session(host, port, tls, user, password, timeoutMs);
  }

  static Session session(
      String host,
      int port,
      Tls tls,
      Optional<String> user,
      Optional<String> password,
      int timeoutMs) {
    Properties props = new Properties();
    props.put("mail.transport.protocol", "smtp");
    props.put("mail.smtp.host", host);
    props.put("mail.smtp.port", Integer.toString(port));
    props.put("mail.smtp.connectiontimeout", Integer.toString(timeoutMs));
    props.put("mail.smtp.timeout", Integer.toString(timeoutMs));
    props.put("mail.smtp.writetimeout", Integer.toString(timeoutMs));
    switch (tls) {
      case STARTTLS -> {
        props.put("mail.smtp.starttls.enable", "true");
        props.put("mail.smtp.starttls.required", "true");
        props.put("mail.smtp.ssl.checkserveridentity", "true");
      }
      case SSL -> {
        props.put("mail.smtp.ssl.enable", "true");
        props.put("mail.smtp.ssl.checkserveridentity", "true");
      }
      case NONE -> {
        // plain SMTP
      }
    }
    Authenticator auth = null;
    if (user.filter(u -> !u.isBlank()).isPresent()) {
      props.put("mail.smtp.auth", "true");
      String name = user.get();
      String secret = password.orElse("");
      auth =
          new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
              return new PasswordAuthentication(name, secret);
            }
          };
    }
    return Session.getInstance(props, auth);
  }

  /** For the start-up log: where mail goes, without the password. */
  String describe() {
    return "SMTP "
        + host
        + ":"
        + port
        + " ("
        + tls.name().toLowerCase(Locale.ROOT)
        + (user.filter(u -> !u.isBlank()).isPresent() ? ", as " + user.get() : "")
        + ") from "
        + sender.getAddress();
  }

  /**
   * Sends one message.
   *
   * @param eventId goes out as {@code X-Keydesk-Notification}, so a message sent twice (the
   *     database commit after a successful send failed) can be recognised
   * @throws DeliveryException permanent when the server refuses the recipient, otherwise to retry
   */
  void send(Contact to, Rendered texts, String language, String eventId) throws DeliveryException {
    deliver(
        to.value(),
        texts.subject(),
        language,
        "X-Keydesk-Notification",
        eventId,
        () -> {
          MimeBodyPart plain = new MimeBodyPart();
          plain.setText(texts.text(), "UTF-8", "plain");
          MimeBodyPart html = new MimeBodyPart();
          html.setText(texts.html(), "UTF-8", "html");
          MimeMultipart alternative = new MimeMultipart("alternative");
          alternative.addBodyPart(plain);
          alternative.addBodyPart(html);
          return alternative;
        });
  }

  /**
   * Sends a plain-text message with one attachment (scheduled supplier reports).
   *
   * @param id goes out as {@code X-Keydesk-Report}
   * @throws DeliveryException permanent when the server refuses the recipient, otherwise to retry
   */
  public void sendWithAttachment(
      String to,
      String subject,
      String text,
      String language,
      byte[] attachment,
      String contentType,
      String fileName,
      String id)
      throws DeliveryException {
    deliver(
        to,
        subject,
        language,
        "X-Keydesk-Report",
        id,
        () -> {
          MimeBodyPart plain = new MimeBodyPart();
          plain.setText(text, "UTF-8", "plain");
          MimeBodyPart file = new MimeBodyPart();
          file.setDataHandler(
              new jakarta.activation.DataHandler(
                  new jakarta.mail.util.ByteArrayDataSource(attachment, contentType)));
          file.setFileName(fileName);
          file.setDisposition(jakarta.mail.Part.ATTACHMENT);
          MimeMultipart mixed = new MimeMultipart("mixed");
          mixed.addBodyPart(plain);
          mixed.addBodyPart(file);
          return mixed;
        });
  }

  /** The body of one message. */
  private interface Body {
    MimeMultipart build() throws MessagingException;
  }

  /**
   * Sends one automatic message with Keydesk's headers; {@code idHeader: id} lets a message sent
   * twice be recognised.
   */
  private void deliver(
      String to, String subject, String language, String idHeader, String id, Body body)
      throws DeliveryException {
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(sender);
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
      message.setSubject(subject, "UTF-8");
      message.setSentDate(new Date());
      message.setHeader("Content-Language", language);
      message.setHeader(idHeader, id);
      message.setHeader("Auto-Submitted", "auto-generated");
      message.setContent(body.build());
      message.saveChanges();
      Transport.send(message);
    } catch (AddressException e) {
      throw DeliveryException.refused("not a deliverable e-mail address");
    } catch (SendFailedException e) {
      if (e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0) {
        throw DeliveryException.refused("the mail server refused the recipient: " + reason(e));
      }
      throw DeliveryException.retry(reason(e), e);
    } catch (MessagingException e) {
      throw DeliveryException.retry(reason(e), e);
    }
  }

  /** The innermost message, which says what happened (connection refused, timeout, 4xx …). */
  static String reason(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? "" : ": " + t.getMessage().strip();
    return t.getClass().getSimpleName() + message;
  }
}
