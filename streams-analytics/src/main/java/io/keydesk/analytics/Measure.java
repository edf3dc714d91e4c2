package io.keydesk.analytics;

import java.util.List;

/**
 * One delivered order or one complaint, for one scope: the unit the complaint rates and the spike
 * detector add up. Keyed {@code scope|id} on the internal topic {@code
 * <app-id>-complaint-measures-repartition}; the record time is the event time.
 *
 * @param kind {@link #DELIVERED} or {@link #COMPLAINT}
 * @param scope {@code product}, {@code supplier} or {@code batch}
 * @param id SKU, supplier code or batch code
 * @param category the ticket category of a complaint, null for a delivery
 * @param sku the product concerned
 * @param supplier the product's supplier (null when not known yet, e.g. for a batch)
 * @param batches the key batches of the complaint's order (may be empty)
 */
record Measure(
    String kind,
    String scope,
    String id,
    String category,
    String sku,
    String supplier,
    List<String> batches) {

  static final String DELIVERED = "DELIVERED";
  static final String COMPLAINT = "COMPLAINT";
  static final String PRODUCT = "product";
  static final String SUPPLIER = "supplier";
  static final String BATCH = "batch";

  String key() {
    return scope + "|" + id;
  }

  boolean isComplaint() {
    return COMPLAINT.equals(kind);
  }
}
