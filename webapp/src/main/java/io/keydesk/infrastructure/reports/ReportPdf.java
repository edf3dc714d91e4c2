package io.keydesk.infrastructure.reports;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import io.keydesk.application.BuyerTexts;
import io.keydesk.application.SupplierReports.Day;
import io.keydesk.application.SupplierReports.Line;
import io.keydesk.application.SupplierReports.Reason;
import io.keydesk.application.SupplierReports.Report;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The supplier report as a PDF (OpenPDF): summary, the daily complaint rate and the complaints by
 * category as vector charts, the product and batch tables, top reasons with masked examples and
 * response times, in the reader's language. Chinese needs a CJK font: the first readable file of
 * {@code keydesk.reports.font} (OpenType/TrueType or a collection with {@code ,index}), embedded as
 * a subset; docs/operations.md.
 */
@ApplicationScoped
public class ReportPdf {
  private static final Logger LOG = Logger.getLogger(ReportPdf.class.getName());
  private static final Color ACCENT = new Color(0x1f, 0x5f, 0xa8);
  private static final Color MUTED = new Color(0x55, 0x55, 0x55);
  static final List<String> CATEGORIES =
      List.of(
          "NOT_RECEIVED", "INVALID_KEY", "WRONG_PURCHASE", "PAYMENT_ISSUE", "USAGE_HELP", "OTHER");

  @Inject
  @ConfigProperty(
      name = "keydesk.reports.font",
      defaultValue =
          "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,2;"
              + "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc,2;"
              + "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,0;"
              + "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0")
  String fontCandidates;

  private BaseFont base;

  @PostConstruct
  void loadFont() {
    for (String candidate : fontCandidates.split(";")) {
      String c = candidate.strip();
      String file = c.contains(",") ? c.substring(0, c.lastIndexOf(',')) : c;
      if (c.isEmpty() || !Files.isReadable(Path.of(file))) {
        continue;
      }
      try {
        base = BaseFont.createFont(c, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        LOG.info(() -> "Report PDFs use the font " + c);
        return;
      } catch (DocumentException | IOException e) {
        LOG.warning(() -> "Report font " + c + " unusable: " + e.getMessage());
      }
    }
    try {
      base = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
    } catch (DocumentException | IOException e) {
      throw new IllegalStateException(e);
    }
    LOG.warning(
        "No CJK font found (keydesk.reports.font); report PDFs cannot show Chinese characters");
  }

  /** The report as PDF bytes; texts in {@code language} (zh-CN, else English). */
  public byte[] render(Report r, String language, Instant generatedAt) {
    Font title = new Font(base, 16, Font.NORMAL, ACCENT);
    Font heading = new Font(base, 12, Font.NORMAL, ACCENT);
    Font text = new Font(base, 9);
    Font small = new Font(base, 7.5f, Font.NORMAL, MUTED);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4, 36, 36, 36, 36);
    try {
      PdfWriter writer = PdfWriter.getInstance(doc, out);
      doc.addTitle(t(language, "report.title", r.supplierName()));
      doc.addCreator("Keydesk");
      doc.open();
      doc.add(new Paragraph(t(language, "report.title", r.supplierName()), title));
      doc.add(
          new Paragraph(
              t(language, "report.periodText", r.from().toString(), r.to().toString())
                  + " · "
                  + t(
                      language,
                      "report.generated",
                      generatedAt
                          .truncatedTo(ChronoUnit.MINUTES)
                          .toString()
                          .replace('T', ' ')
                          .replace("Z", "")),
              small));

      doc.add(section(t(language, "report.summary"), heading));
      PdfPTable summary = table(new float[] {2, 1}, text);
      Line total = r.total();
      row(summary, text, t(language, "report.orders"), Long.toString(total.orders()));
      row(summary, text, t(language, "report.complaints"), Long.toString(total.complaints()));
      row(summary, text, t(language, "report.rate"), percent(total.rate()));
      row(
          summary,
          text,
          t(language, "report.previousRate"),
          total.previousRate() == null ? "–" : percent(total.previousRate()));
      row(summary, text, t(language, "report.replaced"), Long.toString(total.replaced()));
      row(summary, text, t(language, "report.refunded"), Long.toString(total.refunded()));
      doc.add(summary);

      doc.add(section(t(language, "report.byDay"), heading));
      doc.add(dailyChart(writer, r.days(), small));
      doc.add(section(t(language, "report.byCategory"), heading));
      doc.add(categoryChart(writer, total.byCategory(), language, small));

      doc.add(section(t(language, "report.products"), heading));
      doc.add(lines(r.products(), false, language, text));
      doc.add(section(t(language, "report.batches"), heading));
      doc.add(lines(r.batches(), true, language, text));

      doc.add(section(t(language, "report.reasons"), heading));
      if (r.reasons().isEmpty()) {
        doc.add(new Paragraph(t(language, "report.none"), text));
      }
      for (Reason reason : r.reasons()) {
        doc.add(
            new Paragraph(
                t(language, "category." + reason.category()) + ": " + reason.complaints(), text));
        for (String example : reason.examples()) {
          Paragraph p = new Paragraph("“" + example + "”", small);
          p.setIndentationLeft(12);
          doc.add(p);
        }
      }

      doc.add(section(t(language, "report.times"), heading));
      PdfPTable times = table(new float[] {2, 1}, text);
      row(
          times,
          text,
          t(language, "report.firstResponseP50"),
          minutes(r.times().firstResponseP50()));
      row(
          times,
          text,
          t(language, "report.firstResponseP90"),
          minutes(r.times().firstResponseP90()));
      row(times, text, t(language, "report.resolutionP50"), minutes(r.times().resolutionP50()));
      doc.add(times);
      doc.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("report PDF failed", e);
    }
    return out.toByteArray();
  }

  private PdfPTable lines(List<Line> lines, boolean batches, String language, Font text)
      throws DocumentException {
    List<String> head = new ArrayList<>();
    head.add(t(language, "report.product"));
    if (batches) {
      head.add(t(language, "report.batch"));
    }
    head.addAll(
        List.of(
            t(language, "report.orders"),
            t(language, "report.complaints"),
            t(language, "report.rate"),
            t(language, batches ? "report.replaced" : "report.previousRate"),
            t(language, batches ? "report.refunded" : "report.replaced")));
    if (!batches) {
      head.add(t(language, "report.refunded"));
    }
    float[] widths = new float[head.size()];
    java.util.Arrays.fill(widths, 1);
    widths[0] = 2.5f;
    PdfPTable table = table(widths, text);
    for (String h : head) {
      table.addCell(cell(h, text, true));
    }
    table.setHeaderRows(1);
    for (Line l : lines) {
      table.addCell(
          cell(l.sku() + (batches || l.name() == null ? "" : " " + l.name()), text, false));
      if (batches) {
        table.addCell(cell(l.batch(), text, false));
      }
      table.addCell(cell(Long.toString(l.orders()), text, false));
      table.addCell(cell(Long.toString(l.complaints()), text, false));
      table.addCell(cell(percent(l.rate()), text, false));
      if (!batches) {
        table.addCell(
            cell(l.previousRate() == null ? "–" : percent(l.previousRate()), text, false));
      }
      table.addCell(cell(Long.toString(l.replaced()), text, false));
      table.addCell(cell(Long.toString(l.refunded()), text, false));
    }
    return table;
  }

  /** Bars of the complaint rate per day, with the highest rate on the axis. */
  private Image dailyChart(PdfWriter writer, List<Day> days, Font small) throws DocumentException {
    float w = 520;
    float h = 130;
    PdfTemplate tpl = writer.getDirectContent().createTemplate(w, h);
    float left = 40;
    float bottom = 18;
    float plotW = w - left - 6;
    float plotH = h - bottom - 10;
    double max = days.stream().mapToDouble(Day::rate).max().orElse(0);
    double top = max <= 0 ? 0.01 : max;
    axes(tpl, left, bottom, plotW, plotH);
    label(tpl, small, percent(top), 2, bottom + plotH - 3);
    label(tpl, small, "0%", 2, bottom - 3);
    float slot = plotW / Math.max(1, days.size());
    tpl.setColorFill(ACCENT);
    for (int i = 0; i < days.size(); i++) {
      float bar = (float) (days.get(i).rate() / top * plotH);
      if (bar > 0) {
        tpl.rectangle(left + i * slot + slot * 0.15f, bottom, slot * 0.7f, bar);
        tpl.fill();
      }
    }
    if (!days.isEmpty()) {
      label(tpl, small, days.get(0).day().toString(), left, 4);
      label(tpl, small, days.get(days.size() - 1).day().toString(), left + plotW - 45, 4);
    }
    Image image = Image.getInstance(tpl);
    image.setAlignment(Element.ALIGN_CENTER);
    return image;
  }

  /** Horizontal bars: complaints per category. */
  private Image categoryChart(
      PdfWriter writer, Map<String, Long> byCategory, String language, Font small)
      throws DocumentException {
    float w = 520;
    float rowH = 14;
    float h = rowH * CATEGORIES.size() + 6;
    PdfTemplate tpl = writer.getDirectContent().createTemplate(w, h);
    float left = 130;
    float plotW = w - left - 40;
    long max = byCategory.values().stream().mapToLong(Long::longValue).max().orElse(0);
    for (int i = 0; i < CATEGORIES.size(); i++) {
      String c = CATEGORIES.get(i);
      long n = byCategory.getOrDefault(c, 0L);
      float y = h - (i + 1) * rowH;
      label(tpl, small, t(language, "category." + c), 0, y + 3);
      if (n > 0) {
        tpl.setColorFill(ACCENT);
        tpl.rectangle(left, y + 2, (float) n / max * plotW, rowH - 4);
        tpl.fill();
      }
      label(
          tpl, small, Long.toString(n), left + (max == 0 ? 0 : (float) n / max * plotW) + 4, y + 3);
    }
    Image image = Image.getInstance(tpl);
    image.setAlignment(Element.ALIGN_CENTER);
    return image;
  }

  private static void axes(PdfTemplate tpl, float left, float bottom, float w, float h) {
    tpl.setColorStroke(MUTED);
    tpl.setLineWidth(0.5f);
    tpl.moveTo(left, bottom + h);
    tpl.lineTo(left, bottom);
    tpl.lineTo(left + w, bottom);
    tpl.stroke();
  }

  private void label(PdfTemplate tpl, Font font, String s, float x, float y) {
    tpl.beginText();
    tpl.setFontAndSize(base, font.getSize());
    tpl.setColorFill(MUTED);
    tpl.setTextMatrix(x, y);
    tpl.showText(s);
    tpl.endText();
  }

  private static Paragraph section(String s, Font heading) {
    Paragraph p = new Paragraph(s, heading);
    p.setSpacingBefore(10);
    p.setSpacingAfter(4);
    return p;
  }

  private static PdfPTable table(float[] widths, Font text) throws DocumentException {
    PdfPTable table = new PdfPTable(widths.length);
    table.setWidthPercentage(100);
    table.setWidths(widths);
    return table;
  }

  private static void row(PdfPTable table, Font text, String label, String value) {
    table.addCell(cell(label, text, false));
    table.addCell(cell(value, text, false));
  }

  private static PdfPCell cell(String s, Font font, boolean head) {
    PdfPCell cell = new PdfPCell(new Phrase(s == null ? "" : s, font));
    cell.setPadding(3);
    cell.setBorderColor(new Color(0xcc, 0xcc, 0xcc));
    if (head) {
      cell.setBackgroundColor(new Color(0xee, 0xf2, 0xf8));
    }
    return cell;
  }

  static String percent(double rate) {
    return String.format(Locale.ROOT, "%.2f%%", rate * 100);
  }

  private static String minutes(Double m) {
    return m == null ? "–" : String.format(Locale.ROOT, "%.1f", m);
  }

  private static String t(String language, String key, Object... args) {
    return BuyerTexts.of(language, key, args);
  }
}
