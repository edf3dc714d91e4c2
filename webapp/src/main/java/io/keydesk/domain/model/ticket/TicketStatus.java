package io.keydesk.domain.model.ticket;

import java.util.EnumSet;
import java.util.Set;

/**
 * The ticket lifecycle of DESIGN.md: {@code SUBMITTED → (AUTO_RESOLVING) → AWAITING_BUYER |
 * IN_REVIEW → RESOLVED → CLOSED}, with {@code REOPENED} from RESOLVED.
 */
public enum TicketStatus {
  SUBMITTED,
  AUTO_RESOLVING,
  AWAITING_BUYER,
  IN_REVIEW,
  RESOLVED,
  REOPENED,
  CLOSED;

  /** The states this one may move to. */
  public Set<TicketStatus> next() {
    return switch (this) {
      case SUBMITTED -> EnumSet.of(AUTO_RESOLVING, AWAITING_BUYER, IN_REVIEW, RESOLVED);
      case AUTO_RESOLVING -> EnumSet.of(AWAITING_BUYER, IN_REVIEW, RESOLVED);
      case AWAITING_BUYER -> EnumSet.of(IN_REVIEW, RESOLVED);
      case IN_REVIEW -> EnumSet.of(AWAITING_BUYER, RESOLVED);
      case RESOLVED -> EnumSet.of(REOPENED, CLOSED);
      case REOPENED -> EnumSet.of(AWAITING_BUYER, IN_REVIEW, RESOLVED);
      case CLOSED -> EnumSet.noneOf(TicketStatus.class);
    };
  }

  public boolean canMoveTo(TicketStatus target) {
    return next().contains(target);
  }

  /** Still waiting for someone to act. */
  public boolean isOpen() {
    return this != RESOLVED && this != CLOSED;
  }
}
