package io.keydesk.analytics;

/**
 * Outcome of reading one input record: either an accepted event, or the reason it was rejected
 * together with the original bytes (which go to the dead-letter topic unchanged). Lives only
 * between the parse step and the split; never serialized.
 */
record Parsed<T>(T event, String rejectionReason, byte[] original) {

  /** The reason travels in a header: it is capped so a huge bad value cannot blow it up. */
  static final int MAX_REASON_LENGTH = 300;

  static <T> Parsed<T> accepted(T event) {
    return new Parsed<>(event, null, null);
  }

  static <T> Parsed<T> rejected(String reason, byte[] original) {
    String capped =
        reason.length() <= MAX_REASON_LENGTH
            ? reason
            : reason.substring(0, MAX_REASON_LENGTH) + "...";
    return new Parsed<>(null, capped, original);
  }

  boolean isAccepted() {
    return event != null;
  }
}
