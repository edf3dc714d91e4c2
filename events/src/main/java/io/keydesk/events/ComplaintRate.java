package io.keydesk.events;

import java.time.Instant;
import java.util.Map;

/**
 * Value of {@link Topics#COMPLAINT_RATES}, keyed {@code scope|id|window} (e.g. {@code
 * product|STEAM-100|24h}): complaints (tickets created) ÷ delivered orders in the window {@code
 * [windowStart, windowEnd)}, overall and by category. A newer record for the same key supersedes
 * the previous one (upsert it).
 *
 * @param scope {@code product}, {@code supplier} or {@code batch}
 * @param id the product SKU, supplier code or key batch code
 * @param window {@code 1h}, {@code 24h} or {@code 7d}
 * @param delivered delivered orders in the window (for a batch: orders with a key of the batch)
 * @param complaints tickets created in the window
 * @param byCategory complaints per ticket category (only categories with complaints)
 * @param rate complaints ÷ delivered, or {@code complaints} itself when nothing was delivered (rate
 *     is then not meaningful: check {@code delivered})
 */
public record ComplaintRate(
    int schemaVersion,
    String scope,
    String id,
    String window,
    Instant windowStart,
    Instant windowEnd,
    long delivered,
    long complaints,
    Map<String, Long> byCategory,
    double rate) {}
