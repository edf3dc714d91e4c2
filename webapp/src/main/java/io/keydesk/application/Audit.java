package io.keydesk.application;

import io.keydesk.domain.model.audit.AuditLog;
import io.keydesk.domain.model.audit.AuditRecord;
import io.keydesk.domain.model.ticket.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Map;

/**
 * Writes audit entries (the hash-chained log) for the application services, with details as a small
 * JSON object. Call it last in a transaction: appending holds the chain's lock until commit.
 */
@ApplicationScoped
public class Audit {
  @Inject AuditLog log;

  public void record(
      Actor actor,
      String action,
      String subjectType,
      String subjectId,
      Map<String, ?> details,
      Instant at) {
    log.append(
        new AuditRecord(
            at, actor.type().name(), actor.name(), action, subjectType, subjectId, json(details)));
  }

  /** Details in key order as given; null values are left out. */
  static String json(Map<String, ?> details) {
    JsonObjectBuilder b = Json.createObjectBuilder();
    details.forEach(
        (k, v) -> {
          if (v instanceof Number n) {
            b.add(k, n.toString());
          } else if (v instanceof Boolean f) {
            b.add(k, f);
          } else if (v != null) {
            b.add(k, v.toString());
          }
        });
    return b.build().toString();
  }
}
