package io.keydesk.application;

import io.keydesk.domain.model.audit.AuditLog;
import io.keydesk.domain.model.audit.AuditRecord;
import io.keydesk.domain.model.ticket.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.util.Map;

/**
 * Writes audit entries (the hash-chained log) for the application services, with details as a small
 * JSON object. The entries of a transaction are chained and written together just before it commits
 * (see {@code JpaAuditLog}), so a call may come anywhere in the transaction.
 */
@ApplicationScoped
public class Audit {
  /** Looked up once: {@code Json.create…} scans the class path for the provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

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
    JsonObjectBuilder b = JSON.createObjectBuilder();
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
