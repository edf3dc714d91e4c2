package io.keydesk.infrastructure.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.application.ArticleIndex.PublishedArticle;
import io.keydesk.domain.model.category.CategoryCode;
import io.keydesk.domain.model.knowledge.ArticleText;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Chinese, English and mixed queries against a real in-memory Lucene index. */
class LuceneSnapshotTest {
  private static final PublishedArticle STEAM_WALLET =
      new PublishedArticle(
          1,
          CategoryCode.USAGE_HELP,
          "STEAM-100",
          new ArticleText("如何兑换 Steam 钱包充值码", "打开 Steam 客户端，点账户明细，为您的钱包充值，输入充值码。"),
          new ArticleText(
              "How to redeem a Steam Wallet code",
              "Open Steam, go to Account details and add funds with your wallet code."),
          List.of("钱包", "wallet"),
          30);
  private static final PublishedArticle CHARGED_TWICE =
      new PublishedArticle(
          2,
          CategoryCode.PAYMENT_ISSUE,
          null,
          new ArticleText("同一订单被扣了两次款", "银行卡预授权会自动释放。重复扣款会原路退回。"),
          new ArticleText(
              "Charged twice for one order",
              "A pre-authorisation hold is released by the bank. A duplicate payment is refunded."),
          List.of("重复扣款", "double charge"),
          20);
  private static final PublishedArticle REGION =
      new PublishedArticle(
          3,
          CategoryCode.INVALID_KEY,
          null,
          new ArticleText("区域限制：卡密只能在对应地区使用", "礼品卡只能在与卡面相同国家或地区的账户中兑换。"),
          new ArticleText(
              "Region locks: a key works only in its region",
              "Gift cards can only be redeemed on an account of the same country or region."),
          List.of("锁区", "region lock"),
          10);
  private static final PublishedArticle OFFICE =
      new PublishedArticle(
          4,
          CategoryCode.USAGE_HELP,
          "OFFICE-365",
          new ArticleText("在 Mac 上激活 Microsoft 365", "打开 microsoft365.com/setup，输入 25 位产品密钥。"),
          new ArticleText(
              "Activate Microsoft 365 on a Mac",
              "Open microsoft365.com/setup and enter the 25-character product key."),
          List.of("Office"),
          30);

  private final LuceneSnapshot index =
      LuceneSnapshot.build(7, List.of(STEAM_WALLET, CHARGED_TWICE, REGION, OFFICE));

  private static long best(Map<Long, Double> relevance) {
    return relevance.entrySet().stream()
        .max(Comparator.comparingDouble(Map.Entry::getValue))
        .orElseThrow()
        .getKey();
  }

  @Test
  void aChineseQuestionFindsTheChineseAnswer() {
    assertEquals(1, best(index.relevance("steam充值码怎么兑换")));
    assertEquals(2, best(index.relevance("我被扣了两次钱，重复扣款怎么办")));
    assertEquals(3, best(index.relevance("提示地区不可用")));
  }

  @Test
  void anEnglishQuestionFindsTheEnglishAnswerWithStemming() {
    assertEquals(1, best(index.relevance("How do I redeem my Steam wallet?")));
    assertEquals(2, best(index.relevance("I was CHARGED twice")));
    assertEquals(3, best(index.relevance("Does my gift card work in other countries?")));
  }

  @Test
  void aMixedQuestionFindsTheAnswerInEitherLanguage() {
    assertEquals(4, best(index.relevance("Office 怎么在 Mac 激活")));
    assertEquals(1, best(index.relevance("Steam 钱包 code")));
  }

  @Test
  void onlyMatchingArticlesGetARelevance() {
    Map<Long, Double> relevance = index.relevance("Microsoft 365 on a Mac");
    assertEquals(Set.of(4L), relevance.keySet());
    assertTrue(relevance.get(4L) > 0);
  }

  @Test
  void aQueryOfOnlyFunctionWordsOrPunctuationMatchesNothing() {
    assertEquals(Map.of(), index.relevance("how do I do this?"));
    assertEquals(Map.of(), index.relevance("我的，怎么？"));
    assertEquals(Map.of(), index.relevance("   "));
    assertEquals(Map.of(), index.relevance(null));
  }

  @Test
  void queriesAreSegmentedAndStemmedLikeTheArticles() {
    Set<String> terms = LuceneSnapshot.terms("How does this redeeming work? 充值码怎么兑换");
    assertTrue(terms.containsAll(Set.of("redeem", "work", "兑换")), terms.toString());
    assertFalse(terms.contains("thi"), "stop words go before stemming: " + terms);
    assertFalse(terms.contains("doe"), terms.toString());
    assertFalse(terms.contains("how"), terms.toString());
    assertFalse(terms.contains("怎么"), terms.toString());
  }

  @Test
  void theSnapshotHoldsItsRevisionAndArticles() {
    assertEquals(7, index.revision());
    assertEquals(4, index.articles().size());
    assertEquals("STEAM-100", index.article(1).orElseThrow().productSku());
    assertTrue(index.article(99).isEmpty());
    assertEquals(Map.of(), LuceneSnapshot.build(8, List.of()).relevance("steam"));
  }

  @Test
  void aVeryLongQueryUsesItsFirstWordsOnly() {
    String words = "steam wallet ".repeat(10) + String.join(" ", List.of("a1", "b2", "c3"));
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      many.append("word").append(i).append(' ');
    }
    assertTrue(LuceneSnapshot.terms(many.toString()).size() <= LuceneSnapshot.MAX_QUERY_TERMS);
    assertEquals(1, best(index.relevance(words + many)));
  }
}
