package io.keydesk.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.keydesk.events.AnalyticsResults;
import io.keydesk.events.AnalyticsStores;
import io.keydesk.events.FunnelStepCount;
import io.keydesk.events.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The abandonment funnel: sessions with a 30-minute gap, explicit event times. */
class FunnelTest {

  private static final Instant T10 = Instant.parse("2026-11-25T10:00:00Z");

  @TempDir Path stateDir;
  private Driver driver;
  private TestOutputTopic<String, FunnelStepCount> steps;
  private final Map<String, FunnelStepCount> latest = new HashMap<>();

  @BeforeEach
  void start() {
    driver = new Driver(stateDir);
    steps = driver.output(Topics.FUNNEL_STEPS, FunnelStepCount.class);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void aSubmittedSessionCompletesItsStepsAndIsNeverAbandoned() {
    step("s-1", "ORDER", "VIEWED", 0);
    step("s-1", "ORDER", "COMPLETED", 1);
    step("s-1", "CATEGORY", "VIEWED", 1);
    step("s-1", "CATEGORY", "COMPLETED", 2);
    step("s-1", "DETAILS", "VIEWED", 2);
    step("s-1", "DETAILS", "COMPLETED", 4);
    step("s-1", "SUBMIT", "SUBMITTED", 5);
    step("s-1", "OUTCOME", "VIEWED", 5);
    step("s-other", "ORDER", "VIEWED", 120); // two hours later: stream time far past the gap

    for (String step : new String[] {"ORDER", "CATEGORY", "DETAILS", "SUBMIT", "OUTCOME"}) {
      FunnelStepCount count = count(step + "|novice|zh-CN|web|2026-11-25T10:00:00Z");
      assertEquals(1, count.entered(), step);
      assertEquals(1, count.completed(), step);
      assertEquals(0, count.abandoned(), step);
    }
    FunnelStepCount order = count("ORDER|novice|zh-CN|web|2026-11-25T10:00:00Z");
    assertEquals(AnalyticsResults.SCHEMA_VERSION, order.schemaVersion());
    assertEquals("ORDER", order.step());
    assertEquals("novice", order.mode());
    assertEquals("zh-CN", order.language());
    assertEquals("web", order.channel());
    assertEquals(T10, order.hourStart());
  }

  @Test
  void aSessionIdleForThirtyMinutesIsAbandonedAtItsLastStep() {
    step("s-1", "ORDER", "VIEWED", 0);
    step("s-1", "ORDER", "COMPLETED", 1);
    step("s-1", "CATEGORY", "VIEWED", 2);
    step("s-other", "ORDER", "VIEWED", 31); // 29 minutes idle: not yet
    assertEquals(0, count("CATEGORY|novice|zh-CN|web|2026-11-25T10:00:00Z").abandoned());

    step("s-other", "ORDER", "COMPLETED", 33); // 31 minutes idle: abandoned
    FunnelStepCount category = count("CATEGORY|novice|zh-CN|web|2026-11-25T10:00:00Z");
    assertEquals(1, category.entered());
    assertEquals(0, category.completed());
    assertEquals(1, category.abandoned());
    FunnelStepCount order = count("ORDER|novice|zh-CN|web|2026-11-25T10:00:00Z");
    assertEquals(2, order.entered());
    assertEquals(2, order.completed());
    assertEquals(0, order.abandoned());

    KeyValueStore<String, FunnelStepCount> store =
        driver.driver.getKeyValueStore(AnalyticsStores.FUNNEL_STEP_COUNTS);
    assertEquals(category, store.get("CATEGORY|novice|zh-CN|web|2026-11-25T10:00:00Z"));
  }

  @Test
  void leftIsAbandonedAtOnceAndOnlyOnce() {
    step("s-1", "ORDER", "VIEWED", 0);
    step("s-1", "ORDER", "COMPLETED", 1);
    step("s-1", "KNOWLEDGE_BASE", "VIEWED", 1);
    step("s-1", "KNOWLEDGE_BASE", "LEFT", 3);
    assertEquals(1, count("KNOWLEDGE_BASE|novice|zh-CN|web|2026-11-25T10:00:00Z").abandoned());

    step("s-other", "ORDER", "VIEWED", 90); // the left session idles out: no second count
    assertEquals(1, count("KNOWLEDGE_BASE|novice|zh-CN|web|2026-11-25T10:00:00Z").abandoned());
    assertEquals(0, count("ORDER|novice|zh-CN|web|2026-11-25T10:00:00Z").abandoned());
  }

  @Test
  void outOfOrderEventsDoNotMoveTheLastStepBack() {
    step("s-1", "CATEGORY", "VIEWED", 5); // arrives first
    step("s-1", "ORDER", "VIEWED", 0);
    step("s-1", "ORDER", "COMPLETED", 4);
    step("s-other", "ORDER", "VIEWED", 40);

    FunnelStepCount category = count("CATEGORY|novice|zh-CN|web|2026-11-25T10:00:00Z");
    assertEquals(1, category.entered());
    assertEquals(1, category.abandoned());
    FunnelStepCount order = count("ORDER|novice|zh-CN|web|2026-11-25T10:00:00Z");
    assertEquals(1, order.completed());
    assertEquals(0, order.abandoned());
  }

  @Test
  void splitsByModeLanguageChannelAndHour() {
    driver.funnel(
        "s-1",
        EventJson.funnel("s-1", "DETAILS", "VIEWED", T10.plus(Duration.ofMinutes(70)))
            .with("mode", "expert")
            .with("language", "en")
            .with("channel", "api"),
        T10.plus(Duration.ofMinutes(70)));
    driver.funnel(
        "s-2",
        EventJson.funnel("s-2", "DETAILS", "VIEWED", T10).with("mode", null),
        T10.plus(Duration.ofMinutes(71)));

    assertEquals(1, count("DETAILS|expert|en|api|2026-11-25T11:00:00Z").entered());
    assertEquals(1, count("DETAILS|unknown|zh-CN|web|2026-11-25T10:00:00Z").entered());
    assertNull(latest.get("DETAILS|novice|zh-CN|web|2026-11-25T10:00:00Z"));
  }

  @Test
  void aRedeliveredEventCountsOnceWhileItsSessionIsOpen() {
    EventJson viewed = EventJson.funnel("s-1", "ORDER", "VIEWED", T10);
    EventJson left = EventJson.funnel("s-1", "ORDER", "LEFT", T10.plus(Duration.ofMinutes(2)));
    driver.funnel("s-1", viewed, T10);
    driver.funnel("s-1", left, T10.plus(Duration.ofMinutes(2)));
    driver.funnel("s-1", viewed, T10.plus(Duration.ofMinutes(3))); // re-sent by the relay
    driver.funnel("s-1", left, T10.plus(Duration.ofMinutes(4)));

    FunnelStepCount order = count("ORDER|novice|zh-CN|web|2026-11-25T10:00:00Z");
    assertEquals(1, order.entered());
    assertEquals(1, order.abandoned());
  }

  @Test
  void aRedeliveredEventOfASessionThatIdledOutDoesNotStartAnotherOne() {
    EventJson viewed = EventJson.funnel("s-1", "CATEGORY", "VIEWED", T10);
    driver.funnel("s-1", viewed, T10);
    step("s-other", "ORDER", "VIEWED", 40); // s-1 idles out: abandoned at CATEGORY
    assertEquals(1, count("CATEGORY|novice|zh-CN|web|2026-11-25T10:00:00Z").abandoned());

    // the same event again, an hour later: without its id it would open a session of its own,
    // entered and (when that idles out) abandoned once more
    driver.funnel("s-1", viewed, T10.plus(Duration.ofMinutes(60)));
    step("s-other", "ORDER", "COMPLETED", 120);
    FunnelStepCount category = count("CATEGORY|novice|zh-CN|web|2026-11-25T10:00:00Z");
    assertEquals(1, category.entered());
    assertEquals(1, category.abandoned());

    // a new event under the same session id later starts a new session, and its re-delivery
    // counts once too
    EventJson again =
        EventJson.funnel("s-1", "CATEGORY", "VIEWED", T10.plus(Duration.ofMinutes(130)));
    driver.funnel("s-1", again, T10.plus(Duration.ofMinutes(130)));
    driver.funnel("s-1", again, T10.plus(Duration.ofMinutes(131)));
    driver.funnel("s-1", viewed, T10.plus(Duration.ofMinutes(132)));
    assertEquals(1, count("CATEGORY|novice|zh-CN|web|2026-11-25T12:00:00Z").entered());
    assertEquals(1, count("CATEGORY|novice|zh-CN|web|2026-11-25T10:00:00Z").entered());
  }

  @Test
  void aRedeliveryBeyondTheHorizonCountsAgainAndOldIdsAreForgotten() {
    EventJson viewed = EventJson.funnel("s-1", "ORDER", "VIEWED", T10);
    driver.funnel("s-1", viewed, T10);
    step("s-other", "DETAILS", "VIEWED", 40);
    KeyValueStore<String, FunnelSession> sessions =
        driver.driver.getKeyValueStore(AnalyticsStores.FUNNEL_SESSIONS);
    assertEquals(false, sessions.get("s-1").open); // closed, kept for its event id

    Instant afterHorizon = T10.plus(FunnelSessions.HORIZON).plus(Duration.ofDays(1));
    driver.funnel(
        "s-other", EventJson.funnel("s-other", "DETAILS", "VIEWED", afterHorizon), afterHorizon);
    driver.funnel(
        "s-other",
        EventJson.funnel("s-other", "DETAILS", "VIEWED", afterHorizon.plus(Duration.ofDays(1))),
        afterHorizon.plus(Duration.ofDays(1)));
    assertNull(sessions.get("s-1")); // forgotten by the next check (every half horizon)

    assertEquals(1, count("ORDER|novice|zh-CN|web|2026-11-25T10:00:00Z").entered());
    driver.funnel("s-1", viewed, afterHorizon.plus(Duration.ofDays(1)));
    assertEquals(2, count("ORDER|novice|zh-CN|web|2026-11-25T10:00:00Z").entered());
  }

  private void step(String session, String step, String action, int minute) {
    Instant at = T10.plus(Duration.ofMinutes(minute));
    driver.funnel(session, EventJson.funnel(session, step, action, at), at);
  }

  private FunnelStepCount count(String key) {
    latest.putAll(steps.readKeyValuesToMap());
    return latest.getOrDefault(
        key,
        new FunnelStepCount(
            AnalyticsResults.SCHEMA_VERSION, null, null, null, null, null, 0, 0, 0));
  }
}
