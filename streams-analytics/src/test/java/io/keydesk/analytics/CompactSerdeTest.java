package io.keydesk.analytics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.events.ComplaintRate;
import io.keydesk.events.FunnelStepCount;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The hand-written form of the hottest internal records, and the earlier forms still read. */
class CompactSerdeTest {

  private static final ComplaintRate RATE =
      new ComplaintRate(
          1,
          "product",
          "STEAM-100",
          "24h",
          Instant.parse("2026-11-24T10:00:00.123456789Z"),
          Instant.parse("2026-11-25T10:00:00Z"),
          40,
          3,
          new TreeMap<>(Map.of("INVALID_KEY", 2L, "NOT_RECEIVED", 1L)),
          0.075);

  private static final Measure COMPLAINT =
      new Measure(
          Measure.COMPLAINT, "batch", "B-7", "INVALID_KEY", "商品-1", "SUP-1", List.of("B-7", "B-8"));

  private static final Measure DELIVERY =
      new Measure(Measure.DELIVERED, "product", "SKU-1", null, "SKU-1", null, List.of());

  @Test
  void valuesRoundTripInTheirOwnForm() {
    for (Measure m : List.of(COMPLAINT, DELIVERY)) {
      byte[] bytes = CompactSerde.MEASURE.serializer().serialize("t", m);
      assertArrayEquals(CompactSerde.MAGIC, Arrays.copyOf(bytes, 2));
      assertEquals(m, CompactSerde.MEASURE.deserializer().deserialize("t", bytes));
    }
    byte[] rate = CompactSerde.COMPLAINT_RATE.serializer().serialize("t", RATE);
    ComplaintRate back = CompactSerde.COMPLAINT_RATE.deserializer().deserialize("t", rate);
    assertEquals(RATE, back);
    assertEquals(List.copyOf(RATE.byCategory().keySet()), List.copyOf(back.byCategory().keySet()));
    ComplaintRate nulls = new ComplaintRate(1, "batch", "B", "1h", null, null, 0, 0, null, 0);
    assertEquals(
        nulls,
        CompactSerde.COMPLAINT_RATE
            .deserializer()
            .deserialize("t", CompactSerde.COMPLAINT_RATE.serializer().serialize("t", nulls)));

    RateBucket bucket = new RateBucket();
    bucket.delivered = 12;
    bucket.complaints = 2;
    bucket.byCategory.put("INVALID_KEY", 2L);
    RateBucket read =
        CompactSerde.RATE_BUCKET
            .deserializer()
            .deserialize("t", CompactSerde.RATE_BUCKET.serializer().serialize("t", bucket));
    assertEquals(12, read.delivered);
    assertEquals(2, read.complaints);
    assertEquals(Map.of("INVALID_KEY", 2L), read.byCategory);
  }

  @Test
  void valuesWrittenAsSmileOrJsonByAnEarlierVersionAreStillRead() {
    // Smile kept instants to the millisecond
    ComplaintRate rate =
        new ComplaintRate(
            1,
            "product",
            "STEAM-100",
            "24h",
            Instant.parse("2026-11-24T10:00:00.123Z"),
            Instant.parse("2026-11-25T10:00:00Z"),
            40,
            3,
            Map.of("INVALID_KEY", 2L),
            0.075);
    byte[] smile = JsonSerde.binary(ComplaintRate.class).serializer().serialize("t", rate);
    byte[] json = JsonSerde.of(ComplaintRate.class).serializer().serialize("t", rate);
    assertEquals(rate, CompactSerde.COMPLAINT_RATE.deserializer().deserialize("t", smile));
    assertEquals(rate, CompactSerde.COMPLAINT_RATE.deserializer().deserialize("t", json));
    byte[] measure = JsonSerde.binary(Measure.class).serializer().serialize("t", COMPLAINT);
    assertEquals(COMPLAINT, CompactSerde.MEASURE.deserializer().deserialize("t", measure));
  }

  @Test
  void compactValuesAreSmallerThanSmile() {
    byte[] compact = CompactSerde.MEASURE.serializer().serialize("t", COMPLAINT);
    byte[] smile = JsonSerde.binary(Measure.class).serializer().serialize("t", COMPLAINT);
    assertTrue(compact.length < smile.length, compact.length + " vs " + smile.length);
  }

  @Test
  void aTruncatedOrOverlongValueIsASerializationError() {
    byte[] bytes = CompactSerde.MEASURE.serializer().serialize("t", COMPLAINT);
    assertThrows(
        SerializationException.class,
        () ->
            CompactSerde.MEASURE
                .deserializer()
                .deserialize("t", Arrays.copyOf(bytes, bytes.length - 3)));
    assertThrows(
        SerializationException.class,
        () ->
            CompactSerde.MEASURE
                .deserializer()
                .deserialize("t", Arrays.copyOf(bytes, bytes.length + 1)));
  }

  @Test
  void funnelStepCountsRoundTripAndJsonOnesAreStillRead() {
    FunnelStepCount count =
        new FunnelStepCount(
            1,
            "CATEGORY",
            "novice",
            "zh-CN",
            "web",
            Instant.parse("2026-11-25T10:00:00Z"),
            5,
            3,
            1);
    FunnelStepCount empty = new FunnelStepCount(1, null, null, null, null, null, 0, 0, 0);
    for (FunnelStepCount c : List.of(count, empty)) {
      assertEquals(
          c,
          CompactSerde.FUNNEL_STEP_COUNT
              .deserializer()
              .deserialize("t", CompactSerde.FUNNEL_STEP_COUNT.serializer().serialize("t", c)));
    }
    byte[] json = JsonSerde.of(FunnelStepCount.class).serializer().serialize("t", count);
    assertEquals(count, CompactSerde.FUNNEL_STEP_COUNT.deserializer().deserialize("t", json));
  }

  @Test
  void funnelDeltasAndFraudFactsRoundTripAndSmileOnesAreStillRead() {
    FunnelDelta delta =
        new FunnelDelta("SUBMIT", "novice", "zh-CN", null, 1_764_064_800_000L, 1, 1, 0);
    byte[] compact = CompactSerde.FUNNEL_DELTA.serializer().serialize("t", delta);
    assertArrayEquals(CompactSerde.MAGIC, Arrays.copyOf(compact, 2));
    assertEquals(delta, CompactSerde.FUNNEL_DELTA.deserializer().deserialize("t", compact));
    byte[] smileDelta = JsonSerde.binary(FunnelDelta.class).serializer().serialize("t", delta);
    assertEquals(delta, CompactSerde.FUNNEL_DELTA.deserializer().deserialize("t", smileDelta));

    for (FraudFact fact :
        List.of(
            new FraudFact(FraudFact.BUYER, "buyer-1", "T-1", "buyer-1", true),
            new FraudFact(FraudFact.IP, "10.0.0.1", "T-2", null, false))) {
      byte[] bytes = CompactSerde.FRAUD_FACT.serializer().serialize("t", fact);
      assertArrayEquals(CompactSerde.MAGIC, Arrays.copyOf(bytes, 2));
      assertEquals(fact, CompactSerde.FRAUD_FACT.deserializer().deserialize("t", bytes));
      byte[] smile = JsonSerde.binary(FraudFact.class).serializer().serialize("t", fact);
      assertEquals(fact, CompactSerde.FRAUD_FACT.deserializer().deserialize("t", smile));
    }
  }

  @Test
  void countsKeepTheirOrder() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("b", 1L);
    counts.put("a", 2L);
    ComplaintRate r = new ComplaintRate(1, "p", "x", "1h", null, null, 1, 3, counts, 3);
    ComplaintRate back =
        CompactSerde.COMPLAINT_RATE
            .deserializer()
            .deserialize("t", CompactSerde.COMPLAINT_RATE.serializer().serialize("t", r));
    assertEquals(List.of("b", "a"), List.copyOf(back.byCategory().keySet()));
  }
}
