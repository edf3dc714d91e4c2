package io.keydesk.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.keydesk.events.CardKeyEvent;
import io.keydesk.events.EventTypes;
import io.keydesk.events.FunnelEvent;
import io.keydesk.events.OrderEvent;
import io.keydesk.events.TicketEvent;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.ToIntFunction;

/**
 * Reads the bytes of one event of the contract and decides whether this job can use it. Rejects,
 * with a reason a person can act on: empty values, bytes that are not one JSON object, a missing or
 * newer {@code schemaVersion} than {@link EventTypes#SCHEMA_VERSION}, fields of the wrong type, and
 * missing required fields (per topic, see the constants). Unknown extra fields are ignored.
 *
 * @param <T> the event record
 */
final class EventParser<T> {

  /** Binds like {@link JsonSerde#MAPPER} but never coerces a string or a fraction to a number. */
  private static final ObjectMapper STRICT = strict();

  /** Ticket events: unknown types are accepted (and ignored by the topologies). */
  static final EventParser<TicketEvent> TICKETS =
      new EventParser<>(
          TicketEvent.class,
          TicketEvent::schemaVersion,
          (e, missing) -> {
            text(e.eventId(), "eventId", missing);
            text(e.type(), "type", missing);
            present(e.occurredAt(), "occurredAt", missing);
            text(e.ticketNo(), "ticketNo", missing);
            if (EventTypes.TICKET_CREATED.equals(e.type())) {
              text(e.category(), "category", missing);
            }
          });

  static final EventParser<OrderEvent> ORDERS =
      new EventParser<>(
          OrderEvent.class,
          OrderEvent::schemaVersion,
          (e, missing) -> {
            text(e.eventId(), "eventId", missing);
            text(e.type(), "type", missing);
            present(e.occurredAt(), "occurredAt", missing);
            text(e.orderNo(), "orderNo", missing);
            text(e.productSku(), "productSku", missing);
            text(e.supplierCode(), "supplierCode", missing);
          });

  static final EventParser<CardKeyEvent> CARD_KEYS =
      new EventParser<>(
          CardKeyEvent.class,
          CardKeyEvent::schemaVersion,
          (e, missing) -> {
            text(e.eventId(), "eventId", missing);
            text(e.type(), "type", missing);
            present(e.occurredAt(), "occurredAt", missing);
            text(e.orderNo(), "orderNo", missing);
            text(e.fingerprint(), "fingerprint", missing);
            text(e.status(), "status", missing);
          });

  private static final Set<String> FUNNEL_STEPS =
      Set.of("ORDER", "CATEGORY", "KNOWLEDGE_BASE", "DETAILS", "EVIDENCE", "SUBMIT", "OUTCOME");

  /** Funnel events: an unknown step or action is rejected (the funnel could not place it). */
  static final EventParser<FunnelEvent> FUNNEL =
      new EventParser<>(
          FunnelEvent.class,
          FunnelEvent::schemaVersion,
          (e, missing) -> {
            text(e.eventId(), "eventId", missing);
            text(e.type(), "type", missing);
            present(e.at(), "at", missing);
            text(e.sessionId(), "sessionId", missing);
            text(e.step(), "step", missing);
            text(e.action(), "action", missing);
            text(e.language(), "language", missing);
            text(e.channel(), "channel", missing);
          },
          e -> {
            if (!FUNNEL_STEPS.contains(e.step())) {
              return "unknown step " + e.step();
            }
            try {
              FunnelEvent.Action.valueOf(e.action());
              return null;
            } catch (IllegalArgumentException unknown) {
              return "unknown action " + e.action();
            }
          });

  private final Class<T> type;
  private final ObjectReader reader;
  private final ToIntFunction<T> schemaVersion;
  private final BiConsumer<T, List<String>> required;
  private final java.util.function.Function<T, String> check;

  private EventParser(
      Class<T> type, ToIntFunction<T> schemaVersion, BiConsumer<T, List<String>> required) {
    this(type, schemaVersion, required, e -> null);
  }

  private EventParser(
      Class<T> type,
      ToIntFunction<T> schemaVersion,
      BiConsumer<T, List<String>> required,
      java.util.function.Function<T, String> check) {
    this.type = type;
    this.reader = STRICT.readerFor(type);
    this.schemaVersion = schemaVersion;
    this.required = required;
    this.check = check;
  }

  /**
   * Binds straight to the record when the value is well-formed (one pass, no tree); anything the
   * fast path cannot bind strictly, or whose schema version is out of range, goes the slow way,
   * which finds the reason. Both ways accept exactly the same values.
   */
  Parsed<T> parse(byte[] value) {
    if (value == null || value.length == 0) {
      return Parsed.rejected("empty value", value);
    }
    T bound = bindStrictly(value);
    if (bound != null) {
      return checked(bound, value);
    }
    return parseSlowly(value);
  }

  private T bindStrictly(byte[] value) {
    try {
      T event = reader.readValue(value);
      int version = schemaVersion.applyAsInt(event);
      return version >= 1 && version <= EventTypes.SCHEMA_VERSION ? event : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private Parsed<T> parseSlowly(byte[] value) {
    JsonNode tree;
    try {
      tree = JsonSerde.MAPPER.readTree(value);
    } catch (IOException e) {
      return Parsed.rejected("not JSON: " + originalMessage(e), value);
    }
    if (tree == null || !tree.isObject()) {
      return Parsed.rejected("not a JSON object", value);
    }

    JsonNode version = tree.get("schemaVersion");
    if (version == null || version.isNull()) {
      return Parsed.rejected("missing field(s): schemaVersion", value);
    }
    if (!version.isIntegralNumber() || !version.canConvertToInt()) {
      return Parsed.rejected("schemaVersion is not an integer: " + version, value);
    }
    int schemaVersion = version.intValue();
    if (schemaVersion > EventTypes.SCHEMA_VERSION) {
      return Parsed.rejected(
          "unsupported schemaVersion "
              + schemaVersion
              + " (this consumer reads <= "
              + EventTypes.SCHEMA_VERSION
              + ")",
          value);
    }
    if (schemaVersion < 1) {
      return Parsed.rejected("invalid schemaVersion " + schemaVersion, value);
    }

    T event;
    try {
      event = JsonSerde.MAPPER.treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      return Parsed.rejected("invalid field: " + originalMessage(e), value);
    }
    return checked(event, value);
  }

  private Parsed<T> checked(T event, byte[] value) {
    List<String> missing = new ArrayList<>();
    required.accept(event, missing);
    if (!missing.isEmpty()) {
      return Parsed.rejected("missing field(s): " + String.join(", ", missing), value);
    }
    String problem = check.apply(event);
    if (problem != null) {
      return Parsed.rejected(problem, value);
    }
    return Parsed.accepted(event);
  }

  private static ObjectMapper strict() {
    ObjectMapper mapper = JsonSerde.MAPPER.copy();
    for (LogicalType number : List.of(LogicalType.Integer, LogicalType.Float)) {
      mapper
          .coercionConfigFor(number)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }
    mapper
        .coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    mapper.registerModule(
        new SimpleModule("fast-instants")
            .addDeserializer(Instant.class, new FastInstantDeserializer()));
    return mapper;
  }

  private static void text(String value, String field, List<String> missing) {
    if (value == null || value.isBlank()) {
      missing.add(field);
    }
  }

  private static void present(Object value, String field, List<String> missing) {
    if (value == null) {
      missing.add(field);
    }
  }

  /** Jackson's message without the location suffix (which could quote the payload). */
  private static String originalMessage(IOException e) {
    String message =
        e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
