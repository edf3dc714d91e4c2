package io.keydesk.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.embedded.Ports;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's SMTP server receives real SMTP mail and keeps each one as an .eml file. */
class LocalMailTest {
  @TempDir Path home;

  @Test
  void aMailSentOverSmtpIsSavedAsAnEmlFile() throws Exception {
    int port = Ports.freePort();
    try (LocalMail mail = LocalMail.start(port, home.resolve("mail"))) {
      assertEquals(port, mail.port());
      Properties props = new Properties();
      props.put("mail.smtp.host", "127.0.0.1");
      props.put("mail.smtp.port", Integer.toString(port));
      MimeMessage message = new MimeMessage(Session.getInstance(props));
      message.setFrom(new InternetAddress("keydesk@example.com"));
      message.setRecipient(Message.RecipientType.TO, new InternetAddress("alice@example.com"));
      message.setSubject("您的工单 KD-261120-ABCD2345：客服处理中", "UTF-8");
      message.setText("Hello", "UTF-8");
      Transport.send(message);

      mail.saveNew();
      List<Path> saved = files(home.resolve("mail"));
      assertEquals(1, saved.size(), saved.toString());
      assertTrue(saved.get(0).getFileName().toString().endsWith("-0001.eml"));
      String eml = Files.readString(saved.get(0));
      assertTrue(eml.contains("To: alice@example.com"), eml);
      mail.saveNew();
      assertEquals(1, files(home.resolve("mail")).size(), "each mail is saved once");
    }
  }

  @Test
  void aNewMailToAnEarlierAddressIsSavedAndNoOldMailIsSavedAgain() throws Exception {
    int port = Ports.freePort();
    try (LocalMail mail = LocalMail.start(port, home.resolve("mail"))) {
      Properties props = new Properties();
      props.put("mail.smtp.host", "127.0.0.1");
      props.put("mail.smtp.port", Integer.toString(port));
      // GreenMail lists received mail mailbox by mailbox: a second mail to the first addresses
      // lands before the mails to the later ones.
      int sent = 0;
      for (int round = 0; round < 2; round++) {
        for (int i = 0; i < 8; i++) {
          MimeMessage message = new MimeMessage(Session.getInstance(props));
          message.setFrom(new InternetAddress("keydesk@example.com"));
          message.setRecipient(
              Message.RecipientType.TO, new InternetAddress("buyer" + i + "@example.com"));
          message.setSubject("mail " + round + "-" + i, "UTF-8");
          message.setText("Hello", "UTF-8");
          Transport.send(message);
          sent++;
          mail.saveNew();
        }
      }
      List<Path> saved = files(home.resolve("mail"));
      java.util.Set<String> subjects = new java.util.TreeSet<>();
      for (Path p : saved) {
        String eml = Files.readString(p);
        int at = eml.indexOf("Subject: ");
        subjects.add(eml.substring(at, eml.indexOf('\n', at)).trim());
      }
      assertEquals(sent, subjects.size(), "every mail saved: " + subjects);
      assertEquals(sent, saved.size(), "none saved twice: " + saved);
    }
  }

  @Test
  void recipientsAreMaskedInTheLog() {
    assertEquals("a***@example.com", LocalMail.mask("alice@example.com"));
    assertEquals("***", LocalMail.mask("nobody"));
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }
}
