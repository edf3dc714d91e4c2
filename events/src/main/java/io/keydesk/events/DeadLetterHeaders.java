package io.keydesk.events;

/**
 * Header names of records on {@link Topics#DEAD_LETTER}. The record keeps the original key and the
 * original value bytes; these headers (UTF-8 strings) tell why and where it came from.
 */
public final class DeadLetterHeaders {
  /** Why the record was rejected, e.g. {@code unsupported schemaVersion 99 (...)}. */
  public static final String REASON = "keydesk.dlq.reason";

  /** Topic the rejected record was read from. */
  public static final String SOURCE_TOPIC = "keydesk.dlq.source-topic";

  /** Partition the rejected record was read from (decimal). */
  public static final String SOURCE_PARTITION = "keydesk.dlq.source-partition";

  /** Offset of the rejected record in its source partition (decimal). */
  public static final String SOURCE_OFFSET = "keydesk.dlq.source-offset";

  /** The {@code application.id} (or other consumer name) that rejected the record. */
  public static final String REJECTED_BY = "keydesk.dlq.rejected-by";

  private DeadLetterHeaders() {}
}
