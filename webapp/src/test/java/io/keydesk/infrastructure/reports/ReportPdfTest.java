package io.keydesk.infrastructure.reports;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.application.SupplierReports.Day;
import io.keydesk.application.SupplierReports.Line;
import io.keydesk.application.SupplierReports.Reason;
import io.keydesk.application.SupplierReports.Report;
import io.keydesk.application.SupplierReports.Times;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ReportPdfTest {
  @Test
  void chineseAndEnglishReportsCarryTheirNumbers() throws Exception {
    ReportPdf pdf = new ReportPdf();
    pdf.fontCandidates = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,2";
    // not skipped without it: .ci/run installs the font, and the Chinese PDF is the point
    assertTrue(
        Files.isReadable(Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")),
        "needs Debian's fonts-noto-cjk (apt-get install fonts-noto-cjk; .ci/run does)");
    pdf.loadFont();
    Report r = report();
    byte[] zh = pdf.render(r, "zh-CN", Instant.parse("2026-11-25T08:00:00Z"));
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "report-zh.pdf"), zh);
    String text = text(zh);
    assertTrue(text.contains("供应商报告:示例供应商"), text);
    assertTrue(text.contains("投诉率"), text);
    assertTrue(text.contains("卡密无效"), text);
    assertTrue(text.contains("25.00%"), text);
    assertTrue(text.contains("BATCH-7"), text);
    assertTrue(zh.length < 600_000, "the font is embedded as a subset: " + zh.length);
    String en = text(pdf.render(r, "en", Instant.parse("2026-11-25T08:00:00Z")));
    assertTrue(en.contains("Complaint rate"), en);
    assertTrue(en.contains("Key does not work"), en);
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  private static Report report() {
    Line product =
        new Line("SKU-1", "游戏点卡 100", null, 8, 2, Map.of("INVALID_KEY", 2L), 0.25, 0.1, 1, 1);
    Line batch =
        new Line("SKU-1", "游戏点卡 100", "BATCH-7", 4, 2, Map.of("INVALID_KEY", 2L), 0.5, null, 1, 1);
    List<Day> days = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      days.add(new Day(LocalDate.of(2026, 11, 18 + i), 1 + i, i % 3 == 0 ? 1 : 0, 0.1 * (i % 3)));
    }
    return new Report(
        "S1",
        "示例供应商",
        LocalDate.of(2026, 11, 18),
        LocalDate.of(2026, 11, 24),
        new Line(null, "示例供应商", null, 8, 2, Map.of("INVALID_KEY", 2L), 0.25, 0.1, 1, 1),
        List.of(product),
        List.of(batch),
        days,
        List.of(new Reason("INVALID_KEY", 2, List.of("激活失败,提示 *** 已被使用"))),
        new Times(2, 3.5, 12.0, 2, 20.0));
  }
}
