package io.keydesk.events;

import java.time.Instant;

/**
 * Value of {@link Topics#FUNNEL_STEPS}, keyed {@code step|mode|language|channel|hourStart}:
 * sessions that entered, completed and abandoned one step of the after-sales flow in that hour. A
 * newer record for the same key supersedes the previous one (upsert it). {@code mode} is {@code
 * unknown} when the client did not say.
 */
public record FunnelStepCount(
    int schemaVersion,
    String step,
    String mode,
    String language,
    String channel,
    Instant hourStart,
    long entered,
    long completed,
    long abandoned) {}
