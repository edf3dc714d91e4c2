package io.keydesk.analytics;

import io.keydesk.events.ComplaintRate;
import io.keydesk.events.FunnelStepCount;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A hand-written binary form for the job's hottest internal records — the {@link Measure}s on the
 * {@code complaint-measures} repartition topic (about one per input event) and the values of the
 * {@code complaint-rates} and {@code complaint-buckets} stores (several writes per measure), and
 * the {@code funnel-step-counts} store (read and written per funnel delta), and the {@link
 * FunnelDelta}s and {@link FraudFact}s on the {@code funnel-deltas} and {@code fraud-facts}
 * repartition topics — where encoding through Jackson cost more than the rest of the complaint-rate
 * code (docs/benchmarks.md, streams throughput). Fields are written in declaration order: strings
 * as UTF-8 with their length (-1 for null), numbers as fixed 8-byte big-endian values, instants as
 * epoch seconds and nanoseconds.
 *
 * <p>Values start with {@link #MAGIC}, which neither JSON nor Smile ever does; anything else is
 * read as Smile or JSON ({@link JsonSerde#binary}), so stores and repartition topics written by an
 * earlier version of the job are still read. Nobody outside the job reads these bytes.
 *
 * @param <T> the record
 */
abstract class CompactSerde<T> implements Serde<T> {

  /** First two bytes of a value in this form (format 1). */
  static final byte[] MAGIC = {0, 1};

  static final CompactSerde<Measure> MEASURE =
      new CompactSerde<>(Measure.class) {
        @Override
        void write(Writer out, Measure m) {
          out.string(m.kind());
          out.string(m.scope());
          out.string(m.id());
          out.string(m.category());
          out.string(m.sku());
          out.string(m.supplier());
          out.strings(m.batches());
        }

        @Override
        Measure read(Reader in) {
          return new Measure(
              in.string(),
              in.string(),
              in.string(),
              in.string(),
              in.string(),
              in.string(),
              in.strings());
        }
      };

  static final CompactSerde<ComplaintRate> COMPLAINT_RATE =
      new CompactSerde<>(ComplaintRate.class) {
        @Override
        void write(Writer out, ComplaintRate r) {
          out.int64(r.schemaVersion());
          out.string(r.scope());
          out.string(r.id());
          out.string(r.window());
          out.instant(r.windowStart());
          out.instant(r.windowEnd());
          out.int64(r.delivered());
          out.int64(r.complaints());
          out.counts(r.byCategory());
          out.int64(Double.doubleToRawLongBits(r.rate()));
        }

        @Override
        ComplaintRate read(Reader in) {
          return new ComplaintRate(
              (int) in.int64(),
              in.string(),
              in.string(),
              in.string(),
              in.instant(),
              in.instant(),
              in.int64(),
              in.int64(),
              in.counts(),
              Double.longBitsToDouble(in.int64()));
        }
      };

  static final CompactSerde<RateBucket> RATE_BUCKET =
      new CompactSerde<>(RateBucket.class) {
        @Override
        void write(Writer out, RateBucket b) {
          out.int64(b.delivered);
          out.int64(b.complaints);
          out.counts(b.byCategory);
        }

        @Override
        RateBucket read(Reader in) {
          RateBucket b = new RateBucket();
          b.delivered = in.int64();
          b.complaints = in.int64();
          Map<String, Long> counts = in.counts();
          if (counts != null) {
            b.byCategory.putAll(counts);
          }
          return b;
        }
      };

  static final CompactSerde<FunnelStepCount> FUNNEL_STEP_COUNT =
      new CompactSerde<>(FunnelStepCount.class) {
        @Override
        void write(Writer out, FunnelStepCount c) {
          out.int64(c.schemaVersion());
          out.string(c.step());
          out.string(c.mode());
          out.string(c.language());
          out.string(c.channel());
          out.instant(c.hourStart());
          out.int64(c.entered());
          out.int64(c.completed());
          out.int64(c.abandoned());
        }

        @Override
        FunnelStepCount read(Reader in) {
          return new FunnelStepCount(
              (int) in.int64(),
              in.string(),
              in.string(),
              in.string(),
              in.string(),
              in.instant(),
              in.int64(),
              in.int64(),
              in.int64());
        }
      };

  static final CompactSerde<FunnelDelta> FUNNEL_DELTA =
      new CompactSerde<>(FunnelDelta.class) {
        @Override
        void write(Writer out, FunnelDelta d) {
          out.string(d.step());
          out.string(d.mode());
          out.string(d.language());
          out.string(d.channel());
          out.int64(d.hourStart());
          out.int64(d.entered());
          out.int64(d.completed());
          out.int64(d.abandoned());
        }

        @Override
        FunnelDelta read(Reader in) {
          return new FunnelDelta(
              in.string(),
              in.string(),
              in.string(),
              in.string(),
              in.int64(),
              in.int64(),
              in.int64(),
              in.int64());
        }
      };

  static final CompactSerde<FraudFact> FRAUD_FACT =
      new CompactSerde<>(FraudFact.class) {
        @Override
        void write(Writer out, FraudFact f) {
          out.string(f.dimension());
          out.string(f.subject());
          out.string(f.ticketNo());
          out.string(f.buyer());
          out.int64(f.refund() ? 1 : 0);
        }

        @Override
        FraudFact read(Reader in) {
          return new FraudFact(in.string(), in.string(), in.string(), in.string(), in.int64() != 0);
        }
      };

  private final Class<T> type;
  private final Deserializer<T> earlierForm;

  private CompactSerde(Class<T> type) {
    this.type = type;
    this.earlierForm = JsonSerde.binary(type).deserializer();
  }

  abstract void write(Writer out, T value);

  abstract T read(Reader in);

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> {
      if (value == null) {
        return null;
      }
      Writer out = new Writer();
      out.bytes(MAGIC);
      write(out, value);
      return out.toByteArray();
    };
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      if (bytes.length < MAGIC.length || bytes[0] != MAGIC[0] || bytes[1] != MAGIC[1]) {
        return earlierForm.deserialize(topic, bytes);
      }
      Reader in = new Reader(bytes, MAGIC.length);
      try {
        T value = read(in);
        if (in.position != bytes.length) {
          throw new SerializationException(
              "Cannot read " + type.getSimpleName() + " on topic " + topic + ": trailing bytes");
        }
        return value;
      } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
        throw new SerializationException(
            "Cannot read " + type.getSimpleName() + " on topic " + topic, e);
      }
    };
  }

  /** A growable byte buffer. */
  static final class Writer {
    private byte[] buffer = new byte[128];
    private int size;

    private void ensure(int more) {
      if (size + more > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
      }
    }

    void bytes(byte[] b) {
      ensure(b.length);
      System.arraycopy(b, 0, buffer, size, b.length);
      size += b.length;
    }

    void int32(int v) {
      ensure(4);
      buffer[size++] = (byte) (v >>> 24);
      buffer[size++] = (byte) (v >>> 16);
      buffer[size++] = (byte) (v >>> 8);
      buffer[size++] = (byte) v;
    }

    void int64(long v) {
      int32((int) (v >>> 32));
      int32((int) v);
    }

    void string(String s) {
      if (s == null) {
        int32(-1);
        return;
      }
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      int32(utf8.length);
      bytes(utf8);
    }

    void strings(List<String> list) {
      if (list == null) {
        int32(-1);
        return;
      }
      int32(list.size());
      list.forEach(this::string);
    }

    void instant(Instant t) {
      if (t == null) {
        int32(-1);
        return;
      }
      int32(t.getNano());
      int64(t.getEpochSecond());
    }

    void counts(Map<String, Long> counts) {
      if (counts == null) {
        int32(-1);
        return;
      }
      int32(counts.size());
      counts.forEach(
          (k, v) -> {
            string(k);
            int64(v);
          });
    }

    byte[] toByteArray() {
      return Arrays.copyOf(buffer, size);
    }
  }

  /** Reads what {@link Writer} wrote. */
  static final class Reader {
    private final byte[] bytes;
    private int position;

    Reader(byte[] bytes, int position) {
      this.bytes = bytes;
      this.position = position;
    }

    int int32() {
      if (position + 4 > bytes.length) {
        throw new IndexOutOfBoundsException("value ends early");
      }
      int v =
          (bytes[position] & 0xff) << 24
              | (bytes[position + 1] & 0xff) << 16
              | (bytes[position + 2] & 0xff) << 8
              | (bytes[position + 3] & 0xff);
      position += 4;
      return v;
    }

    long int64() {
      long high = int32();
      return high << 32 | (int32() & 0xffffffffL);
    }

    private int length() {
      int n = int32();
      if (n < -1 || n > bytes.length - position) {
        throw new IllegalArgumentException("bad length " + n);
      }
      return n;
    }

    String string() {
      int n = length();
      if (n < 0) {
        return null;
      }
      String s = new String(bytes, position, n, StandardCharsets.UTF_8);
      position += n;
      return s;
    }

    List<String> strings() {
      int n = length();
      if (n < 0) {
        return null;
      }
      List<String> list = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        list.add(string());
      }
      return list;
    }

    Instant instant() {
      int nanos = int32();
      if (nanos == -1) {
        return null;
      }
      return Instant.ofEpochSecond(int64(), nanos);
    }

    Map<String, Long> counts() {
      int n = length();
      if (n < 0) {
        return null;
      }
      Map<String, Long> counts = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        counts.put(string(), int64());
      }
      return counts;
    }
  }
}
