package io.keydesk.interfaces.web;

import io.keydesk.application.StaffAction;
import io.keydesk.application.StaffTicketService;
import io.keydesk.application.Views.TicketView;
import io.keydesk.domain.model.ticket.Resolution;
import io.keydesk.domain.model.ticket.TicketStatus;
import io.keydesk.domain.shared.DomainException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;
import java.io.Serializable;
import java.util.List;

/** An agent works one ticket: reply, note, ask, resolve or reject. */
@Named
@ViewScoped
public class WorkTicket implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject StaffTicketService service;
  @Inject CurrentStaff staff;

  private String no;
  private TicketView ticket;
  private String text;
  private Resolution resolution = Resolution.ANSWERED;

  public void load() {
    try {
      ticket = service.ticket(no);
    } catch (DomainException e) {
      ticket = null;
    }
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

  public void resolve() {
    act(new StaffAction("RESOLVE", text, resolution.name()));
  }

  public void reject() {
    act(new StaffAction("REJECT", text, null));
  }

  private void act(StaffAction action) {
    try {
      ticket = service.act(staff.get(), no, action);
      text = null;
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
                          "actions:text",
                          new FacesMessage(FacesMessage.SEVERITY_ERROR, v.getMessage(), null)));
    }
  }

  public boolean isOpen() {
    return ticket != null && TicketStatus.valueOf(ticket.status()).isOpen();
  }

  public List<Resolution> getResolutions() {
    return List.of(
        Resolution.ANSWERED, Resolution.REDELIVERED, Resolution.REPLACED, Resolution.REFUNDED);
  }

  public TicketView getTicket() {
    return ticket;
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

  public Resolution getResolution() {
    return resolution;
  }

  public void setResolution(Resolution resolution) {
    this.resolution = resolution;
  }
}
