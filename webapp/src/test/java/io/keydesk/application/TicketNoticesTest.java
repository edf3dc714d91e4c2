package io.keydesk.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TicketNoticesTest {
  @Test
  void aShortSummaryIsKeptAsItIsWithItsSpacesTidied() {
    assertEquals("We checked the key.", TicketNotices.shorten("  We checked\n the  key. "));
    assertEquals("-", TicketNotices.shorten("   "));
  }

  @Test
  void aLongSummaryIsCutAfterAWholeWord() {
    String summary = TicketNotices.shorten("word ".repeat(100));
    assertTrue(summary.length() <= TicketNotices.SUMMARY, summary.length() + "");
    assertTrue(summary.endsWith("word…"), summary);
  }

  @Test
  void aLongTextWithoutSpacesIsCutAtTheLimit() {
    String summary = TicketNotices.shorten("卡".repeat(400));
    assertEquals(TicketNotices.SUMMARY, summary.length());
    assertTrue(summary.endsWith("…"));
  }
}
