package io.keydesk.interfaces.web;

import io.keydesk.application.AccessTokens.StaffIdentity;
import io.keydesk.application.InvalidFieldException;
import io.keydesk.application.SupplierReports;
import io.keydesk.application.SupplierReports.Day;
import io.keydesk.application.SupplierReports.Line;
import io.keydesk.application.SupplierReports.Report;
import io.keydesk.domain.model.report.ReportRepository.SupplierRef;
import io.keydesk.domain.model.staff.Role;
import io.keydesk.domain.shared.NotFoundException;
import io.keydesk.infrastructure.reports.ReportCsv;
import io.keydesk.infrastructure.reports.ReportPdf;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The supplier report page: a supplier manager sees their own supplier; supervisors and admins pick
 * one. Period: the last 7 or 30 days or from–to. Charts take Chart.js JSON; CSV and PDF are the
 * same numbers as the API's.
 */
@Named
@ViewScoped
public class SupplierReportPage implements Serializable {
  /** Looked up once: {@code Json.create…} scans the class path for the provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final long serialVersionUID = 1L;
  private static final Set<Role> ALLOWED =
      Set.of(Role.SUPPLIER_MANAGER, Role.SUPERVISOR, Role.ADMIN);
  static final List<String> CATEGORIES =
      List.of(
          "NOT_RECEIVED", "INVALID_KEY", "WRONG_PURCHASE", "PAYMENT_ISSUE", "USAGE_HELP", "OTHER");

  @Inject SupplierReports reports;
  @Inject ReportPdf pdf;
  @Inject CurrentStaff staff;
  @Inject Language language;
  @Inject Clock clock;

  private String preset = "7";
  private LocalDate from;
  private LocalDate to;
  private String supplier;
  private List<SupplierRef> suppliers = List.of();
  private Report report;

  public void load() {
    StaffIdentity me = staff.get();
    if (me == null || !ALLOWED.contains(me.role())) {
      forbid();
      return;
    }
    if (me.role() != Role.SUPPLIER_MANAGER) {
      suppliers = reports.suppliers();
      if (supplier == null && !suppliers.isEmpty()) {
        supplier = suppliers.get(0).code();
      }
    }
    show();
  }

  /** Builds the report for the chosen supplier and period. */
  public void show() {
    StaffIdentity me = staff.get();
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate start = from;
    LocalDate end = to;
    if (!"custom".equals(preset)) {
      end = today;
      start = today.minusDays("30".equals(preset) ? 29 : 6);
    }
    try {
      LocalDate[] period = SupplierReports.period(start, end, today);
      from = period[0];
      to = period[1];
      SupplierRef scope = reports.scope(me, me.role() == Role.SUPPLIER_MANAGER ? null : supplier);
      report = reports.report(scope, from, to);
    } catch (InvalidFieldException | NotFoundException e) {
      report = null;
      Pages.error("report:from", "report.invalidPeriod");
    } catch (SecurityException e) {
      forbid();
    }
  }

  public void downloadCsv() {
    if (report != null) {
      download(ReportCsv.render(report), "text/csv; charset=UTF-8", "csv");
    }
  }

  public void downloadPdf() {
    if (report != null) {
      download(pdf.render(report, language.getTag(), clock.instant()), "application/pdf", "pdf");
    }
  }

  private void download(byte[] bytes, String type, String ext) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    external.responseReset();
    external.setResponseContentType(type);
    external.setResponseContentLength(bytes.length);
    external.setResponseHeader("X-Content-Type-Options", "nosniff");
    external.setResponseHeader(
        "Content-Disposition",
        "attachment; filename=\"keydesk-report-"
            + report.supplierCode().replaceAll("[^A-Za-z0-9_-]", "_")
            + "-"
            + report.from()
            + "-"
            + report.to()
            + "."
            + ext
            + "\"");
    try (OutputStream out = external.getResponseOutputStream()) {
      out.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
  }

  private static void forbid() {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      faces.getExternalContext().responseSendError(403, "Forbidden");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
  }

  /** Chart.js JSON: complaint rate (%) per day as a line, complaints per day as bars. */
  public String getDailyChart() {
    if (report == null) {
      return "{}";
    }
    JsonArrayBuilder labels = JSON.createArrayBuilder();
    JsonArrayBuilder rates = JSON.createArrayBuilder();
    JsonArrayBuilder complaints = JSON.createArrayBuilder();
    for (Day d : report.days()) {
      labels.add(d.day().toString());
      rates.add(Math.round(d.rate() * 10000) / 100.0);
      complaints.add(d.complaints());
    }
    return JSON.createObjectBuilder()
        .add("type", "bar")
        .add(
            "data",
            JSON.createObjectBuilder()
                .add("labels", labels)
                .add(
                    "datasets",
                    JSON.createArrayBuilder()
                        .add(
                            JSON.createObjectBuilder()
                                .add("type", "line")
                                .add("label", Pages.text("report.rate") + " (%)")
                                .add("data", rates)
                                .add("borderColor", "#1f5fa8")
                                .add("yAxisID", "y"))
                        .add(
                            JSON.createObjectBuilder()
                                .add("label", Pages.text("report.complaints"))
                                .add("data", complaints)
                                .add("backgroundColor", "#f0a04b")
                                .add("yAxisID", "y1"))))
        .add(
            "options",
            JSON.createObjectBuilder()
                .add("maintainAspectRatio", false)
                .add(
                    "scales",
                    JSON.createObjectBuilder()
                        .add("y", JSON.createObjectBuilder().add("beginAtZero", true))
                        .add(
                            "y1",
                            JSON.createObjectBuilder()
                                .add("beginAtZero", true)
                                .add("position", "right")
                                .add("ticks", JSON.createObjectBuilder().add("precision", 0))
                                .add(
                                    "grid",
                                    JSON.createObjectBuilder().add("drawOnChartArea", false)))))
        .build()
        .toString();
  }

  /** Chart.js JSON: complaints per category. */
  public String getCategoryChart() {
    if (report == null) {
      return "{}";
    }
    JsonArrayBuilder labels = JSON.createArrayBuilder();
    JsonArrayBuilder counts = JSON.createArrayBuilder();
    for (String c : CATEGORIES) {
      labels.add(Pages.text("category." + c));
      counts.add(report.total().byCategory().getOrDefault(c, 0L));
    }
    return JSON.createObjectBuilder()
        .add("type", "bar")
        .add(
            "data",
            JSON.createObjectBuilder()
                .add("labels", labels)
                .add(
                    "datasets",
                    JSON.createArrayBuilder()
                        .add(
                            JSON.createObjectBuilder()
                                .add("label", Pages.text("report.complaints"))
                                .add("data", counts)
                                .add("backgroundColor", "#1f5fa8"))))
        .add(
            "options",
            JSON.createObjectBuilder()
                .add("indexAxis", "y")
                .add(
                    "scales",
                    JSON.createObjectBuilder()
                        .add(
                            "x",
                            JSON.createObjectBuilder()
                                .add("beginAtZero", true)
                                .add("ticks", JSON.createObjectBuilder().add("precision", 0))))
                .add("maintainAspectRatio", false)
                .add(
                    "plugins",
                    JSON.createObjectBuilder()
                        .add("legend", JSON.createObjectBuilder().add("display", false))))
        .build()
        .toString();
  }

  public String percent(double rate) {
    return String.format(Locale.ROOT, "%.2f%%", rate * 100);
  }

  /** The trend of a line against the previous period: up, down, flat or none. */
  public String trend(Line line) {
    if (line.previousRate() == null) {
      return "";
    }
    double diff = line.rate() - line.previousRate();
    String key =
        Math.abs(diff) < 1e-9
            ? "report.trend.flat"
            : diff > 0 ? "report.trend.up" : "report.trend.down";
    return Pages.text(key)
        + " ("
        + (diff >= 0 ? "+" : "")
        + String.format(Locale.ROOT, "%.2f", diff * 100)
        + " pp)";
  }

  public String minutes(Double m) {
    return m == null ? "–" : String.format(Locale.ROOT, "%.1f", m);
  }

  public String categoryCounts(Line line) {
    StringBuilder s = new StringBuilder();
    line.byCategory()
        .forEach(
            (c, n) ->
                s.append(s.isEmpty() ? "" : ", ")
                    .append(Pages.text("category." + c))
                    .append(' ')
                    .append(n));
    return s.toString();
  }

  public boolean isPickSupplier() {
    StaffIdentity me = staff.get();
    return me != null && me.role() != Role.SUPPLIER_MANAGER;
  }

  public String getPreset() {
    return preset;
  }

  public void setPreset(String preset) {
    this.preset = Set.of("7", "30", "custom").contains(preset) ? preset : "7";
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }

  public String getSupplier() {
    return supplier;
  }

  public void setSupplier(String supplier) {
    this.supplier = supplier;
  }

  public List<SupplierRef> getSuppliers() {
    return suppliers;
  }

  public Report getReport() {
    return report;
  }
}
