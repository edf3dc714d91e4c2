package io.keydesk.application;

import io.keydesk.application.AccessTokens.StaffIdentity;
import io.keydesk.domain.model.report.ReportRepository;
import io.keydesk.domain.model.report.ReportRepository.BatchOrders;
import io.keydesk.domain.model.report.ReportRepository.DayOrders;
import io.keydesk.domain.model.report.ReportRepository.ProductOrders;
import io.keydesk.domain.model.report.ReportRepository.SupplierRef;
import io.keydesk.domain.model.report.ReportRepository.TicketRow;
import io.keydesk.domain.model.staff.Role;
import io.keydesk.domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Supplier reports: per product and per key batch the orders, complaints by category, complaint
 * rate against the previous period of the same length, replacements and refunds, the top reasons
 * with masked example descriptions, and response times. Computed from MariaDB (orders, tickets,
 * card keys), scoped to one supplier; the caller decides who may read which supplier ({@link
 * #scope}).
 */
@ApplicationScoped
public class SupplierReports {
  /** The longest period one report covers. */
  public static final int MAX_DAYS = 366;

  private static final int EXAMPLES = 3;

  @Inject ReportRepository reports;

  /** Complaints ÷ orders of one product, one batch or the whole supplier. */
  public record Line(
      String sku,
      String name,
      String batch,
      long orders,
      long complaints,
      Map<String, Long> byCategory,
      double rate,
      Double previousRate,
      long replaced,
      long refunded) {}

  /** One UTC day of the period. */
  public record Day(LocalDate day, long orders, long complaints, double rate) {}

  /** A complaint category with its count and a few masked example descriptions. */
  public record Reason(String category, long complaints, List<String> examples) {}

  /** Minutes from filing to the first staff response and to resolution; null without data. */
  public record Times(
      long responded,
      Double firstResponseP50,
      Double firstResponseP90,
      long resolved,
      Double resolutionP50) {}

  /** The report; {@code to} is the last day included. */
  public record Report(
      String supplierCode,
      String supplierName,
      LocalDate from,
      LocalDate to,
      Line total,
      List<Line> products,
      List<Line> batches,
      List<Day> days,
      List<Reason> reasons,
      Times times) {}

  /**
   * The supplier {@code staff} may read: a supplier manager their own (asking for another one is
   * refused), supervisors and admins the one they name.
   *
   * @throws SecurityException a supplier manager asked for another supplier, or another role may
   *     not read reports
   * @throws InvalidFieldException {@code supplier} is missing
   * @throws NotFoundException no supplier has that code
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public SupplierRef scope(StaffIdentity staff, String supplierCode) {
    String code = supplierCode == null || supplierCode.isBlank() ? null : supplierCode.strip();
    if (staff.role() == Role.SUPPLIER_MANAGER) {
      SupplierRef own =
          Optional.ofNullable(staff.supplierId())
              .flatMap(reports::supplier)
              .orElseThrow(() -> new SecurityException("no supplier"));
      if (code != null && !code.equals(own.code())) {
        throw new SecurityException("another supplier");
      }
      return own;
    }
    if (staff.role() != Role.SUPERVISOR && staff.role() != Role.ADMIN) {
      throw new SecurityException("role");
    }
    if (code == null) {
      throw new InvalidFieldException("supplier", "name the supplier (its code)");
    }
    return reports.supplierByCode(code).orElseThrow(() -> new NotFoundException("supplier"));
  }

  /** Suppliers a supervisor or admin can pick. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<SupplierRef> suppliers() {
    return reports.suppliers();
  }

  /**
   * The period of a report: the UTC days {@code from} to {@code to}, both included; by default the
   * last 7 days up to {@code today}.
   *
   * @throws InvalidFieldException the period is reversed or longer than {@link #MAX_DAYS}
   */
  public static LocalDate[] period(LocalDate from, LocalDate to, LocalDate today) {
    LocalDate end = to == null ? today : to;
    LocalDate start = from == null ? end.minusDays(6) : from;
    if (start.isAfter(end)) {
      throw new InvalidFieldException("from", "must not be after to");
    }
    if (start.plusDays(MAX_DAYS).isBefore(end.plusDays(1))) {
      throw new InvalidFieldException("from", "a report covers at most 366 days");
    }
    return new LocalDate[] {start, end};
  }

  /** The report of {@code supplier} for the UTC days {@code from} to {@code to}, both included. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Report report(SupplierRef supplier, LocalDate from, LocalDate to) {
    Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant previousStart = start.minus(Duration.between(start, end));

    List<ProductOrders> orders = reports.ordersByProduct(supplier.id(), start, end);
    List<TicketRow> tickets = reports.tickets(supplier.id(), start, end);
    List<ProductOrders> previousOrders =
        reports.ordersByProduct(supplier.id(), previousStart, start);
    List<TicketRow> previousTickets = reports.tickets(supplier.id(), previousStart, start);

    Map<String, Long> prevOrdersBySku = new HashMap<>();
    previousOrders.forEach(p -> prevOrdersBySku.put(p.sku(), p.orders()));
    Map<String, Long> prevComplaintsBySku = new HashMap<>();
    previousTickets.forEach(t -> prevComplaintsBySku.merge(t.sku(), 1L, Long::sum));

    List<Line> products = new ArrayList<>();
    for (ProductOrders p : orders) {
      List<TicketRow> own = tickets.stream().filter(t -> t.sku().equals(p.sku())).toList();
      products.add(
          line(
              p.sku(),
              p.name(),
              null,
              p.orders(),
              own,
              rate(prevComplaintsBySku.getOrDefault(p.sku(), 0L), prevOrdersBySku.get(p.sku()))));
    }
    Map<String, String> names = new HashMap<>();
    orders.forEach(p -> names.put(p.sku(), p.name()));

    Map<String, Long> batchOrders = new LinkedHashMap<>();
    for (BatchOrders b : reports.ordersByBatch(supplier.id(), start, end)) {
      batchOrders.put(b.sku() + "\u0000" + b.batch(), b.orders());
    }
    tickets.stream()
        .filter(t -> t.batch() != null)
        .forEach(t -> batchOrders.putIfAbsent(t.sku() + "\u0000" + t.batch(), 0L));
    List<Line> batches = new ArrayList<>();
    batchOrders.forEach(
        (key, n) -> {
          String[] parts = key.split("\u0000", 2);
          List<TicketRow> own =
              tickets.stream()
                  .filter(t -> parts[0].equals(t.sku()) && parts[1].equals(t.batch()))
                  .toList();
          batches.add(line(parts[0], names.get(parts[0]), parts[1], n, own, null));
        });
    batches.sort(Comparator.comparing(Line::rate).reversed().thenComparing(Line::batch));

    long totalOrders = orders.stream().mapToLong(ProductOrders::orders).sum();
    long previousTotal = previousOrders.stream().mapToLong(ProductOrders::orders).sum();
    Line total =
        line(
            null,
            supplier.name(),
            null,
            totalOrders,
            tickets,
            rate(previousTickets.size(), previousTotal));

    return new Report(
        supplier.code(),
        supplier.name(),
        from,
        to,
        total,
        products,
        batches,
        days(from, to, reports.ordersByDay(supplier.id(), start, end), tickets),
        reasons(tickets),
        times(tickets));
  }

  private static Line line(
      String sku, String name, String batch, long orders, List<TicketRow> tickets, Double prev) {
    Map<String, Long> byCategory = new TreeMap<>();
    long replaced = 0;
    long refunded = 0;
    for (TicketRow t : tickets) {
      byCategory.merge(t.category(), 1L, Long::sum);
      if ("REPLACED".equals(t.resolution())) {
        replaced++;
      } else if ("REFUNDED".equals(t.resolution())) {
        refunded++;
      }
    }
    return new Line(
        sku,
        name,
        batch,
        orders,
        tickets.size(),
        byCategory,
        rateOrZero(tickets.size(), orders),
        prev,
        replaced,
        refunded);
  }

  private static List<Day> days(
      LocalDate from, LocalDate to, List<DayOrders> orders, List<TicketRow> tickets) {
    Map<LocalDate, long[]> byDay = new TreeMap<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      byDay.put(d, new long[2]);
    }
    orders.forEach(o -> byDay.computeIfPresent(o.day(), (d, v) -> add(v, 0, o.orders())));
    tickets.forEach(
        t ->
            byDay.computeIfPresent(
                t.createdAt().atOffset(ZoneOffset.UTC).toLocalDate(), (d, v) -> add(v, 1, 1)));
    List<Day> days = new ArrayList<>();
    byDay.forEach((d, v) -> days.add(new Day(d, v[0], v[1], rateOrZero(v[1], v[0]))));
    return days;
  }

  private static long[] add(long[] v, int i, long n) {
    v[i] += n;
    return v;
  }

  private static List<Reason> reasons(List<TicketRow> tickets) {
    Map<String, List<TicketRow>> byCategory = new TreeMap<>();
    tickets.forEach(t -> byCategory.computeIfAbsent(t.category(), c -> new ArrayList<>()).add(t));
    List<Reason> reasons = new ArrayList<>();
    byCategory.forEach(
        (category, rows) ->
            reasons.add(
                new Reason(
                    category,
                    rows.size(),
                    rows.stream()
                        .sorted(Comparator.comparing(TicketRow::createdAt).reversed())
                        .map(t -> Masking.description(t.description()))
                        .filter(s -> !s.isBlank())
                        .distinct()
                        .limit(EXAMPLES)
                        .toList())));
    reasons.sort(Comparator.comparing(Reason::complaints).reversed());
    return reasons;
  }

  private static Times times(List<TicketRow> tickets) {
    List<Double> response = new ArrayList<>();
    List<Double> resolution = new ArrayList<>();
    for (TicketRow t : tickets) {
      if (t.firstResponseAt() != null) {
        response.add(minutes(t.createdAt(), t.firstResponseAt()));
      }
      if (t.resolvedAt() != null) {
        resolution.add(minutes(t.createdAt(), t.resolvedAt()));
      }
    }
    return new Times(
        response.size(),
        percentile(response, 0.5),
        percentile(response, 0.9),
        resolution.size(),
        percentile(resolution, 0.5));
  }

  private static double minutes(Instant from, Instant to) {
    return Math.max(0, Duration.between(from, to).toMillis()) / 60_000.0;
  }

  /** Nearest-rank percentile; null for no values. */
  static Double percentile(List<Double> values, double p) {
    if (values.isEmpty()) {
      return null;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int rank = (int) Math.ceil(p * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  private static Double rate(long complaints, Long orders) {
    return orders == null || orders == 0 ? null : (double) complaints / orders;
  }

  private static double rateOrZero(long complaints, long orders) {
    return orders == 0 ? 0.0 : (double) complaints / orders;
  }
}
