package io.keydesk.domain.model.knowledge;

import static io.keydesk.domain.shared.Checks.notBlank;
import static io.keydesk.domain.shared.Checks.notNull;

import io.keydesk.domain.model.category.CategoryCode;
import java.time.Instant;
import java.util.Optional;

/**
 * A buyer said an article solved their problem, so no ticket was needed: a self-resolved case.
 * Counted once per article and after-sales session ({@code sessionId}, chosen by the client).
 * {@code orderNo} is as the client reported it, not verified; {@code mode} (novice or expert) may
 * be unknown.
 */
public record Deflection(
    long articleId,
    String sessionId,
    String orderNo,
    CategoryCode category,
    Language language,
    String channel,
    String mode,
    Instant at) {
  public Deflection {
    notBlank(sessionId, "session id", 64);
    if (orderNo != null) {
      notBlank(orderNo, "order number", 64);
    }
    notNull(category, "category");
    notNull(language, "language");
    notBlank(channel, "channel", 16);
    if (mode != null) {
      notBlank(mode, "mode", 16);
    }
    notNull(at, "at");
  }

  public Optional<String> reportedOrderNo() {
    return Optional.ofNullable(orderNo);
  }
}
