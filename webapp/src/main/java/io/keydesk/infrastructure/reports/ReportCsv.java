package io.keydesk.infrastructure.reports;

import io.keydesk.application.SupplierReports.Day;
import io.keydesk.application.SupplierReports.Line;
import io.keydesk.application.SupplierReports.Report;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The supplier report as CSV: RFC 4180 (Commons CSV, CRLF, quotes where needed), UTF-8 with a BOM
 * so Excel reads Chinese product names, one row per total, product, batch and day ({@code section}
 * column). Cells that a spreadsheet would run as a formula ({@code = + - @}, tab, CR) get a leading
 * apostrophe.
 */
public final class ReportCsv {
  static final List<String> HEADER =
      List.of(
          "section",
          "day",
          "sku",
          "product",
          "batch",
          "orders",
          "complaints",
          "rate",
          "previous_rate",
          "replaced",
          "refunded",
          "NOT_RECEIVED",
          "INVALID_KEY",
          "WRONG_PURCHASE",
          "PAYMENT_ISSUE",
          "USAGE_HELP",
          "OTHER");

  private ReportCsv() {}

  public static byte[] render(Report r) {
    StringWriter out = new StringWriter();
    out.write('\uFEFF');
    try (CSVPrinter csv =
        CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get().print(out)) {
      csv.printRecord(line("total", r.total()));
      for (Line l : r.products()) {
        csv.printRecord(line("product", l));
      }
      for (Line l : r.batches()) {
        csv.printRecord(line("batch", l));
      }
      for (Day d : r.days()) {
        List<String> cells = new ArrayList<>(List.of("day", d.day().toString(), "", "", ""));
        cells.add(Long.toString(d.orders()));
        cells.add(Long.toString(d.complaints()));
        cells.add(rate(d.rate()));
        while (cells.size() < HEADER.size()) {
          cells.add("");
        }
        csv.printRecord(cells);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> line(String section, Line l) {
    List<String> cells = new ArrayList<>();
    cells.add(section);
    cells.add("");
    cells.add(safe(l.sku()));
    cells.add(safe(l.name()));
    cells.add(safe(l.batch()));
    cells.add(Long.toString(l.orders()));
    cells.add(Long.toString(l.complaints()));
    cells.add(rate(l.rate()));
    cells.add(l.previousRate() == null ? "" : rate(l.previousRate()));
    cells.add(Long.toString(l.replaced()));
    cells.add(Long.toString(l.refunded()));
    for (String c : ReportPdf.CATEGORIES) {
      cells.add(Long.toString(l.byCategory().getOrDefault(c, 0L)));
    }
    return cells;
  }

  private static String rate(double r) {
    return String.format(Locale.ROOT, "%.4f", r);
  }

  /**
   * Text that a spreadsheet would evaluate is prefixed with an apostrophe (OWASP CSV injection).
   */
  static String safe(String s) {
    if (s == null || s.isEmpty()) {
      return "";
    }
    char c = s.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
  }
}
