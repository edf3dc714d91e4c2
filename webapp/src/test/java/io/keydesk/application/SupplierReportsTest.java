package io.keydesk.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SupplierReportsTest {
  @Test
  void percentilesAreNearestRank() {
    List<Double> minutes = List.of(5.0, 1.0, 3.0, 2.0, 4.0, 10.0, 7.0, 6.0, 9.0, 8.0);
    assertEquals(5.0, SupplierReports.percentile(minutes, 0.5));
    assertEquals(9.0, SupplierReports.percentile(minutes, 0.9));
    assertEquals(1.0, SupplierReports.percentile(List.of(1.0), 0.9));
    assertNull(SupplierReports.percentile(List.of(), 0.5));
  }
}
