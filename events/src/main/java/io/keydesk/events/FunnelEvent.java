package io.keydesk.events;

import java.time.Instant;

/**
 * A buyer moved through a step of the after-sales flow. Key = {@code sessionId} (the flow's
 * session, chosen by the client), so one session's steps stay in order. {@code action} is one of
 * {@link Action}; {@code mode}, {@code category}, {@code orderNo} and {@code articleId} may be
 * null. {@code orderNo} is as the client reported it (not verified); no contact and no card key is
 * ever here.
 */
public record FunnelEvent(
    String eventId,
    String type,
    int schemaVersion,
    Instant at,
    String sessionId,
    String step,
    String action,
    String mode,
    String language,
    String channel,
    String category,
    String orderNo,
    Long articleId) {

  /** The step of a knowledge-base answer (search, recommendation, article). */
  public static final String STEP_KNOWLEDGE_BASE = "KNOWLEDGE_BASE";

  /** What happened at the step. */
  public enum Action {
    /** The step was shown. */
    VIEWED,
    /** The buyer finished the step and went on. */
    COMPLETED,
    /** An answer solved the problem: a self-resolved case without a ticket. */
    DEFLECTED,
    /** The buyer asked for a human. */
    HANDED_OFF,
    /** A ticket was filed. */
    SUBMITTED,
    /** The buyer went away (the streams job decides this from an idle session). */
    LEFT
  }
}
