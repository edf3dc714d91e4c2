package io.keydesk.infrastructure.reports;

import io.keydesk.application.Audit;
import io.keydesk.application.ReportPeriods.Period;
import io.keydesk.domain.model.report.ReportRepository;
import io.keydesk.domain.model.report.ReportRepository.Recipient;
import io.keydesk.domain.model.ticket.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The claims of scheduled report runs, each in its own transaction: the claim commits before the
 * mail goes out, the "sent" mark and its audit record commit together after it.
 */
@ApplicationScoped
public class ReportRuns {
  @Inject ReportRepository reports;
  @Inject Audit audit;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<Recipient> recipients() {
    return reports.recipients();
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean claim(
      Recipient to, Period p, String instance, Instant now, Instant until, int maxAttempts) {
    return reports.claim(to, p.kind(), p.start(), p.end(), instance, now, until, maxAttempts);
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void sent(Recipient to, Period p, Instant at) {
    reports.markSent(to, p.kind(), p.start(), at);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("kind", p.kind());
    details.put("from", p.from());
    details.put("to", p.to());
    details.put("recipient", to.username());
    audit.record(
        Actor.SYSTEM, "report.sent", "supplier", Long.toString(to.supplierId()), details, at);
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void retryLater(Recipient to, Period p, String error, Instant retryAt) {
    reports.markRetry(to, p.kind(), p.start(), error, retryAt);
  }
}
