package io.keydesk.application;

import io.keydesk.application.AccessTokens.StaffIdentity;
import io.keydesk.domain.model.analytics.AnalyticsRepository;
import io.keydesk.domain.model.analytics.AnalyticsRepository.RateRow;
import io.keydesk.domain.model.analytics.AnalyticsRepository.StepTotals;
import io.keydesk.domain.model.staff.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * What staff read of the streams job's results: complaint rates per product, supplier or key batch
 * (a supplier manager only their own supplier's rows) and the after-sales funnel summed over a time
 * range. Reads the read models the analytics consumer keeps.
 */
@ApplicationScoped
public class AnalyticsQueries {
  @Inject AnalyticsRepository analytics;

  /** A page of complaint rates, highest rate first. */
  public record RatePage(List<RateRow> items, long total, int page, int size) {}

  /** The funnel over {@code [from, to)}: per step, sessions entered, completed, abandoned. */
  public record Funnel(
      Instant from,
      Instant to,
      String mode,
      String language,
      String channel,
      List<StepTotals> steps) {}

  /**
   * @param scope {@code product}, {@code supplier} or {@code batch} (checked by the caller)
   * @param window {@code 1h}, {@code 24h} or {@code 7d} (checked by the caller)
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public RatePage rates(StaffIdentity staff, String scope, String window, int page, int size) {
    Long supplier = staff.role() == Role.SUPPLIER_MANAGER ? supplierOf(staff) : null;
    return new RatePage(
        analytics.rates(scope, window, supplier, page, size),
        analytics.countRates(scope, window, supplier),
        page,
        size);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Funnel funnel(Instant from, Instant to, String mode, String language, String channel) {
    return new Funnel(
        from, to, mode, language, channel, analytics.funnel(from, to, mode, language, channel));
  }

  /** A supplier manager without a supplier sees nothing (id -1 matches no row). */
  private static Long supplierOf(StaffIdentity staff) {
    return staff.supplierId() == null ? -1L : staff.supplierId();
  }
}
