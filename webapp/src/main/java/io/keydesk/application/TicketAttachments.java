package io.keydesk.application;

import io.keydesk.application.AccessTokens.BuyerIdentity;
import io.keydesk.domain.model.attachment.Attachment;
import io.keydesk.domain.model.attachment.AttachmentRepository;
import io.keydesk.domain.model.attachment.AttachmentStore;
import io.keydesk.domain.model.ticket.Actor;
import io.keydesk.domain.model.ticket.Ticket;
import io.keydesk.domain.model.ticket.TicketRepository;
import io.keydesk.domain.shared.NotFoundException;
import io.keydesk.infrastructure.attachments.AttachmentInspector;
import io.keydesk.infrastructure.attachments.AttachmentInspector.Inspected;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Evidence files on a ticket: the buyer attaches and downloads on their own cases, staff read them
 * on any case. An upload is all or nothing: every file is checked before anything is written, and
 * the files written are removed again when the transaction does not commit.
 */
@ApplicationScoped
public class TicketAttachments {
  /** At most this many files per request. */
  public static final int MAX_FILES = 5;

  /** At most this many bytes per file. */
  public static final long MAX_BYTES = 10L * 1024 * 1024;

  private static final Pattern PUBLIC_ID = Pattern.compile("[0-9a-f]{32}");
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject TicketRepository tickets;
  @Inject AttachmentRepository attachments;
  @Inject AttachmentStore store;
  @Inject AttachmentInspector inspector;
  @Inject DomainEvents events;
  @Inject Clock clock;
  @Resource TransactionSynchronizationRegistry transactions;

  /** One uploaded file as the client sent it. */
  public record Upload(String fileName, byte[] bytes) {}

  /** What a client sees of an attachment. */
  public record AttachmentView(
      String id,
      String name,
      String type,
      long size,
      String sha256,
      String uploadedBy,
      Instant createdAt) {
    static AttachmentView of(Attachment a) {
      return new AttachmentView(
          a.publicId(),
          Attachment.shownName(a.originalName(), a.contentType()),
          a.contentType(),
          a.size(),
          a.sha256(),
          a.uploadedBy().name(),
          a.createdAt());
    }
  }

  /** A file that passed the checks of {@link #check}: what it will be stored as. */
  public record CheckedFile(String name, String type, long size, String sha256) {}

  /**
   * Checks one file as {@link #attach} will, without storing anything: for a form that collects
   * files before the case exists and answers each file at once.
   *
   * @throws RejectedFileException naming the file: too large, of a type not allowed, unreadable
   */
  public CheckedFile check(Upload file) {
    String name = Attachment.sanitiseName(file.fileName());
    if (file.bytes().length > MAX_BYTES) {
      throw RejectedFileException.tooLarge(name, MAX_BYTES);
    }
    Inspected inspected = inspector.inspect(name, file.bytes());
    return new CheckedFile(
        Attachment.nameFor(name, inspected.contentType()),
        inspected.contentType(),
        inspected.size(),
        inspected.sha256());
  }

  /** A file to send: its name, type and an open stream the caller closes. */
  public record Download(String name, String type, long size, InputStream content) {}

  /** The buyer attaches files to their own case. */
  @Transactional
  public List<AttachmentView> attach(BuyerIdentity buyer, String ticketNo, List<Upload> files) {
    Ticket ticket = own(buyer, ticketNo);
    return attach(ticket, files, Attachment.UploadedBy.BUYER, Actor.buyer(), true);
  }

  /**
   * The buyer's evidence on a case being filed, in the claim's transaction (the claim announces the
   * ticket itself): the files are on the case before any automatic action decides.
   */
  void attachEvidence(Ticket ticket, List<Upload> files) {
    attach(ticket, files, Attachment.UploadedBy.BUYER, Actor.buyer(), false);
  }

  // In a transaction: read right after other transactions of the same request, a
  // non-transactional EntityManager was found closed (EclipseLink on Payara).
  @Transactional
  public List<AttachmentView> list(BuyerIdentity buyer, String ticketNo) {
    return attachments.ofTicket(own(buyer, ticketNo)).stream().map(AttachmentView::of).toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Download download(BuyerIdentity buyer, String ticketNo, String id) {
    return download(own(buyer, ticketNo), id);
  }

  /** Staff: the attachments of any ticket. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<AttachmentView> listForStaff(String ticketNo) {
    return attachments.ofTicket(load(ticketNo)).stream().map(AttachmentView::of).toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Download downloadForStaff(String ticketNo, String id) {
    return download(load(ticketNo), id);
  }

  private List<AttachmentView> attach(
      Ticket ticket, List<Upload> files, Attachment.UploadedBy by, Actor actor, boolean announce) {
    if (files == null || files.isEmpty()) {
      throw new InvalidFieldException("file", "at least one file is needed");
    }
    if (files.size() > MAX_FILES) {
      throw new InvalidFieldException("file", "at most " + MAX_FILES + " files per request");
    }
    List<Inspected> checked = new ArrayList<>();
    for (Upload file : files) {
      String name = Attachment.sanitiseName(file.fileName());
      if (file.bytes().length > MAX_BYTES) {
        throw RejectedFileException.tooLarge(name, MAX_BYTES);
      }
      checked.add(inspector.inspect(name, file.bytes()));
    }
    Instant now = clock.instant();
    ticket.recordAttachments(files.size(), actor, now);
    List<String> written = new ArrayList<>();
    transactions.registerInterposedSynchronization(removeUnlessCommitted(written));
    List<AttachmentView> views = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      Inspected file = checked.get(i);
      String storageName;
      try {
        storageName = store.write(file.bytes());
      } catch (IOException e) {
        throw new UncheckedIOException("could not store an attachment", e);
      }
      written.add(storageName);
      Attachment a =
          new Attachment(
              ticket,
              randomId(),
              Attachment.nameFor(
                  Attachment.sanitiseName(files.get(i).fileName()), file.contentType()),
              file.contentType(),
              file.size(),
              file.sha256(),
              storageName,
              by,
              now);
      attachments.store(a);
      views.add(AttachmentView.of(a));
    }
    if (announce) {
      events.ticketChanged(ticket, now);
    }
    return views;
  }

  private Synchronization removeUnlessCommitted(List<String> written) {
    return new Synchronization() {
      @Override
      public void beforeCompletion() {}

      @Override
      public void afterCompletion(int status) {
        if (status != Status.STATUS_COMMITTED) {
          written.forEach(store::delete);
        }
      }
    };
  }

  private Download download(Ticket ticket, String id) {
    if (id == null || !PUBLIC_ID.matcher(id).matches()) {
      throw new NotFoundException("attachment");
    }
    Attachment a =
        attachments.find(ticket, id).orElseThrow(() -> new NotFoundException("attachment"));
    try {
      return new Download(
          Attachment.shownName(a.originalName(), a.contentType()),
          a.contentType(),
          a.size(),
          store.open(a.storageName()));
    } catch (IOException e) {
      throw new UncheckedIOException("attachment file missing: " + a.publicId(), e);
    }
  }

  private Ticket own(BuyerIdentity buyer, String ticketNo) {
    return tickets
        .findFiledBy(ticketNo, buyer.contact())
        .orElseThrow(() -> new NotFoundException("ticket"));
  }

  private Ticket load(String ticketNo) {
    return tickets.find(ticketNo).orElseThrow(() -> new NotFoundException("ticket"));
  }

  private static String randomId() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
