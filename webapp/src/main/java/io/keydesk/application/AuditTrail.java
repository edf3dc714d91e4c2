package io.keydesk.application;

import io.keydesk.domain.model.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** The audit log as staff read it: newest entries first, filtered by subject type or action. */
@ApplicationScoped
public class AuditTrail {
  @Inject AuditLog log;

  /** A page of entries. */
  public record EntryPage(List<AuditLog.Entry> items, long total, int page, int size) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  public EntryPage newest(String subjectType, String actionPrefix, int page, int size) {
    AuditLog.Query query = new AuditLog.Query(blank(subjectType), blank(actionPrefix), page, size);
    return new EntryPage(log.newest(query), log.count(query), page, size);
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
