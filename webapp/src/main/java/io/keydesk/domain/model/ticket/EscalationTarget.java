package io.keydesk.domain.model.ticket;

/** To whom a ticket is escalated: a supervisor of the team, or the product's supplier. */
public enum EscalationTarget {
  SUPERVISOR,
  SUPPLIER
}
