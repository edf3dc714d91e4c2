package io.keydesk.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class MaskingTest {
  @Test
  void contactsOrderNumbersAndKeysAreMasked() {
    String masked =
        Masking.description(
            "Order RPT-AB12CD34 for bob@example.com, key ABCD-EFGH-1234 and X7K9Q2W8Z fails;"
                + " call +86 138 0013 8000");
    assertEquals("Order *** for ***, key *** and *** fails; call ***", masked);
  }

  @Test
  void plainWordsAndChineseStay() {
    assertEquals("卡密无效,激活失败 error 42", Masking.description("卡密无效,激活失败  error 42"));
    assertEquals("", Masking.description(null));
  }

  @Test
  void longTextIsShortened() {
    String masked = Masking.description("word ".repeat(100));
    assertEquals(160, masked.length());
    assertFalse(List.of(masked).isEmpty());
  }
}
