package io.keydesk.domain.model.order;

import java.time.Instant;
import java.util.Optional;

/**
 * One-time codes sent to an order's contact before one of its keys is shown again. Only a keyed
 * hash of a code is kept.
 */
public interface OneTimeCodes {
  /** The newest code of a key that is neither used nor expired, locked for the caller's update. */
  Optional<Pending> pendingForUpdate(Order order, int keyIndex, Instant now);

  void add(Order order, int keyIndex, String codeHash, Instant now, Instant expiresAt);

  void countFailedAttempt(long id);

  void markUsed(long id, Instant now);

  /** A pending code: its row id, hash and the wrong attempts so far. */
  record Pending(long id, String codeHash, int attempts) {}
}
