package io.keydesk.infrastructure.webhooks;

import io.keydesk.infrastructure.crypto.RequestSignatures;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One webhook as the shop receives it: the JSON envelope {@code {"id","type","occurredAt","data"}}
 * and the headers, signed with the shop secret like the shop's own calls to Keydesk.
 */
public record WebhookMessage(String body, Map<String, String> headers) {
  /** Looked up once: {@code Json.create…} scans the class path for the provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  public static final String EVENT_ID = "X-Keydesk-Event-Id";
  public static final String EVENT_TYPE = "X-Keydesk-Event-Type";

  /**
   * @param payload the {@code data} object as stored (JSON)
   * @param timestamp Unix seconds of this attempt: each attempt is signed afresh
   */
  public static WebhookMessage of(
      String eventId,
      String type,
      Instant occurredAt,
      String payload,
      String secret,
      long timestamp) {
    String body =
        "{\"id\":"
            + JSON.createValue(eventId)
            + ",\"type\":"
            + JSON.createValue(type)
            + ",\"occurredAt\":"
            + JSON.createValue(occurredAt.truncatedTo(ChronoUnit.MILLIS).toString())
            + ",\"data\":"
            + payload
            + "}";
    String ts = Long.toString(timestamp);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put(EVENT_ID, eventId);
    headers.put(EVENT_TYPE, type);
    headers.put(RequestSignatures.TIMESTAMP, ts);
    headers.put(RequestSignatures.SIGNATURE, RequestSignatures.sign(secret, ts, body));
    return new WebhookMessage(body, Map.copyOf(headers));
  }
}
