package io.keydesk.application;

/**
 * Appends an event to the transactional outbox. Must be called inside the transaction of the change
 * it announces; the relay publishes it to {@code topic} with {@code aggregateId} as the record key.
 */
public interface EventOutbox {
  void append(
      String topic, String aggregateType, String aggregateId, String eventType, Object event);
}
