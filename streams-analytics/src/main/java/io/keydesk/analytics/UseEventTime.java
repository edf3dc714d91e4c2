package io.keydesk.analytics;

import java.time.Instant;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Sets each record's timestamp to the time the event happened ({@code occurredAt}, or {@code at} on
 * funnel events). The relay stamps records with their publish time, which lags behind when Kafka
 * was down; windows must follow the event, so downstream of this step, record time (and stream
 * time, grace, windows) is event time.
 */
final class UseEventTime<T> implements FixedKeyProcessor<String, T, T> {

  private final Function<T, Instant> eventTime;
  private FixedKeyProcessorContext<String, T> context;

  UseEventTime(Function<T, Instant> eventTime) {
    this.eventTime = eventTime;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, T> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, T> record) {
    context.forward(record.withTimestamp(eventTime.apply(record.value()).toEpochMilli()));
  }
}
