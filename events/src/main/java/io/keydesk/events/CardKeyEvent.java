package io.keydesk.events;

import java.time.Instant;

/**
 * A card key changed status (DELIVERED, REDEEMED, VOIDED, ...). Key = {@code orderNo}, so that all
 * events of one order stay in order. The key itself is identified only by its keyed fingerprint.
 */
public record CardKeyEvent(
    String eventId,
    String type,
    int schemaVersion,
    Instant occurredAt,
    String orderNo,
    int keyIndex,
    String fingerprint,
    String batchCode,
    String productSku,
    String status) {}
