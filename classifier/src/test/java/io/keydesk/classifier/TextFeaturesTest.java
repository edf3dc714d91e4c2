package io.keydesk.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextFeaturesTest {
  @Test
  void normalisingFoldsWidthCaseAndDigits() {
    assertEquals("code e-0 0x0 ¥0", TextFeatures.normalise("ＣＯＤＥ  E-102\t0x80070005 ￥１００"));
    assertEquals("扣了0次,共0元", TextFeatures.normalise("扣了2次，共298元"));
  }

  @Test
  void tokensAreHanRunsAndLatinWords() {
    assertArrayEquals(
        new String[] {"我的", "steam", "code", "显示", "already", "redeemed"},
        TextFeatures.tokens("我的Steam code显示already redeemed!!"));
    assertArrayEquals(new String[] {"didn't", "get", "it"}, TextFeatures.tokens("Didn’t get it"));
    assertArrayEquals(new String[] {}, TextFeatures.tokens("😡 !!!"));
  }

  @Test
  void hanTextGivesCharacterNGrams() {
    Collection<String> features =
        new HanNGramFeatures().extractFeatures(TextFeatures.tokens("没收到"), Map.of());
    assertTrue(features.containsAll(java.util.List.of("h1=没", "h2=没收", "h2=收到", "h3=没收到")));
    assertEquals(6, features.size());
  }

  @Test
  void latinWordsAreStemmedAndPaired() {
    Collection<String> features =
        new WordFeatures().extractFeatures(TextFeatures.tokens("codes redeemed 已经"), Map.of());
    assertTrue(features.contains("w=code"), features::toString);
    assertTrue(features.contains("w=redeem"), features::toString);
    assertTrue(features.contains("b=code_redeem"), features::toString);
  }

  @Test
  void aTypoSharesMostWordShapesWithTheRightSpelling() {
    Collection<String> right =
        new WordShapeFeatures().extractFeatures(new String[] {"received"}, Map.of());
    Collection<String> typo =
        new WordShapeFeatures().extractFeatures(new String[] {"recieved"}, Map.of());
    long shared = typo.stream().filter(right::contains).count();
    assertTrue(shared >= typo.size() / 3, shared + " of " + typo.size());
  }
}
