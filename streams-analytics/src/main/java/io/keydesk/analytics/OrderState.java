package io.keydesk.analytics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the job knows of one order (value of the store {@code order-facts}, JSON). Mutable: it is
 * read, changed and written back by {@link OrderFacts} only.
 */
final class OrderState {
  public String sku;

  /** Event time (epoch ms) of the latest event about the order. */
  public long lastAt;

  public String supplier;

  /** The order was counted as delivered for its product and supplier. */
  public boolean deliveredCounted;

  /** Key index → the key's fingerprint, batch and redemption. */
  public Map<String, KeyState> keys = new LinkedHashMap<>();

  /** Batches this order was counted as delivered for. */
  public Set<String> batchesCounted = new LinkedHashSet<>();

  /**
   * The created tickets on this order, so that a redemption reported after a ticket arrived (the
   * two travel on different topics) is still checked against it.
   */
  public List<Claim> claims = new ArrayList<>();

  /** One created ticket: its number, event time (epoch ms) and the keys it names (empty: all). */
  static final class Claim {
    public String ticketNo;
    public long at;
    public List<String> fingerprints = new ArrayList<>();
  }

  /** One card key of the order. */
  static final class KeyState {
    public String fingerprint;
    public String batch;

    /** Event time (epoch ms) the shop reported the key redeemed; null if not. */
    public Long redeemedAt;

    /** Tickets already signalled as claims after this key's redemption. */
    public Set<String> claimedAfterRedemption = new LinkedHashSet<>();

    boolean concerns(Claim claim) {
      return claim.fingerprints.isEmpty() || claim.fingerprints.contains(fingerprint);
    }
  }
}
