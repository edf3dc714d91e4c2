package io.keydesk.application;

import io.keydesk.domain.model.analytics.AnalyticsRepository;
import io.keydesk.domain.model.risk.RiskRepository;
import io.keydesk.domain.model.risk.RiskSettings;
import io.keydesk.events.AnalyticsResults;
import io.keydesk.events.ComplaintRate;
import io.keydesk.events.FraudSignal;
import io.keydesk.events.FunnelStepCount;
import io.keydesk.events.ProductAlert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Applies the streams job's results to the product, one record per transaction, idempotently:
 * complaint rates and funnel counts into their read models (upsert by record key, newest wins),
 * product alerts once per product and hour (then {@link PredictiveAfterSales}), fraud signals once
 * per kind, subject and window into the risk engine's signals (source STREAM), where they send the
 * subject's next claim to REVIEW. A record that cannot be right is refused with {@link
 * InvalidResultException} before anything is written.
 */
@ApplicationScoped
public class StreamResults {
  private static final Set<String> SCOPES = Set.of("product", "supplier", "batch");
  private static final Set<String> WINDOWS = Set.of("1h", "24h", "7d");
  private static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.:-]{1,16}");

  @Inject AnalyticsRepository analytics;
  @Inject RiskRepository risk;
  @Inject PredictiveAfterSales predictive;
  @Inject Clock clock;

  /** A result record that cannot be applied (missing or impossible values, a newer schema). */
  public static class InvalidResultException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidResultException(String message) {
      super(message);
    }
  }

  /** Upserts a complaint rate under its record key {@code scope|id|window}. */
  @Transactional
  public void complaintRate(String key, ComplaintRate r) {
    require(r != null, "empty record");
    version(r.schemaVersion());
    require(r.scope() != null && SCOPES.contains(r.scope()), "scope");
    require(text(r.id(), 100), "id");
    require(r.window() != null && WINDOWS.contains(r.window()), "window");
    require(
        r.windowStart() != null && r.windowEnd() != null && r.windowStart().isBefore(r.windowEnd()),
        "windowStart/windowEnd");
    require(r.delivered() >= 0 && r.complaints() >= 0, "delivered/complaints");
    require(Double.isFinite(r.rate()) && r.rate() >= 0, "rate");
    Map<String, Long> byCategory = r.byCategory() == null ? Map.of() : r.byCategory();
    require(
        byCategory.entrySet().stream()
            .allMatch(e -> text(e.getKey(), 40) && e.getValue() != null && e.getValue() >= 0),
        "byCategory");
    String expected = r.scope() + "|" + r.id() + "|" + r.window();
    require(key == null || key.equals(expected), "key (expected " + expected + ")");
    analytics.upsertRate(
        expected,
        new ComplaintRate(
            r.schemaVersion(),
            r.scope(),
            r.id(),
            r.window(),
            r.windowStart(),
            r.windowEnd(),
            r.delivered(),
            r.complaints(),
            byCategory,
            r.rate()),
        clock.instant());
  }

  /** Upserts funnel counts under their record key {@code step|mode|language|channel|hourStart}. */
  @Transactional
  public void funnelStep(String key, FunnelStepCount c) {
    require(c != null, "empty record");
    version(c.schemaVersion());
    require(c.step() != null && KIND.matcher(c.step()).matches(), "step");
    require(c.mode() != null && WORD.matcher(c.mode()).matches(), "mode");
    require(c.language() != null && WORD.matcher(c.language()).matches(), "language");
    require(c.channel() != null && WORD.matcher(c.channel()).matches(), "channel");
    require(c.hourStart() != null, "hourStart");
    require(c.entered() >= 0 && c.completed() >= 0 && c.abandoned() >= 0, "counts");
    String expected =
        String.join("|", c.step(), c.mode(), c.language(), c.channel(), c.hourStart().toString());
    analytics.upsertFunnelStep(expected, c, clock.instant());
  }

  /**
   * Stores a product alert once per product and hour and, the first time, warns the buyers and
   * pauses the product ({@link PredictiveAfterSales}). Returns whether it was new.
   */
  @Transactional
  public boolean productAlert(ProductAlert a) {
    require(a != null, "empty record");
    version(a.schemaVersion());
    require(text(a.sku(), 64), "sku");
    require(a.supplier() == null || text(a.supplier(), 64), "supplier");
    require(a.batches() == null || a.batches().stream().allMatch(b -> text(b, 64)), "batches");
    require(a.hourStart() != null && a.at() != null, "hourStart/at");
    require(
        Double.isFinite(a.rate())
            && Double.isFinite(a.baseline())
            && Double.isFinite(a.threshold()),
        "rate/baseline/threshold");
    ProductAlert alert =
        new ProductAlert(
            a.schemaVersion(),
            a.sku(),
            a.supplier(),
            a.batches() == null ? java.util.List.of() : java.util.List.copyOf(a.batches()),
            a.rate(),
            a.baseline(),
            a.threshold(),
            a.volume(),
            a.delivered(),
            a.hourStart(),
            a.at());
    return analytics
        .insertAlert(alert, clock.instant())
        .map(
            id -> {
              predictive.handle(id, alert);
              return true;
            })
        .orElse(false);
  }

  /**
   * Records a fraud signal of the streams job once per kind, subject and window, as a live outside
   * signal (source STREAM) that expires after the risk setting {@code external.days}. Returns
   * whether it was new.
   */
  @Transactional
  public boolean fraudSignal(FraudSignal s) {
    require(s != null, "empty record");
    version(s.schemaVersion());
    require(s.kind() != null && KIND.matcher(s.kind()).matches(), "kind");
    require(text(s.subject(), 100), "subject");
    require(s.window() != null && WORD.matcher(s.window()).matches(), "window");
    require(s.at() != null, "at");
    String subject = s.subject().strip();
    String contactHash = null;
    String ip = null;
    String device = null;
    String fingerprint = null;
    String orderNo = null;
    switch (s.subjectType() == null ? "" : s.subjectType()) {
      case "buyer" -> {
        require(HEX64.matcher(subject).matches(), "subject (a buyer is a contact hash)");
        contactHash = subject;
      }
      case "ip" -> {
        require(subject.length() <= 45, "subject");
        ip = subject;
      }
      case "device" -> device = subject;
      case "fingerprint" -> {
        require(HEX64.matcher(subject).matches(), "subject (a key fingerprint)");
        fingerprint = subject;
      }
      case "order" -> {
        require(subject.length() <= 64, "subject");
        orderNo = subject;
      }
      default -> throw new InvalidResultException("subjectType");
    }
    String detail =
        s.detail() == null || s.detail().isBlank()
            ? s.kind() + ": " + s.count() + " > " + s.threshold() + " (" + s.window() + ")"
            : s.detail();
    String streamId =
        String.join(
            "|",
            s.kind(),
            s.subjectType(),
            subject,
            s.window(),
            s.windowStart() == null ? "-" : s.windowStart().toString());
    Instant raised = s.at();
    Duration live = Duration.ofDays(Math.max(1, risk.settings().get(RiskSettings.EXTERNAL_DAYS)));
    return risk.recordStreamed(
        io.keydesk.domain.model.risk.FraudSignal.streamed(
            s.kind(),
            new io.keydesk.domain.model.risk.FraudSignal.Subject(
                null, orderNo, null, ip, device, fingerprint),
            contactHash,
            streamId,
            detail,
            raised,
            raised.plus(live)));
  }

  private static void version(int schemaVersion) {
    if (schemaVersion < 1 || schemaVersion > AnalyticsResults.SCHEMA_VERSION) {
      throw new InvalidResultException(
          "schemaVersion "
              + schemaVersion
              + " (this build reads 1.."
              + AnalyticsResults.SCHEMA_VERSION
              + ")");
    }
  }

  private static boolean text(String value, int max) {
    return value != null && !value.isBlank() && value.length() <= max;
  }

  private static void require(boolean ok, String field) {
    if (!ok) {
      throw new InvalidResultException("bad " + field);
    }
  }
}
