package io.keydesk.interfaces.web;

import io.keydesk.application.AccessTokens.StaffIdentity;
import io.keydesk.application.CannedReplies;
import io.keydesk.application.CannedReplies.FilledReply;
import io.keydesk.application.CaseFiles;
import io.keydesk.application.CaseFiles.CaseFile;
import io.keydesk.application.CaseFiles.StaffKey;
import io.keydesk.application.CaseFiles.StaffReveal;
import io.keydesk.application.StaffAction;
import io.keydesk.application.StaffTicketService;
import io.keydesk.application.TooManyRequestsException;
import io.keydesk.domain.model.ticket.TicketStatus;
import io.keydesk.domain.shared.DomainException;
import io.keydesk.domain.shared.NotFoundException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * An agent works one case from one page: the order, the masked keys with their delivery facts and
 * an audited reveal, the evidence, the risk decision, the classifier's reading, the thread; and the
 * actions (reply with a canned reply, note, ask, re-deliver, replace, refund, reject), each going
 * through {@link StaffTicketService#act} like the API. Only agents, supervisors and admins: anyone
 * else gets a 403.
 */
@Named
@ViewScoped
public class WorkTicket implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject StaffTicketService service;
  @Inject CaseFiles caseFiles;
  @Inject CannedReplies canned;
  @Inject CurrentStaff staff;

  private String no;
  private CaseFile caseFile;
  private List<FilledReply> replies = List.of();
  private Long cannedId;
  private String text;
  private Integer keyIndex;
  private transient StaffReveal revealed;

  public void load() {
    StaffIdentity me = staff.get();
    if (me == null || !CaseFiles.CASE_ROLES.contains(me.role())) {
      forbidden();
      return;
    }
    read();
  }

  private void read() {
    try {
      caseFile = caseFiles.caseFile(staff.get(), no);
      replies = canned.filledFor(no);
    } catch (DomainException e) {
      caseFile = null;
      replies = List.of();
    }
  }

  /** Puts the chosen canned reply, filled in, into the text. */
  public void useCanned() {
    replies.stream()
        .filter(r -> cannedId != null && r.id() == cannedId)
        .findFirst()
        .ifPresent(r -> text = r.text());
  }

  public void reply() {
    act(new StaffAction("REPLY", text, null));
  }

  public void note() {
    act(new StaffAction("NOTE", text, null));
  }

  public void askBuyer() {
    act(new StaffAction("ASK_BUYER", text, null));
  }

  public void reject() {
    act(new StaffAction("REJECT", text, null));
  }

  /** Hands the case to a supervisor; the text is the reason staff read. */
  public void escalateToSupervisor() {
    act(StaffAction.escalate("SUPERVISOR", text));
  }

  /** Asks the supplier (through staff) about the case; the text is the reason. */
  public void escalateToSupplier() {
    act(StaffAction.escalate("SUPPLIER", text));
  }

  public void redeliver() {
    act(new StaffAction("REDELIVER", null, null));
  }

  public void replace() {
    act(StaffAction.onKey("REPLACE", keyIndex));
  }

  public void refund() {
    act(StaffAction.onKey("REFUND", keyIndex));
  }

  /** Shows one key in clear (audited); it is kept only until the dialog closes. */
  public void reveal(int index) {
    try {
      revealed = caseFiles.reveal(staff.get(), no, index);
    } catch (NotFoundException e) {
      revealed = null;
      Pages.error(null, "console.case.keyNotFound");
    } catch (TooManyRequestsException e) {
      revealed = null;
      Pages.error(null, "console.case.revealLimited");
    }
  }

  public void hideKey() {
    revealed = null;
  }

  private void act(StaffAction action) {
    revealed = null;
    try {
      service.act(staff.get(), no, action);
      text = null;
      cannedId = null;
      Pages.info("console.ticket.done");
    } catch (DomainException e) {
      FacesContext.getCurrentInstance()
          .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    } catch (ConstraintViolationException e) {
      e.getConstraintViolations()
          .forEach(
              v ->
                  FacesContext.getCurrentInstance()
                      .addMessage(
                          "work:text",
                          new FacesMessage(FacesMessage.SEVERITY_ERROR, v.getMessage(), null)));
    }
    read();
  }

  private static void forbidden() {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      faces.getExternalContext().responseSendError(HttpServletResponse.SC_FORBIDDEN, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
  }

  public boolean isOpen() {
    return caseFile != null && TicketStatus.valueOf(caseFile.ticket().status()).isOpen();
  }

  /** The keys an agent may name in replace or refund (delivered ones). */
  public List<StaffKey> getActionKeys() {
    return caseFile == null
        ? List.of()
        : caseFile.keys().stream()
            .filter(k -> "DELIVERED".equals(k.status()) || "REDEEMED".equals(k.status()))
            .toList();
  }

  /** The page's link to one evidence file (the console's download, checked against the role). */
  public String fileUrl(String id) {
    return Pages.request().getContextPath() + ConsoleFileServlet.path(no, id);
  }

  public CaseFile getCaseFile() {
    return caseFile;
  }

  public List<FilledReply> getReplies() {
    return replies;
  }

  public StaffReveal getRevealed() {
    return revealed;
  }

  public String getNo() {
    return no;
  }

  public void setNo(String no) {
    this.no = no;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public Long getCannedId() {
    return cannedId;
  }

  public void setCannedId(Long cannedId) {
    this.cannedId = cannedId;
  }

  public Integer getKeyIndex() {
    return keyIndex;
  }

  public void setKeyIndex(Integer keyIndex) {
    this.keyIndex = keyIndex;
  }
}
