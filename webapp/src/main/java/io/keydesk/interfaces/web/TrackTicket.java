package io.keydesk.interfaces.web;

import io.keydesk.application.BuyerTicketService;
import io.keydesk.application.Views.TicketView;
import io.keydesk.domain.model.ticket.TicketStatus;
import io.keydesk.domain.shared.DomainException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;

/** The buyer follows a case and writes to the agent. */
@Named
@ViewScoped
public class TrackTicket implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The steps shown to the buyer, in order. */
  private static final List<String> STEPS = List.of("SUBMITTED", "IN_REVIEW", "RESOLVED", "CLOSED");

  @Inject BuyerSession session;
  @Inject BuyerTicketService service;

  private String no;
  private TicketView ticket;

  @NotBlank
  @Size(max = 4000)
  private String message;

  public void load() {
    session
        .requireOrRedirect()
        .ifPresent(
            buyer -> {
              try {
                ticket = service.ticket(buyer, no);
              } catch (DomainException e) {
                ticket = null;
              }
            });
  }

  public void send() {
    session
        .requireOrRedirect()
        .ifPresent(
            buyer -> {
              ticket = service.addMessage(buyer, no, message);
              message = null;
              Pages.info("ticket.sent");
            });
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

  public List<String> getSteps() {
    return STEPS;
  }

  public boolean isOpen() {
    return ticket != null && TicketStatus.valueOf(ticket.status()).isOpen();
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

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
