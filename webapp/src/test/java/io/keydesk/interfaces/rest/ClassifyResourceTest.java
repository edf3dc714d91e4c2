package io.keydesk.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ClassifyResourceTest {
  @Test
  void labelsFollowTheLanguageFieldThenAcceptLanguage() {
    assertEquals(Locale.SIMPLIFIED_CHINESE, ClassifyResource.locale("zh-CN", "en"));
    assertEquals(Locale.ENGLISH, ClassifyResource.locale("en", "zh-CN"));
    assertEquals(
        Locale.SIMPLIFIED_CHINESE, ClassifyResource.locale(null, "zh-TW,zh;q=0.9,en;q=0.8"));
    assertEquals(Locale.ENGLISH, ClassifyResource.locale(null, "en-GB,zh;q=0.5"));
    assertEquals(Locale.ENGLISH, ClassifyResource.locale(null, "fr-FR"));
    assertEquals(Locale.ENGLISH, ClassifyResource.locale(null, "not a header;;;"));
    assertEquals(Locale.ENGLISH, ClassifyResource.locale(null, null));
  }
}
