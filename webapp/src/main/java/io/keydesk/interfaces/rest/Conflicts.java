package io.keydesk.interfaces.rest;

import java.util.function.Supplier;

/**
 * Two requests racing on one unique key (the same Idempotency-Key, say): the loser's transaction
 * fails on the constraint; running it once more finds the winner's row.
 */
final class Conflicts {
  private Conflicts() {}

  static <T> T retryOnce(Supplier<T> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      if (ProblemMappers.isConstraintConflict(e)
          || ProblemMappers.find(e, jakarta.transaction.RollbackException.class) != null) {
        return work.get();
      }
      throw e;
    }
  }
}
