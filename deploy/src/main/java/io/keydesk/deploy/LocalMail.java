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
import java.util.HashSet;
import java.util.Set;
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

  /**
   * The messages already saved, by Message-ID and recipients. Not by position: GreenMail lists the
   * received messages mailbox by mailbox, so a new mail to one address can come before older mails
   * to another, and counting positions saved an old mail again (and could skip a new one).
   */
  private final Set<String> seen = new HashSet<>();

  private int saved;

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
    for (MimeMessage message : server.getReceivedMessages()) {
      try {
        if (!seen.add(key(message))) {
          continue;
        }
        saved++;
        Path file =
            folder.resolve(String.format("%s-%04d.eml", LocalDateTime.now().format(STAMP), saved));
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
  }

  private static String key(MimeMessage message) throws MessagingException {
    String id = message.getMessageID();
    return (id == null ? "@" + System.identityHashCode(message) : id) + " " + recipients(message);
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
