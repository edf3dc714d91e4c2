package io.keydesk.bench.claims;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.keydesk.embedded.Ports;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * The SMTP server the app sends its mail to during the simulation (GreenMail, in this JVM, on a
 * free port of 127.0.0.1). Simulated buyers read their one-time codes here, as a real buyer reads
 * them in their mailbox. It keeps every message until it is closed.
 */
final class MailCatcher implements AutoCloseable {
  /** The code in the English and the Chinese body ("… is 123456." / "… 验证码是 123456，"). */
  private static final java.util.regex.Pattern CODE =
      java.util.regex.Pattern.compile("(?:is|是)\\s*(\\d{6})(?!\\d)");

  private final GreenMail server;

  private MailCatcher(GreenMail server) {
    this.server = server;
  }

  static MailCatcher start() {
    GreenMail server =
        new GreenMail(new ServerSetup(Ports.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return new MailCatcher(server);
  }

  int port() {
    return server.getSmtp().getPort();
  }

  /** How many messages arrived so far, for everyone. */
  int received() {
    return server.getReceivedMessages().length;
  }

  /** How many messages {@code to} has received so far. */
  int inboxSize(String to) {
    return inbox(to).size();
  }

  /**
   * Waits for the one-time code for {@code orderNo} in the inbox of {@code to}, among the messages
   * that arrived after the first {@code after} of that inbox.
   */
  Optional<String> awaitCode(String to, String orderNo, int after, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    int scanned = after;
    while (true) {
      List<MimeMessage> messages = inbox(to);
      for (int i = scanned; i < messages.size(); i++) {
        Optional<String> code = code(messages.get(i), to, orderNo);
        if (code.isPresent()) {
          return code;
        }
      }
      scanned = Math.max(scanned, messages.size());
      if (Instant.now().isAfter(deadline)) {
        return Optional.empty();
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
  }

  /**
   * The messages of one recipient in the order they arrived (GreenMail keeps an inbox each). The
   * inbox's list is not safe to read while a message is being delivered to it, so a read that meets
   * a delivery is simply made again.
   */
  private List<MimeMessage> inbox(String to) {
    GreenMailUser user = server.getUserManager().getUserByEmail(to);
    if (user == null) {
      return List.of();
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return server.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
            .map(StoredMessage::getMimeMessage)
            .toList();
      } catch (FolderException e) {
        throw new IllegalStateException("cannot read the inbox of a simulated buyer", e);
      } catch (ConcurrentModificationException e) {
        if (attempt == 10) {
          throw e;
        }
      }
    }
  }

  private static Optional<String> code(MimeMessage message, String to, String orderNo) {
    try {
      String subject = message.getSubject();
      if (subject == null || !subject.contains(orderNo) || !addressedTo(message, to)) {
        return Optional.empty();
      }
      Matcher found = CODE.matcher(plainText(message));
      return found.find() ? Optional.of(found.group(1)) : Optional.empty();
    } catch (MessagingException | IOException e) {
      return Optional.empty();
    }
  }

  private static boolean addressedTo(MimeMessage message, String to) throws MessagingException {
    Address[] recipients = message.getAllRecipients();
    if (recipients == null) {
      return false;
    }
    for (Address a : recipients) {
      if (a instanceof InternetAddress ia && to.equalsIgnoreCase(ia.getAddress())) {
        return true;
      }
    }
    return false;
  }

  private static String plainText(Part part) throws MessagingException, IOException {
    if (part.isMimeType("text/plain")) {
      return part.getContent().toString();
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        String text = plainText(body);
        if (!text.isEmpty()) {
          return text;
        }
      }
    }
    return "";
  }

  @Override
  public void close() {
    server.stop();
  }
}
