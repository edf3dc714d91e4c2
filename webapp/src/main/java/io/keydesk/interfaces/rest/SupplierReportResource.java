package io.keydesk.interfaces.rest;

import io.keydesk.application.AccessTokens.StaffIdentity;
import io.keydesk.application.SupplierReports;
import io.keydesk.application.SupplierReports.Report;
import io.keydesk.domain.model.report.ReportRepository.SupplierRef;
import io.keydesk.domain.model.staff.Role;
import io.keydesk.infrastructure.reports.ReportCsv;
import io.keydesk.infrastructure.reports.ReportPdf;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Supplier reports as JSON, CSV and PDF. A supplier manager reads their own supplier only (naming
 * another one is 403); supervisors and admins name the supplier by its code.
 */
@Path("/supplier")
@RequestScoped
@SecurityRequirement(name = "staffToken")
@StaffOnly({Role.SUPPLIER_MANAGER, Role.SUPERVISOR, Role.ADMIN})
@Tag(name = "supplier reports", description = "Per product and key batch complaint reports")
public class SupplierReportResource {
  static final String DESCRIPTION =
      "from, to: UTC days (yyyy-MM-dd), both included; default the last 7 days up to today; at"
          + " most 366 days. supplier: the supplier's code (supervisors and admins must name it; a"
          + " supplier manager gets their own, and naming another one is 403).";

  @Inject SupplierReports reports;
  @Inject ReportPdf pdf;
  @Inject Clock clock;
  @Context HttpServletRequest request;

  @GET
  @Path("reports")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "A supplier's report: orders, complaints, rates, trend, reasons, response times",
      description = DESCRIPTION)
  public Report json(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("supplier") String supplier) {
    return build(from, to, supplier);
  }

  @GET
  @Path("reports.csv")
  @Produces("text/csv")
  @Operation(
      summary = "The report as CSV (UTF-8 with BOM, RFC 4180, one row per total/product/batch/day)",
      description = DESCRIPTION)
  public Response csv(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("supplier") String supplier) {
    Report r = build(from, to, supplier);
    return Response.ok(ReportCsv.render(r), "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"" + fileName(r, "csv") + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  @GET
  @Path("reports.pdf")
  @Produces("application/pdf")
  @Operation(
      summary = "The report as PDF with its charts",
      description = DESCRIPTION + " lang: zh-CN or en (default from Accept-Language).")
  public Response pdf(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("supplier") String supplier,
      @QueryParam("lang") String lang,
      @HeaderParam("Accept-Language") String acceptLanguage) {
    Report r = build(from, to, supplier);
    String language = language(lang, acceptLanguage);
    return Response.ok(pdf.render(r, language, clock.instant()), "application/pdf")
        .header("Content-Disposition", "attachment; filename=\"" + fileName(r, "pdf") + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  private Report build(String from, String to, String supplier) {
    List<Problem.FieldError> errors = new ArrayList<>();
    LocalDate fromDay = QueryTimes.day("from", from, errors);
    LocalDate toDay = QueryTimes.day("to", to, errors);
    if (supplier != null && supplier.length() > 64) {
      errors.add(new Problem.FieldError("supplier", "at most 64 characters"));
    }
    if (!errors.isEmpty()) {
      throw new RequestException(Problem.invalid(errors));
    }
    LocalDate[] period =
        SupplierReports.period(fromDay, toDay, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    StaffIdentity staff = StaffFilter.current(request);
    SupplierRef scope;
    try {
      scope = reports.scope(staff, supplier);
    } catch (SecurityException e) {
      throw new RequestException(
          Problem.of(
              403, "forbidden", "Forbidden", "you may read your own supplier's reports only"));
    }
    return reports.report(scope, period[0], period[1]);
  }

  static String language(String lang, String acceptLanguage) {
    String l = lang != null && !lang.isBlank() ? lang : acceptLanguage;
    return l != null && l.strip().toLowerCase().startsWith("zh") ? "zh-CN" : "en";
  }

  private static String fileName(Report r, String ext) {
    String code = r.supplierCode().replaceAll("[^A-Za-z0-9_-]", "_");
    return "keydesk-report-" + code + "-" + r.from() + "-" + r.to() + "." + ext;
  }
}
