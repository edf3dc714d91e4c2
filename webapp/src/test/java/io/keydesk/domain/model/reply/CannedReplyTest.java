package io.keydesk.domain.model.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.domain.model.category.CategoryCode;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CannedReplyTest {
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  private static CannedReply reply(String body) {
    return new CannedReply("test", CategoryCode.INVALID_KEY, "en", body, "admin", NOW);
  }

  @Test
  void placeholdersAreFilledAndAnUnknownOptionalOneIsLeftOut() {
    CannedReply r = reply("Hello{buyerName?}, order {orderNo} ({productName}) is on {ticketNo}.");

    assertEquals(
        "Hello, order A-1 (Steam 100) is on TK-1.",
        r.fill(Map.of("orderNo", "A-1", "productName", "Steam 100", "ticketNo", "TK-1")));
    assertEquals(
        "Hello Li, order A-1 (Steam 100) is on TK-1.",
        r.fill(
            Map.of(
                "orderNo",
                "A-1",
                "productName",
                "Steam 100",
                "ticketNo",
                "TK-1",
                "buyerName",
                "Li")));
  }

  @Test
  void aRequiredPlaceholderWithoutAValueStaysVisible() {
    assertEquals("Solved by {deadline}.", reply("Solved by {deadline}.").fill(Map.of()));
  }

  @Test
  void aValueIsInsertedLiterally() {
    assertEquals("Order $1 \\\\x", reply("Order {orderNo}").fill(Map.of("orderNo", "$1 \\\\x")));
  }

  @Test
  void unknownPlaceholdersAndBadNamesAreRefused() {
    assertEquals(Set.of("password"), CannedReply.unknownPlaceholders("{password} {orderNo}"));
    assertThrows(IllegalArgumentException.class, () -> reply("Your key is {cardKey}"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new CannedReply("Bad Name", null, "en", "x", "admin", NOW));
    assertThrows(
        IllegalArgumentException.class, () -> new CannedReply("ok", null, "fr", "x", "admin", NOW));
  }

  @Test
  void aReplyWithoutCategoryFitsEveryCategory() {
    CannedReply any = new CannedReply("any", null, "zh-CN", "您好", "admin", NOW);
    assertTrue(any.fits(CategoryCode.OTHER));
    assertFalse(reply("x").fits(CategoryCode.OTHER));
    assertTrue(reply("x").fits(CategoryCode.INVALID_KEY));
  }
}
