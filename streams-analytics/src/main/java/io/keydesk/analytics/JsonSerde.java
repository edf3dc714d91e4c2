package io.keydesk.analytics;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Jackson serde for one record type (with the Blackbird module, which binds through generated
 * lambdas instead of reflection): JSON for the topics others read ({@link #of}), Smile for the
 * job's own stores and repartition topics ({@link #binary}). In JSON, instants are written as
 * ISO-8601 strings ({@code 2025-03-01T10:15:30Z}), unknown fields are ignored on read (newer
 * producers may add optional fields without bumping {@code schemaVersion}), trailing garbage after
 * the JSON value is an error.
 */
public final class JsonSerde<T> implements Serde<T> {

  /** The one mapper of the job; thread-safe once configured. */
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .addModule(new BlackbirdModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /**
   * The same mapping in Smile, Jackson's binary form of JSON (field names and short strings
   * back-referenced, numbers binary; instants as epoch milliseconds): smaller and cheaper to read
   * and write than text.
   */
  static final ObjectMapper SMILE =
      JsonMapper.builder(new SmileFactory())
          .addModule(new JavaTimeModule())
          .addModule(new BlackbirdModule())
          .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
          .disable(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /** Smile values start with this header ({@code :)\n}); JSON never does. */
  private static final byte[] SMILE_HEADER = {':', ')', '\n'};

  private final Class<T> type;
  private final ObjectMapper writer;

  private JsonSerde(Class<T> type, ObjectMapper writer) {
    this.type = type;
    this.writer = writer;
  }

  /** A serde reading and writing {@code type} as JSON: for the topics others read. */
  public static <T> JsonSerde<T> of(Class<T> type) {
    return new JsonSerde<>(type, MAPPER);
  }

  /**
   * A serde writing {@code type} as Smile and reading Smile or JSON: for the job's own state stores
   * and repartition topics, which nobody else reads (values written as JSON by an earlier version
   * are still read).
   */
  static <T> JsonSerde<T> binary(Class<T> type) {
    return new JsonSerde<>(type, SMILE);
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> {
      if (value == null) {
        return null;
      }
      try {
        return writer.writeValueAsBytes(value);
      } catch (IOException e) {
        throw new SerializationException(
            "Cannot write " + type.getSimpleName() + " for topic " + topic, e);
      }
    };
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      try {
        return isSmile(bytes) ? SMILE.readValue(bytes, type) : MAPPER.readValue(bytes, type);
      } catch (IOException e) {
        throw new SerializationException(
            "Cannot read " + type.getSimpleName() + " on topic " + topic, e);
      }
    };
  }

  private static boolean isSmile(byte[] bytes) {
    return bytes.length >= SMILE_HEADER.length
        && bytes[0] == SMILE_HEADER[0]
        && bytes[1] == SMILE_HEADER[1]
        && bytes[2] == SMILE_HEADER[2];
  }
}
