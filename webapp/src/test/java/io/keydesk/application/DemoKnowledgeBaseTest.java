package io.keydesk.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.domain.model.category.Category;
import io.keydesk.domain.model.category.CategoryCode;
import io.keydesk.domain.model.knowledge.ArticleContent;
import io.keydesk.domain.model.knowledge.ArticleText;
import io.keydesk.domain.model.order.TestOrders;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo answers are complete, bilingual and valid articles for the demo products. */
class DemoKnowledgeBaseTest {
  private final List<WriteArticle> articles = Arrays.asList(DemoData.knowledgeBaseArticles());

  private static boolean hasChinese(String s) {
    return s.codePoints().anyMatch(c -> c >= 0x4e00 && c <= 0x9fff);
  }

  @Test
  void everyCategoryHasAtLeastTwoPublishedGeneralAnswers() {
    Map<String, Long> general =
        articles.stream()
            .filter(a -> a.productSku() == null && Boolean.TRUE.equals(a.published()))
            .collect(Collectors.groupingBy(WriteArticle::category, Collectors.counting()));
    for (CategoryCode code : CategoryCode.values()) {
      assertTrue(general.getOrDefault(code.name(), 0L) >= 2, code + ": " + general);
    }
  }

  @Test
  void theDemoProductsHaveTheirOwnAnswers() {
    Set<String> demoProducts =
        DemoData.ORDERS.stream().map(DemoData.DemoOrder::product).collect(Collectors.toSet());
    Map<String, Long> perProduct =
        articles.stream()
            .filter(a -> a.productSku() != null)
            .collect(Collectors.groupingBy(WriteArticle::productSku, Collectors.counting()));
    assertEquals(demoProducts, perProduct.keySet());
    assertTrue(
        perProduct.values().stream().mapToLong(Long::longValue).sum() >= 4, perProduct.toString());
  }

  @Test
  void everyAnswerIsAValidArticleInChineseAndEnglish() {
    for (WriteArticle a : articles) {
      CategoryCode code = CategoryCode.valueOf(a.category());
      ArticleContent content =
          new ArticleContent(
              new Category(code, code.name(), code.name(), 60, 120),
              a.productSku() == null ? null : TestOrders.product(a.productSku()),
              new ArticleText(a.titleZh(), a.bodyZh()),
              new ArticleText(a.titleEn(), a.bodyEn()),
              a.keywords(),
              a.sortWeight() == null ? 0 : a.sortWeight());
      assertTrue(hasChinese(a.titleZh()) && hasChinese(a.bodyZh()), a.titleZh());
      assertFalse(hasChinese(a.titleEn()) || hasChinese(a.bodyEn()), a.titleEn());
      assertTrue(a.bodyZh().length() > 100 && a.bodyEn().length() > 300, a.titleEn());
      assertEquals(a.keywords().size(), content.keywords().size(), "no duplicate keywords");
    }
    assertEquals(
        articles.size(),
        articles.stream().map(WriteArticle::titleEn).distinct().count(),
        "titles are unique");
  }
}
