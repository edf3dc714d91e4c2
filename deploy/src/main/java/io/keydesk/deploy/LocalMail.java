package io.keydesk.deploy;

import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real SMTP server for local runs (GreenMail, in the launcher's JVM, on 127.0.0.1): the webapp's
 * notifications go here instead of to real inboxes. It accepts mail for any address; every message
 * it receives is logged on one line (recipient masked, subject) and saved as an {@code .eml} file
 * in {@code <data>/mail/}, which any mail program opens.
 */
final class LocalMail implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(LocalMail.class.getName());
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final GreenMail server;
  private final Path folder;
  private final ScheduledExecutorService watcher;
  private int seen;

  private LocalMail(GreenMail server, Path folder) {
    this.server = server;
    this.folder = folder;
    this.watcher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "local-mail");
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts the server on {@code port} and saves what it receives into {@code folder}. */
  static LocalMail start(int port, Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create " + folder, e);
    }
    GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    LocalMail mail = new LocalMail(server, folder);
    mail.watcher.scheduleWithFixedDelay(mail::saveNew, 1, 1, TimeUnit.SECONDS);
    Runtime.getRuntime().addShutdownHook(new Thread(mail::close, "local-mail-stop"));
    return mail;
  }

  int port() {
    return server.getSmtp().getPort();
  }

  Path folder() {
    return folder;
  }

  /** Logs and saves the messages that arrived since the last look. */
  synchronized void saveNew() {
    MimeMessage[] received = server.getReceivedMessages();
    for (int i = seen; i < received.length; i++) {
      MimeMessage message = received[i];
      try {
        Path file =
            folder.resolve(String.format("%s-%04d.eml", LocalDateTime.now().format(STAMP), i + 1));
        try (OutputStream out = Files.newOutputStream(file)) {
          message.writeTo(out);
        }
        LOG.log(
            INFO,
            "Mail to {0}: \"{1}\" (saved as {2})",
            recipients(message),
            message.getSubject(),
            file);
      } catch (IOException | MessagingException e) {
        LOG.log(WARNING, "Could not save a received mail: {0}", e.getMessage());
      }
    }
    seen = received.length;
  }

  /** The recipients, masked like everywhere else in the logs. */
  static String recipients(Message message) throws MessagingException {
    Address[] to = message.getRecipients(Message.RecipientType.TO);
    if (to == null) {
      return "(no recipient)";
    }
    return Arrays.stream(to)
        .map(a -> a instanceof InternetAddress ia ? ia.getAddress() : a.toString())
        .map(LocalMail::mask)
        .collect(Collectors.joining(", "));
  }

  static String mask(String address) {
    int at = address.indexOf('@');
    return at <= 0 ? "***" : address.charAt(0) + "***" + address.substring(at);
  }

  @Override
  public synchronized void close() {
    watcher.shutdownNow();
    server.stop();
  }
}
