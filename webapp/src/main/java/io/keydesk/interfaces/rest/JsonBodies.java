package io.keydesk.interfaces.rest;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Parses and validates request bodies; every failure names the field. */
@ApplicationScoped
public class JsonBodies {
  /**
   * JSON-B as configured for request bodies: a fraction given for a whole number ({@code
   * "quantity": 2.7}) is refused instead of being cut to 2; {@code 1e2}, {@code 7.0} and {@code
   * "5"} stay whole numbers. (Request records use {@code Integer} and {@code Long}: JSON-B applies
   * these to boxed types only.)
   */
  private final Jsonb jsonb =
      JsonbBuilder.create(
          new JsonbConfig()
              .withDeserializers(new WholeInteger(), new WholeLong(), new PlainText()));

  /**
   * Text without control characters: a NUL, an escape sequence or a backspace ({@code "\u001b[2J"})
   * in a description or a name would reach the staff console, mails and CSV exports. Tabs and line
   * breaks stay.
   */
  static final class PlainText implements JsonbDeserializer<String> {
    @Override
    public String deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
      JsonValue value = parser.getValue();
      if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
        return null;
      }
      if (value instanceof JsonNumber number) {
        return number.toString(); // an order number sent as a JSON number, as JSON-B reads it
      }
      if (!(value instanceof JsonString str)) {
        throw new JsonbException("not a string");
      }
      String text = str.getString();
      if (text.codePoints().anyMatch(PlainText::isControl)) {
        throw new ControlCharacterException();
      }
      return text;
    }

    private static boolean isControl(int c) {
      return Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r';
    }
  }

  /** A string with a control character in it; {@link #read} names the field. */
  static final class ControlCharacterException extends JsonbException {
    ControlCharacterException() {
      super("contains a control character");
    }
  }

  /** Integers: whole numbers only, in range. */
  static final class WholeInteger implements JsonbDeserializer<Integer> {
    @Override
    public Integer deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
      try {
        BigDecimal n = whole(parser);
        return n == null ? null : n.intValueExact();
      } catch (ArithmeticException e) {
        throw new JsonbException("not a whole number of at most 10 digits", e);
      }
    }
  }

  /** Longs: whole numbers only, in range. */
  static final class WholeLong implements JsonbDeserializer<Long> {
    @Override
    public Long deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
      try {
        BigDecimal n = whole(parser);
        return n == null ? null : n.longValueExact();
      } catch (ArithmeticException e) {
        throw new JsonbException("not a whole number of at most 19 digits", e);
      }
    }
  }

  /** The whole number at the parser, or null for JSON null. */
  private static BigDecimal whole(JsonParser parser) {
    JsonValue value = parser.getValue();
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    try {
      BigDecimal number;
      if (value instanceof JsonNumber n) {
        number = n.bigDecimalValue();
      } else if (value instanceof JsonString str) {
        number = new BigDecimal(str.getString().trim());
      } else {
        throw new JsonbException("not a number");
      }
      number = number.stripTrailingZeros();
      if (number.scale() > 0) {
        throw new JsonbException("not a whole number");
      }
      return number;
    } catch (NumberFormatException e) {
      throw new JsonbException("not a number", e);
    }
  }

  Jsonb jsonb() {
    return jsonb;
  }

  @Inject Validator validator;

  /**
   * @throws RequestException 400 for an empty or malformed body, or invalid fields
   */
  public <T> T read(String body, Class<T> type) {
    return read(body, type, new Class<?>[0]);
  }

  /**
   * Like {@link #read(String, Class)}, validating the default constraints and those of {@code
   * groups}.
   */
  public <T> T read(String body, Class<T> type, Class<?>... groups) {
    if (body == null || body.isBlank()) {
      throw new RequestException(
          Problem.invalid(List.of(new Problem.FieldError("body", "a JSON object is required"))));
    }
    T value;
    try {
      value = jsonb.fromJson(body, type);
    } catch (JsonbException e) {
      String field = fieldOf(e);
      if (field != null && causedByControlCharacter(e)) {
        throw new RequestException(
            Problem.invalid(
                List.of(
                    new Problem.FieldError(
                        field,
                        "must not contain control characters (only tabs and line breaks)"))));
      }
      if (field != null) {
        throw new RequestException(
            new Problem(
                "urn:keydesk:problem:malformed-json",
                "Malformed JSON",
                400,
                "the body is not valid JSON for this request: "
                    + field
                    + " is not a value of the expected type",
                List.of(new Problem.FieldError(field, "not a value of the expected type"))));
      }
      throw new RequestException(
          Problem.of(
              400,
              "malformed-json",
              "Malformed JSON",
              "the body is not valid JSON for this request: "
                  + shorten(withoutTypes(rootMessage(e)))));
    }
    if (value == null) {
      throw new RequestException(
          Problem.invalid(List.of(new Problem.FieldError("body", "a JSON object is required"))));
    }
    validate(value, groups);
    return value;
  }

  public <T> void validate(T value, Class<?>... groups) {
    Class<?>[] all = new Class<?>[groups.length + 1];
    all[0] = Default.class;
    System.arraycopy(groups, 0, all, 1, groups.length);
    Set<ConstraintViolation<T>> violations = validator.validate(value, all);
    if (!violations.isEmpty()) {
      throw new RequestException(Problem.invalid(errors(violations)));
    }
  }

  static List<Problem.FieldError> errors(Set<? extends ConstraintViolation<?>> violations) {
    return violations.stream()
        .map(v -> new Problem.FieldError(fieldName(v.getPropertyPath().toString()), v.getMessage()))
        .sorted(Comparator.comparing(Problem.FieldError::field))
        .toList();
  }

  /**
   * A readable field path: {@code "importOrder.arg0.keys[0].<list element>.code"} → {@code
   * "keys[0].code"}; cross-field checks named {@code xGiven}, {@code xConsistent} or {@code xNamed}
   * report on {@code x}.
   */
  static String fieldName(String path) {
    String cleaned =
        path.replace(".<list element>", "")
            .replaceAll("^[a-zA-Z]+\\.arg[0-9]+\\.?", "")
            .replaceAll("(Given|Consistent|Named)$", "");
    return cleaned.isEmpty() ? "body" : cleaned;
  }

  private static boolean causedByControlCharacter(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ControlCharacterException) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  private static final java.util.regex.Pattern PROPERTY =
      java.util.regex.Pattern.compile("(?:de)?serialize property '([^']+)'");

  /**
   * The JSON field a value of the wrong type was given for ({@code "paidAt":"yesterday"}), from
   * JSON-B's messages, nested properties joined by dots; null when the parser does not say.
   */
  static String fieldOf(Throwable e) {
    List<String> path = new java.util.ArrayList<>();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null) {
        java.util.regex.Matcher m = PROPERTY.matcher(t.getMessage());
        while (m.find()) {
          if (path.isEmpty() || !path.get(path.size() - 1).equals(m.group(1))) {
            path.add(m.group(1));
          }
        }
      }
    }
    return path.isEmpty() ? null : String.join(".", path);
  }

  /**
   * The parser's message without the Java type names it mentions ({@code class
   * io.keydesk….SessionRequest}): they say nothing to a client and describe the code.
   */
  static String withoutTypes(String message) {
    return message.replaceAll(
        "(class |interface )?\\[*L?(java|javax|jakarta|io|org|com)\\.[A-Za-z0-9_.$;@/]+",
        "a value");
  }

  private static String shorten(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }

  @PreDestroy
  void close() {
    try {
      jsonb.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing JSON-B", e);
    }
  }
}
