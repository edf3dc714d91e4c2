package io.keydesk.infrastructure.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.application.SupplierReports.Day;
import io.keydesk.application.SupplierReports.Line;
import io.keydesk.application.SupplierReports.Report;
import io.keydesk.application.SupplierReports.Times;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class ReportCsvTest {
  @Test
  void quotesExcelBomAndFormulaGuard() throws Exception {
    Line product =
        new Line(
            "=HYPERLINK(\"x\")", "游戏卡, \"年度\"", null, 4, 1, Map.of("OTHER", 1L), 0.25, 0.5, 0, 1);
    Line total = new Line(null, "Sup", null, 4, 1, Map.of("OTHER", 1L), 0.25, null, 0, 1);
    Report r =
        new Report(
            "S",
            "Sup",
            LocalDate.of(2026, 11, 1),
            LocalDate.of(2026, 11, 1),
            total,
            List.of(product),
            List.of(),
            List.of(new Day(LocalDate.of(2026, 11, 1), 4, 1, 0.25)),
            List.of(),
            new Times(0, null, null, 0, null));
    byte[] bytes = ReportCsv.render(r);
    assertEquals((byte) 0xEF, bytes[0]);
    String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
    assertTrue(text.contains("\r\n"));
    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(text))
            .getRecords();
    assertEquals(3, rows.size());
    assertEquals("'=HYPERLINK(\"x\")", rows.get(1).get("sku"));
    assertEquals("游戏卡, \"年度\"", rows.get(1).get("product"));
    assertEquals("0.2500", rows.get(1).get("rate"));
    assertEquals("1", rows.get(1).get("OTHER"));
    assertEquals("2026-11-01", rows.get(2).get("day"));
  }
}
