package io.keydesk.it;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Mails the test SMTP server (GreenMail) received, and waiting for things to happen. */
final class Mails {
  static final Duration WAIT = Duration.ofSeconds(30);
  private static final Pattern MAGIC = Pattern.compile("/m/(kdm_[A-Za-z0-9_-]+)");

  private Mails() {}

  /** A mail as received: recipient, subject and the plain-text part. */
  record Mail(String to, String subject, String text) {
    /** The magic link token in the mail. */
    String magicToken() {
      Matcher m = MAGIC.matcher(text);
      if (!m.find()) {
        throw new AssertionError("no magic link in: " + text);
      }
      return m.group(1);
    }
  }

  static List<Mail> to(String to) {
    GreenMail server = TestServers.mail();
    if (server == null) {
      return List.of();
    }
    List<Mail> found = new ArrayList<>();
    for (MimeMessage m : server.getReceivedMessages()) {
      try {
        boolean match =
            Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                .anyMatch(a -> a.toString().equals(to));
        if (match) {
          found.add(new Mail(to, m.getSubject(), text(m)));
        }
      } catch (MessagingException | IOException e) {
        throw new AssertionError("unreadable mail", e);
      }
    }
    return found;
  }

  static Mail await(String to, Predicate<Mail> match) {
    return until(
        () -> to(to).stream().filter(match).findFirst().orElse(null),
        m -> m != null,
        "a mail to " + to);
  }

  private static String text(MimeMessage m) throws MessagingException, IOException {
    MimeMultipart parts = (MimeMultipart) m.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      if (part.isMimeType("text/plain")) {
        return (String) part.getContent();
      }
    }
    assertNotNull(null, "plain-text part");
    return null;
  }

  static <T> T until(Supplier<T> probe, Predicate<T> done, String what) {
    Instant deadline = Instant.now().plus(WAIT);
    T last = null;
    while (Instant.now().isBefore(deadline)) {
      last = probe.get();
      if (done.test(last)) {
        return last;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("timed out waiting for " + what + "; last seen: " + last);
  }
}
