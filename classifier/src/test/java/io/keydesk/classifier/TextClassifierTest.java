package io.keydesk.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextClassifierTest {
  private final TextClassifier classifier = Trained.classifier();

  /** A regression floor; the real figure is in docs/benchmarks.md. */
  @Test
  void heldOutAccuracyStaysAboveTheFloor() {
    Evaluation eval = Evaluation.of(classifier, Corpus.heldOut());
    assertTrue(eval.top1() >= 0.85, "held-out top-1 " + eval.top1());
    assertTrue(eval.top2() >= 0.92, "held-out top-2 " + eval.top2());
    for (Evaluation.CategoryScore score : eval.perCategory()) {
      assertTrue(score.recall() >= 0.7, score.toString());
    }
  }

  @ParameterizedTest(name = "{1} ← {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // mixed Chinese and English
        "我的steam code显示already redeemed | INVALID_KEY",
        "付了money但是没收到key | NOT_RECEIVED",
        "买错了region，想refund | WRONG_PURCHASE",
        "paypal扣了两次款 | PAYMENT_ISSUE",
        "请问PSN code怎么redeem | USAGE_HELP",
        "能开invoice吗 | OTHER",
        // typos, pinyin and slang
        "havnt recived my kode | NOT_RECEIVED",
        "the cod is alredy used | INVALID_KEY",
        "baught wrong one pls refund | WRONG_PURCHASE",
        "chargd twise | PAYMENT_ISSUE",
        "how 2 reedem | USAGE_HELP",
        "meiyou shoudao kami | NOT_RECEIVED",
        "卡蜜无效 | INVALID_KEY",
        "木有收到卡密啊亲 | NOT_RECEIVED",
        "扣了俩次钱 | PAYMENT_ISSUE",
        "肿么激活 | USAGE_HELP",
        "你们客服怎么一直不理人 | OTHER",
        // full-width letters and digits
        "ＣＯＤＥ　ＡＬＲＥＡＤＹ　ＲＥＤＥＥＭＥＤ | INVALID_KEY",
      })
  void unseenMixedTypoAndSlangTextsLandInTheirCategory(String text, String expected) {
    Classification result = classifier.classify(text);
    assertEquals(expected, result.category(), () -> text + " → " + result);
  }

  @Test
  void answersAreProbabilitiesOverAllSixCategories() {
    Classification result = classifier.classify("扣了两次款，订单只有一个");
    assertEquals(Categories.PAYMENT_ISSUE, result.category());
    assertEquals(5, result.alternatives().size());
    Set<String> all = new HashSet<>();
    all.add(result.category());
    result.alternatives().forEach(a -> all.add(a.category()));
    assertEquals(Set.copyOf(Categories.CODES), all);
    double sum = result.confidence();
    double previous = result.confidence();
    for (Classification.Alternative a : result.alternatives()) {
      assertTrue(a.confidence() <= previous, "best first");
      assertTrue(a.confidence() >= 0 && a.confidence() <= 1);
      previous = a.confidence();
      sum += a.confidence();
    }
    assertEquals(1.0, sum, 1e-6);
    assertEquals(result.confidence() >= classifier.threshold(), result.confident());
  }

  @Test
  void confidenceBelowTheThresholdIsNotConfident() {
    TextClassifier strict = TextClassifier.train(Corpus.training(), 0.999);
    Classification result = strict.classify("I paid but the code never came");
    assertEquals(Categories.NOT_RECEIVED, result.category());
    assertFalse(result.confident(), result.toString());
    assertTrue(classifier.classify("I paid but the code never came").confident());
  }

  /**
   * A text that says nothing about the problem must not be filed under a category on its own: the
   * buyer is asked to choose. (A feature every text has, tried on 2026-11-26, raised
   * cross-validation by a point but made such texts confidently OTHER.)
   */
  @ParameterizedTest
  @ValueSource(strings = {"help", "hmm", "??", "question", "帮帮忙", "订单", "order", "urgent!!"})
  void aTextThatSaysNothingOfTheProblemIsNotConfident(String text) {
    Classification result = classifier.classify(text);
    assertFalse(result.confident(), result.toString());
  }

  @Test
  void hintsComeWithTheCategory() {
    Classification result = classifier.classify("Steam says the code was already redeemed, E-102");
    assertEquals(Categories.INVALID_KEY, result.category());
    assertTrue(
        result.hints().contains(new Hint(Hint.Type.ERROR_CODE, "E-102")), result.hints()::toString);
    assertTrue(result.hints().contains(new Hint(Hint.Type.PLATFORM, "Steam")));
    assertTrue(result.hints().stream().anyMatch(h -> h.type() == Hint.Type.ALREADY_USED));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "\n\t "})
  void blankTextIsRefused(String text) {
    assertThrows(IllegalArgumentException.class, () -> classifier.classify(text));
  }

  @Test
  void textWithoutWordsStillGetsAnAnswer() {
    Classification result = classifier.classify("😡😡😡 !!!");
    assertTrue(Categories.CODES.contains(result.category()));
    assertEquals(5, result.alternatives().size());
  }

  @Test
  void trainingIsDeterministic() {
    TextClassifier again = TextClassifier.trainDefault();
    for (Corpus.Example e : Corpus.heldOut().subList(0, 40)) {
      Classification a = classifier.classify(e.text());
      Classification b = again.classify(e.text());
      assertEquals(a, b, e.text());
    }
  }

  @Test
  void oneClassifierServesManyThreads() throws Exception {
    List<Corpus.Example> texts = Corpus.heldOut();
    List<Classification> sequential =
        texts.stream().map(e -> classifier.classify(e.text())).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Classification>> futures = new ArrayList<>();
      for (Corpus.Example e : texts) {
        futures.add(pool.submit(() -> classifier.classify(e.text())));
      }
      for (int i = 0; i < texts.size(); i++) {
        assertEquals(sequential.get(i), futures.get(i).get(), texts.get(i).text());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void trainingNeedsTwoCategoriesAndAValidThreshold() {
    List<Corpus.Example> one = List.of(new Corpus.Example("OTHER", "hello"));
    assertThrows(IllegalArgumentException.class, () -> TextClassifier.train(one, 0.5));
    assertThrows(
        IllegalArgumentException.class, () -> TextClassifier.train(Corpus.training(), 1.5));
  }
}
