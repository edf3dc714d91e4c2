package io.keydesk.analytics;

import java.util.TreeSet;

/** State of the spike detector for one product (store {@code product-baselines}, JSON). */
final class Baseline {
  /** Start (epoch ms) of the hour being counted; -1 before the first measure. */
  public long hourStart = -1;

  public long delivered;
  public long complaints;
  public TreeSet<String> batches = new TreeSet<>();
  public String supplier;

  /** Completed hours folded into the averages. */
  public int hoursSeen;

  /** EWMA of the hourly complaint rate, and of its squared deviation. */
  public double mean;

  public double variance;

  /** EWMA of the hourly deliveries (the rate's denominator early in an hour). */
  public double meanDelivered;

  /** No new alert before this event time (epoch ms). */
  public long quietUntil;
}
