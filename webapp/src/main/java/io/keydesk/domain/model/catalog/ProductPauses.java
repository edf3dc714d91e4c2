package io.keydesk.domain.model.catalog;

import java.time.Instant;
import java.util.Optional;

/**
 * Which products the shop was asked to stop selling. Pausing and resuming are atomic, so of two
 * racing requests exactly one changes anything (and tells the shop).
 */
public interface ProductPauses {
  /**
   * @return true when the product was not paused and now is; false when it already was
   */
  boolean pause(Product product, String reason, String pausedBy, Instant at);

  /**
   * @return true when the product was paused and no longer is
   */
  boolean resume(Product product);

  Optional<Pause> of(Product product);

  /** A product is paused since {@code at}, by whom and why. */
  record Pause(String reason, String pausedBy, Instant at) {}
}
