package io.keydesk.analytics;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.events.Topics;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The start-up check that the topics joined by order number are co-partitioned. */
class StreamsAppTest {

  @Test
  void topicsJoinedByOrderNumberMustHaveTheSamePartitions() {
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () ->
                StreamsApp.requireCoPartitioned(
                    Map.of(Topics.ORDERS, 3, Topics.CARD_KEYS, 6, Topics.TICKETS, 3)));
    assertTrue(refused.getMessage().contains(Topics.CARD_KEYS + "=6"), refused.getMessage());

    assertDoesNotThrow(
        () ->
            StreamsApp.requireCoPartitioned(
                Map.of(Topics.ORDERS, 6, Topics.CARD_KEYS, 6, Topics.TICKETS, 6)));
    assertDoesNotThrow(
        () -> StreamsApp.requireCoPartitioned(Map.of(Topics.ORDERS, 3)), "missing: not judged");
  }
}
