package io.keydesk.domain.model.ticket;

import io.keydesk.domain.shared.DomainException;

/** A ticket was asked to do something its state does not allow. */
public class IllegalTransitionException extends DomainException {
  private static final long serialVersionUID = 1L;

  public IllegalTransitionException(TicketStatus from, String what) {
    super("illegal-transition", "a ticket in state " + from + " cannot " + what);
  }
}
