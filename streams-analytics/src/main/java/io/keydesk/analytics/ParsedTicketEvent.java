package io.keydesk.analytics;

import io.keydesk.events.TicketEvent;

/**
 * Outcome of reading one record of {@code Topics.TICKETS}: either an accepted {@link TicketEvent},
 * or the reason it was rejected together with the original bytes (which go to the dead-letter topic
 * unchanged). Lives only between the parse step and the split; never serialized.
 */
record ParsedTicketEvent(TicketEvent event, String rejectionReason, byte[] original) {

  static ParsedTicketEvent accepted(TicketEvent event) {
    return new ParsedTicketEvent(event, null, null);
  }

  /** The reason travels in a header: it is capped so a huge bad value cannot blow it up. */
  static final int MAX_REASON_LENGTH = 300;

  static ParsedTicketEvent rejected(String reason, byte[] original) {
    String capped =
        reason.length() <= MAX_REASON_LENGTH
            ? reason
            : reason.substring(0, MAX_REASON_LENGTH) + "...";
    return new ParsedTicketEvent(null, capped, original);
  }

  boolean isAccepted() {
    return event != null;
  }
}
