package io.keydesk.infrastructure.reports;

import io.keydesk.application.BuyerTexts;
import io.keydesk.application.ReportPeriods;
import io.keydesk.application.ReportPeriods.Period;
import io.keydesk.application.SupplierReports;
import io.keydesk.application.SupplierReports.Report;
import io.keydesk.domain.model.report.ReportRepository;
import io.keydesk.domain.model.report.ReportRepository.Recipient;
import io.keydesk.domain.model.report.ReportRepository.SupplierRef;
import io.keydesk.infrastructure.notification.DeliveryException;
import io.keydesk.infrastructure.notification.MailSender;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One sweep of the scheduled supplier reports: for the daily and the weekly period due now, each
 * active supplier manager with an e-mail address gets the report of their supplier once — PDF
 * attached, summary in the body, in their language. Every instance sweeps; the {@code report_run}
 * row claimed before sending makes one of them send (docs/operations.md).
 */
@ApplicationScoped
public class ReportSweep {
  private static final Logger LOG = Logger.getLogger(ReportSweep.class.getName());

  @Inject ReportRuns runs;
  @Inject ReportRepository repository;
  @Inject SupplierReports reports;
  @Inject ReportPdf pdf;
  @Inject MailSender mail;

  @Inject
  @ConfigProperty(name = "keydesk.reports.daily-at", defaultValue = "06:00")
  String dailyAt;

  @Inject
  @ConfigProperty(name = "keydesk.reports.weekly-day", defaultValue = "MONDAY")
  String weeklyDay;

  @Inject
  @ConfigProperty(name = "keydesk.reports.weekly-at", defaultValue = "06:30")
  String weeklyAt;

  @Inject
  @ConfigProperty(name = "keydesk.reports.claim-minutes", defaultValue = "10")
  long claimMinutes;

  @Inject
  @ConfigProperty(name = "keydesk.reports.max-attempts", defaultValue = "5")
  int maxAttempts;

  private final String instance = "app-" + UUID.randomUUID().toString().substring(0, 8);
  private ReportPeriods periods;

  /** What one sweep did. */
  public record Outcome(int sent, int failed) {}

  @PostConstruct
  void configure() {
    periods =
        new ReportPeriods(
            LocalTime.parse(dailyAt.strip()),
            DayOfWeek.valueOf(weeklyDay.strip().toUpperCase(Locale.ROOT)),
            LocalTime.parse(weeklyAt.strip()));
    if (claimMinutes < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException(
          "keydesk.reports.claim-minutes and max-attempts must be positive");
    }
  }

  /** Sends the reports due at {@code now} that no instance has claimed yet. */
  public Outcome sweep(Instant now) {
    List<Recipient> recipients = runs.recipients();
    int sent = 0;
    int failed = 0;
    for (Period period : List.of(periods.daily(now), periods.weekly(now))) {
      Map<Long, Report> built = new HashMap<>();
      for (Recipient to : recipients) {
        if (!claim(to, period)) {
          continue;
        }
        try {
          Report report =
              built.computeIfAbsent(
                  to.supplierId(),
                  id -> {
                    SupplierRef supplier = repository.supplier(id).orElseThrow();
                    return reports.report(supplier, period.from(), period.to());
                  });
          send(to, period, report, now);
          runs.sent(to, period, Instant.now());
          sent++;
        } catch (DeliveryException | RuntimeException e) {
          failed++;
          String reason = reason(e);
          LOG.log(
              Level.WARNING,
              "Scheduled {0} report for staff {1} not sent ({2}); retried after the claim expires",
              new Object[] {period.kind(), to.staffId(), reason});
          runs.retryLater(to, period, reason, Instant.now().plus(Duration.ofMinutes(1)));
        }
      }
    }
    return new Outcome(sent, failed);
  }

  /**
   * True when this sweep may send: it claimed the run. A claim that fails (a deadlock with another
   * instance's claim of the same row) is a lost claim; the next sweep looks again.
   */
  private boolean claim(Recipient to, Period period) {
    Instant now = Instant.now();
    try {
      return runs.claim(
          to, period, instance, now, now.plus(Duration.ofMinutes(claimMinutes)), maxAttempts);
    } catch (RuntimeException e) {
      LOG.log(
          Level.FINE,
          "Claim of a {0} report for staff {1} lost to another sweep ({2})",
          new Object[] {period.kind(), to.staffId(), reason(e)});
      return false;
    }
  }

  /** The innermost cause, with e-mail addresses masked (server answers may quote them). */
  static String reason(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? "" : ": " + t.getMessage().strip();
    return (t.getClass().getSimpleName() + message).replaceAll("[^\\s<>\"'@:,;]+@", "***@");
  }

  private void send(Recipient to, Period period, Report r, Instant now) throws DeliveryException {
    String lang = to.language() != null && to.language().startsWith("zh") ? "zh-CN" : "en";
    String kind = BuyerTexts.of(lang, "report.kind." + period.kind());
    String subject =
        BuyerTexts.of(
            lang,
            "report.mail.subject",
            kind,
            r.supplierName(),
            r.from().toString(),
            r.to().toString());
    String body =
        BuyerTexts.of(
            lang,
            "report.mail.body",
            to.username(),
            kind,
            r.supplierName(),
            r.from().toString(),
            r.to().toString(),
            Long.toString(r.total().orders()),
            Long.toString(r.total().complaints()),
            ReportPdf.percent(r.total().rate()),
            r.total().previousRate() == null ? "–" : ReportPdf.percent(r.total().previousRate()),
            Long.toString(r.total().replaced()),
            Long.toString(r.total().refunded()));
    String file =
        "keydesk-report-"
            + r.supplierCode().replaceAll("[^A-Za-z0-9_-]", "_")
            + "-"
            + r.from()
            + "-"
            + r.to()
            + ".pdf";
    mail.sendWithAttachment(
        to.email(),
        subject,
        body,
        lang,
        pdf.render(r, lang, now),
        "application/pdf",
        file,
        period.kind() + "/" + period.from() + "/" + to.staffId());
  }
}
