package io.keydesk.it;

import static io.keydesk.it.Claims.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.it.Api.Answer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Steps of the after-sales flow go to the funnel topic through the outbox. */
class FunnelApiIT extends ApiIT {
  private static String step(String session, String step, String action) {
    return "{\"sessionId\":\""
        + session
        + "\",\"step\":\""
        + step
        + "\",\"action\":\""
        + action
        + "\",\"mode\":\"novice\",\"language\":\"zh-CN\",\"channel\":\"mobile\","
        + "\"category\":\"INVALID_KEY\"}";
  }

  @Test
  void stepsAreRecordedInOrderOnTheFunnelTopic() throws Exception {
    String session = Api.unique("flow-session");
    for (String[] s :
        new String[][] {{"ORDER", "VIEWED"}, {"ORDER", "COMPLETED"}, {"CATEGORY", "VIEWED"}}) {
      Answer a =
          api.post(
              "/api/v1/funnel/events",
              step(session, s[0], s[1]),
              Map.of("X-Forwarded-For", Api.uniqueIp()));
      assertEquals(202, a.status(), a.body());
    }
    // What navigator.sendBeacon sends when the buyer leaves: text/plain.
    HttpResponse<String> beacon =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/funnel/events"))
                    .header("Content-Type", "text/plain;charset=UTF-8")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            step(session, "CATEGORY", "LEFT"), StandardCharsets.UTF_8))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(202, beacon.statusCode(), beacon.body());

    assertEquals(
        4,
        count(
            "SELECT COUNT(*) FROM outbox_event WHERE topic = 'keydesk.funnel.v1' AND aggregate_id = ?",
            session));
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM outbox_event WHERE aggregate_id = ? AND payload LIKE"
                + " '%\"action\":\"LEFT\"%' AND payload LIKE '%\"step\":\"CATEGORY\"%'",
            session));
  }

  @Test
  void badStepsAreRefusedFieldByFieldAndNothingIsRecorded() throws Exception {
    Answer a =
        api.post(
            "/api/v1/funnel/events",
            "{\"sessionId\":\"x\",\"step\":\"NOWHERE\",\"action\":\"DEFLECTED\",\"language\":\"fr\","
                + "\"channel\":\"web\"}",
            Map.of("X-Forwarded-For", Api.uniqueIp()));

    assertEquals(400, a.status());
    assertTrue(a.contentType().startsWith("application/problem+json"));
    for (String field : new String[] {"sessionId", "step", "action", "language"}) {
      assertTrue(a.body().contains("\"" + field + "\""), field + " named in " + a.body());
    }
    assertEquals(0, count("SELECT COUNT(*) FROM outbox_event WHERE aggregate_id = 'x'"));
  }
}
