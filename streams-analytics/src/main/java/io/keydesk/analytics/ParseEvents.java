package io.keydesk.analytics;

import io.keydesk.events.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses each raw record of one input topic with an {@link EventParser}. A rejected record is
 * forwarded with the {@link DeadLetterHeaders} added (reason, source topic/partition/offset,
 * application id) so the dead-letter branch can write it out as it came in; it never throws for bad
 * input.
 */
final class ParseEvents<T> implements FixedKeyProcessor<String, byte[], Parsed<T>> {

  private static final Logger LOG = LoggerFactory.getLogger(ParseEvents.class);

  private final EventParser<T> parser;
  private FixedKeyProcessorContext<String, Parsed<T>> context;

  ParseEvents(EventParser<T> parser) {
    this.parser = parser;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Parsed<T>> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, byte[]> record) {
    Parsed<T> parsed = parser.parse(record.value());
    if (parsed.isAccepted()) {
      context.forward(record.withValue(parsed));
      return;
    }
    Headers headers = new RecordHeaders(record.headers().toArray());
    add(headers, DeadLetterHeaders.REASON, parsed.rejectionReason());
    add(headers, DeadLetterHeaders.REJECTED_BY, context.applicationId());
    context
        .recordMetadata()
        .ifPresent(
            source -> {
              add(headers, DeadLetterHeaders.SOURCE_TOPIC, source.topic());
              add(
                  headers,
                  DeadLetterHeaders.SOURCE_PARTITION,
                  Integer.toString(source.partition()));
              add(headers, DeadLetterHeaders.SOURCE_OFFSET, Long.toString(source.offset()));
            });
    LOG.warn(
        "Record {} sent to the dead-letter topic: {}",
        context.recordMetadata().map(ParseEvents::describe).orElse("(no source)"),
        parsed.rejectionReason());
    context.forward(record.withValue(parsed).withHeaders(headers));
  }

  private static void add(Headers headers, String name, String value) {
    headers.remove(name);
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private static String describe(RecordMetadata source) {
    return source.topic() + "-" + source.partition() + "@" + source.offset();
  }
}
