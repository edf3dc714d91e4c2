package io.keydesk.analytics;

import java.time.Instant;

/**
 * A change to one {@code step|mode|language|channel|hourStart} bucket (hourStart as an ISO-8601
 * instant, e.g. {@code CATEGORY|novice|zh-CN|web|2026-11-25T10:00:00Z}) of the funnel: what one
 * event (or an idle session's end) added to entered, completed and abandoned (0 or 1 each; an event
 * that enters a step and ends the session there adds to both in one delta). On the internal topic
 * {@code <app-id>-funnel-deltas-repartition}, in the compact form ({@link CompactSerde}).
 */
record FunnelDelta(
    String step,
    String mode,
    String language,
    String channel,
    long hourStart,
    long entered,
    long completed,
    long abandoned) {

  String key() {
    return String.join(
        "|", step, mode, language, channel, Instant.ofEpochMilli(hourStart).toString());
  }
}
