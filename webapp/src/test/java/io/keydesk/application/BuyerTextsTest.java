package io.keydesk.application;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.domain.model.risk.SignalKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every sentence the claim flow writes to a buyer exists in both languages and formats fully. */
class BuyerTextsTest {
  private static List<String> keys() {
    List<String> keys = new ArrayList<>(List.of("claim.review", "claim.blocked", "buyer.solved"));
    for (AutoResolver.Action a : AutoResolver.Action.values()) {
      keys.add("auto." + a.name());
    }
    for (AutoResolver.Review r : AutoResolver.Review.values()) {
      keys.add("review." + r.name());
    }
    for (SignalKind k : SignalKind.values()) {
      keys.add("risk." + k.name());
    }
    return keys;
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "zh-CN"})
  void everyTextExistsAndFormats(String language) {
    for (String key : keys()) {
      String text = BuyerTexts.of(language, key, "100.00", "CNY", 2, 1);
      assertFalse(text.isBlank(), key);
      assertFalse(text.contains("{"), key + ": " + text);
      String raw =
          java.util.ResourceBundle.getBundle(
                  BuyerTexts.BUNDLE,
                  language.equals("en") ? java.util.Locale.ENGLISH : java.util.Locale.CHINA)
              .getString(key);
      assertTrue(
          raw.replace("''", "").indexOf('\'') < 0,
          key + ": a lone apostrophe is MessageFormat's quote and disappears; write '' — " + raw);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"auto.REPLACED", "review.SUPPLIER_VALID", "risk.VELOCITY_IP_DAY"})
  void chineseBuyersReadChinese(String key) {
    String zh = BuyerTexts.of("zh-CN", key, 2);
    assertNotEquals(BuyerTexts.of("en", key, 2), zh);
    assertTrue(
        zh.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
        zh);
  }
}
