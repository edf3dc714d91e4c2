package io.keydesk.interfaces.web;

import io.keydesk.application.AccessTokens.BuyerIdentity;
import io.keydesk.application.BuyerCaseActions;
import io.keydesk.application.BuyerTicketService;
import io.keydesk.application.InvalidFieldException;
import io.keydesk.application.RejectedFileException;
import io.keydesk.application.TicketAttachments;
import io.keydesk.application.TicketAttachments.AttachmentView;
import io.keydesk.application.TicketAttachments.Upload;
import io.keydesk.application.Views.TicketView;
import io.keydesk.domain.model.attachment.Attachment;
import io.keydesk.domain.model.ticket.Ticket;
import io.keydesk.domain.model.ticket.TicketStatus;
import io.keydesk.domain.shared.DomainException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The buyer follows a case: its status as steps, the deadline, the conversation with the agent and
 * the files; writes with attachments, asks for a human, reopens and rates. The page is told about
 * changes by a Faces WebSocket ({@link TicketPush}) and re-renders its live parts.
 */
@Named
@ViewScoped
public class TrackTicket implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(TrackTicket.class.getName());

  /** The steps shown to the buyer, in order; the second is named after the current status. */
  private static final List<String> STEPS = List.of("SUBMITTED", "IN_REVIEW", "RESOLVED", "CLOSED");

  /** Client ids re-rendered when the status changes while the page is open. */
  private static final List<String> STATUS_DEPENDENT = List.of("caseActions", "replyBox");

  @Inject BuyerSession session;
  @Inject BuyerTicketService service;
  @Inject BuyerCaseActions actions;
  @Inject TicketAttachments attachments;
  @Inject Clock clock;

  private String no;
  private TicketView ticket;
  private List<AttachmentView> files = List.of();

  @Size(max = Ticket.MAX_TEXT)
  private String message;

  private transient List<Part> uploads;

  @Size(max = Ticket.MAX_TEXT)
  private String reopenReason;

  private Integer score;

  @Size(max = Ticket.MAX_RATING_COMMENT)
  private String comment;

  /** One step of the progress bar. */
  public record Step(String status, boolean done, boolean current) {}

  public void load() {
    session.requireOrRedirect().ifPresent(this::read);
  }

  /**
   * Reads the case again (the WebSocket said it changed, or the poll fallback ticked). Nothing is
   * rendered when nothing changed (a change is announced twice: at commit and from the topic). The
   * page asks for the forms too (so that Faces gives their new markup the view state), but they are
   * only rendered again when the status changed: otherwise a message being typed would be wiped.
   */
  public void refresh() {
    TicketView before = ticket;
    List<AttachmentView> filesBefore = files;
    session.identity().ifPresent(this::read);
    Collection<String> render =
        FacesContext.getCurrentInstance().getPartialViewContext().getRenderIds();
    if (Objects.equals(before, ticket) && filesBefore.equals(files)) {
      render.clear();
    } else if (before != null && ticket != null && before.status().equals(ticket.status())) {
      render.removeAll(STATUS_DEPENDENT);
    }
  }

  private void read(BuyerIdentity buyer) {
    try {
      ticket = service.ticket(buyer, no);
      files = attachments.list(buyer, no);
    } catch (DomainException e) {
      ticket = null;
      files = List.of();
    }
  }

  /** The message and the chosen files; a refused file keeps the message in the field. */
  public void send() {
    Collection<Part> chosen = chosenFiles();
    boolean text = message != null && !message.isBlank();
    if (!text && chosen.isEmpty()) {
      Pages.error("reply:message", "ticket.messageOrFile");
      return;
    }
    session
        .requireOrRedirect()
        .ifPresent(
            buyer -> {
              try {
                if (!chosen.isEmpty() && !attach(buyer, chosen)) {
                  return;
                }
                if (text) {
                  ticket = service.addMessage(buyer, no, message);
                }
                message = null;
                read(buyer);
                Pages.info(text ? "ticket.sent" : "ticket.filesSent");
              } catch (DomainException e) {
                // e.g. the agent resolved the case while the buyer was typing: the text stays
                Pages.error(null, refusal(e.code()));
                read(buyer);
              }
            });
  }

  private boolean attach(BuyerIdentity buyer, Collection<Part> chosen) {
    if (chosen.size() > TicketAttachments.MAX_FILES) {
      Pages.error("reply:files", "ticket.files.tooMany");
      return false;
    }
    List<Upload> list = new ArrayList<>();
    for (Part part : chosen) {
      String name = Attachment.sanitiseName(part.getSubmittedFileName());
      if (part.getSize() > TicketAttachments.MAX_BYTES) {
        fileError("ticket.files.tooLarge", name);
        return false;
      }
      try (InputStream in = part.getInputStream()) {
        list.add(new Upload(name, in.readAllBytes()));
      } catch (IOException e) {
        fileError("ticket.files.unreadable", name);
        return false;
      }
    }
    try {
      attachments.attach(buyer, no, list);
      return true;
    } catch (RejectedFileException e) {
      LOG.log(Level.FINE, "file refused on {0}: {1}", new Object[] {no, e.code()});
      fileError(
          switch (e.code()) {
            case "file-too-large" -> "ticket.files.tooLarge";
            case "unsupported-media-type" -> "ticket.files.wrongType";
            default -> "ticket.files.unreadable";
          },
          e.fileName());
      return false;
    } catch (InvalidFieldException e) {
      Pages.error("reply:files", "ticket.files.tooMany");
      return false;
    }
  }

  private static void fileError(String key, String fileName) {
    FacesContext.getCurrentInstance()
        .addMessage(
            "reply:files",
            new jakarta.faces.application.FacesMessage(
                jakarta.faces.application.FacesMessage.SEVERITY_ERROR,
                Pages.text(key, fileName),
                null));
  }

  private Collection<Part> chosenFiles() {
    if (uploads == null) {
      return List.of();
    }
    return uploads.stream()
        .filter(p -> p.getSize() > 0 || !blank(p.getSubmittedFileName()))
        .toList();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** "Talk to a human" (转人工). */
  public void handOff() {
    act(buyer -> actions.handOff(buyer, no, null), "ticket.handedOff");
  }

  /** "My problem is solved": the buyer resolves their own open case. */
  public void markSolved() {
    act(buyer -> actions.markSolved(buyer, no, null), "ticket.solvedDone");
  }

  public void reopen() {
    act(buyer -> actions.reopen(buyer, no, reopenReason), "ticket.reopened");
    if (ticket != null && TicketStatus.valueOf(ticket.status()).isOpen()) {
      reopenReason = null;
    }
  }

  public void rate() {
    if (score == null || score < 1 || score > 5) {
      Pages.error("rate:score", "ticket.rating.scoreRequired");
      return;
    }
    act(buyer -> actions.rate(buyer, no, score, comment), "ticket.rated");
  }

  private void act(Function<BuyerIdentity, TicketView> action, String done) {
    session
        .requireOrRedirect()
        .ifPresent(
            buyer -> {
              try {
                ticket = action.apply(buyer);
                files = attachments.list(buyer, no);
                Pages.info(done);
              } catch (InvalidFieldException e) {
                Pages.error(null, "field.required");
              } catch (DomainException e) {
                Pages.error(null, refusal(e.code()));
                read(buyer);
              }
            });
  }

  /** The sentence for a refused action, by the domain's error code. */
  private static String refusal(String code) {
    return switch (code) {
      case "reopen-window-passed" -> "ticket.refused.windowPassed";
      case "already-rated" -> "ticket.refused.alreadyRated";
      case "not-resolved" -> "ticket.refused.notResolved";
      default -> "ticket.refused.state";
    };
  }

  /**
   * The progress bar: submitted, with an agent (or the current in-between state), resolved, closed.
   */
  public List<Step> getSteps() {
    int current = getStep();
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < STEPS.size(); i++) {
      String status = i == 1 && current == 1 ? ticket.status() : STEPS.get(i);
      steps.add(new Step(status, i <= current, i == current));
    }
    return steps;
  }

  /** Index of the current step for the progress bar. */
  public int getStep() {
    if (ticket == null) {
      return 0;
    }
    return switch (TicketStatus.valueOf(ticket.status())) {
      case SUBMITTED -> 0;
      case AUTO_RESOLVING, IN_REVIEW, AWAITING_BUYER, REOPENED -> 1;
      case RESOLVED -> 2;
      case CLOSED -> 3;
    };
  }

  public boolean isOpen() {
    return ticket != null && TicketStatus.valueOf(ticket.status()).isOpen();
  }

  /** Resolved, and the reopen window has not passed. */
  public boolean isReopenable() {
    return ticket != null
        && ticket.reopenUntil() != null
        && !clock.instant().isAfter(ticket.reopenUntil());
  }

  /** The buyer may still ask for a human: open and not with an agent, or reopenable. */
  public boolean isHandOffPossible() {
    return (isOpen() && !"IN_REVIEW".equals(ticket.status())) || isReopenable();
  }

  public boolean isRateable() {
    return ticket != null
        && ticket.rating() == null
        && ("RESOLVED".equals(ticket.status()) || "CLOSED".equals(ticket.status()));
  }

  /** The deadline is past. */
  public boolean isOverdue() {
    return isOpen() && clock.instant().isAfter(ticket.resolutionDueAt());
  }

  /** The server's clock, so the countdown does not depend on the phone's clock being right. */
  public Instant getNow() {
    return clock.instant();
  }

  /** The WebSocket user: this case, only rendered for its own buyer. */
  public String getPushUser() {
    return ticket == null ? null : ticket.ticketNo();
  }

  public int getMaxFiles() {
    return TicketAttachments.MAX_FILES;
  }

  /** A file size for people: bytes, KB or MB. */
  public String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
  }

  public int getMaxRatingComment() {
    return Ticket.MAX_RATING_COMMENT;
  }

  public TicketView getTicket() {
    return ticket;
  }

  public List<AttachmentView> getFiles() {
    return files;
  }

  public String getNo() {
    return no;
  }

  public void setNo(String no) {
    this.no = no;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public List<Part> getUploads() {
    return uploads;
  }

  public void setUploads(List<Part> uploads) {
    this.uploads = uploads;
  }

  public String getReopenReason() {
    return reopenReason;
  }

  public void setReopenReason(String reopenReason) {
    this.reopenReason = reopenReason;
  }

  public Integer getScore() {
    return score;
  }

  public void setScore(Integer score) {
    this.score = score;
  }

  public String getComment() {
    return comment;
  }

  public void setComment(String comment) {
    this.comment = comment;
  }
}
