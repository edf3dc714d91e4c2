package io.keydesk.events;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order was imported from the shop or updated. Key = {@code orderNo}. No buyer contact and no
 * card key travels in events.
 */
public record OrderEvent(
    String eventId,
    String type,
    int schemaVersion,
    Instant occurredAt,
    String orderNo,
    String productSku,
    String supplierCode,
    int quantity,
    BigDecimal amount,
    String currency,
    Instant paidAt,
    int deliveredKeys) {}
