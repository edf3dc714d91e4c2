package io.keydesk.domain.model.audit;

import static io.keydesk.domain.shared.Checks.notBlank;
import static io.keydesk.domain.shared.Checks.notNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What happened, who did it and to what. {@code details} is a small JSON object; it never holds a
 * card key, a token or a password.
 */
public record AuditRecord(
    Instant at,
    String actorType,
    String actorName,
    String action,
    String subjectType,
    String subjectId,
    String details) {
  public AuditRecord {
    at = notNull(at, "at").truncatedTo(ChronoUnit.MILLIS);
    notBlank(actorType, "actor type", 16);
    notBlank(actorName, "actor name", 100);
    notBlank(action, "action", 64);
    notBlank(subjectType, "subject type", 32);
    notBlank(subjectId, "subject id", 100);
    details = details == null || details.isBlank() ? "{}" : details;
  }
}
