package io.keydesk.events;

import java.time.Instant;
import java.util.List;

/**
 * Value of {@link Topics#PRODUCT_ALERTS}, keyed by product SKU: the product's complaint rate of the
 * current hour spiked above its own trailing baseline.
 *
 * @param batches key batches of the complaints of that hour (may be empty when unknown)
 * @param rate complaint rate of the hour that raised the alert
 * @param baseline the trailing mean hourly rate (EWMA) before this hour
 * @param threshold the rate that was exceeded: baseline + k·deviation
 * @param volume complaints in the hour
 * @param delivered delivered orders in the hour
 * @param hourStart the hour the spike happened in
 * @param at event time at which the alert was raised
 */
public record ProductAlert(
    int schemaVersion,
    String sku,
    String supplier,
    List<String> batches,
    double rate,
    double baseline,
    double threshold,
    long volume,
    long delivered,
    Instant hourStart,
    Instant at) {}
