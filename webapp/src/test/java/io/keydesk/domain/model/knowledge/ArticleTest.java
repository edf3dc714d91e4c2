package io.keydesk.domain.model.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.domain.model.catalog.Product;
import io.keydesk.domain.model.category.Category;
import io.keydesk.domain.model.category.CategoryCode;
import io.keydesk.domain.model.order.TestOrders;
import io.keydesk.domain.shared.DomainException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The article aggregate through its public behaviour, without a container. */
class ArticleTest {
  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  private static final Instant T1 = T0.plusSeconds(60);

  private final Category usageHelp =
      new Category(CategoryCode.USAGE_HELP, "How to use it", "使用帮助", 240, 1440);
  private final Product steam = TestOrders.product("STEAM-100");

  private ArticleContent content(Product product, List<String> keywords, int weight) {
    return new ArticleContent(
        usageHelp,
        product,
        new ArticleText("  如何兑换 Steam 钱包充值码 ", "打开 Steam 客户端……"),
        new ArticleText("How to redeem a Steam Wallet code", " Open the Steam client… "),
        keywords,
        weight);
  }

  private Article draft() {
    return Article.write(content(steam, List.of("Steam"), 0), false, T0);
  }

  @Test
  void aNewArticleKeepsBothLanguagesStrippedAndItsPlace() {
    Article a = Article.write(content(steam, List.of("Steam", "钱包"), 30), true, T0);

    assertEquals("如何兑换 Steam 钱包充值码", a.text(Language.ZH_CN).title());
    assertEquals("Open the Steam client…", a.text(Language.EN).body());
    assertEquals(CategoryCode.USAGE_HELP, a.category().code());
    assertEquals("STEAM-100", a.product().orElseThrow().sku());
    assertEquals(List.of("Steam", "钱包"), a.keywords());
    assertEquals(30, a.sortWeight());
    assertTrue(a.isPublished());
    assertFalse(a.isArchived());
    assertEquals(T0, a.createdAt());
    assertEquals(T0, a.updatedAt());
  }

  @Test
  void aGeneralArticleAppliesToEveryProductAProductArticleOnlyToItsOwn() {
    Article general = Article.write(content(null, null, 0), true, T0);
    Article product = draft();

    assertTrue(general.product().isEmpty());
    assertTrue(general.appliesTo("XBOX-GP-1M"));
    assertTrue(product.appliesTo("STEAM-100"));
    assertFalse(product.appliesTo("XBOX-GP-1M"));
  }

  @Nested
  class Content {
    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n"})
    void bothLanguagesNeedATitleAndABody(String missing) {
      assertThrows(IllegalArgumentException.class, () -> new ArticleText(missing, "body"));
      assertThrows(IllegalArgumentException.class, () -> new ArticleText("title", missing));
      ArticleText text = new ArticleText("title", "body");
      assertThrows(
          IllegalArgumentException.class,
          () -> new ArticleContent(usageHelp, null, null, text, List.of(), 0));
      assertThrows(
          IllegalArgumentException.class,
          () -> new ArticleContent(usageHelp, null, text, null, List.of(), 0));
    }

    @Test
    void aCategoryIsRequired() {
      ArticleText text = new ArticleText("title", "body");
      assertThrows(
          IllegalArgumentException.class,
          () -> new ArticleContent(null, null, text, text, List.of(), 0));
    }

    @Test
    void titlesAndBodiesHaveAMaximumLength() {
      assertEquals(200, new ArticleText("t".repeat(200), "b").title().length());
      assertThrows(IllegalArgumentException.class, () -> new ArticleText("t".repeat(201), "b"));
      assertEquals(10_000, new ArticleText("t", "b".repeat(10_000)).body().length());
      assertThrows(IllegalArgumentException.class, () -> new ArticleText("t", "b".repeat(10_001)));
    }

    @Test
    void keywordsAreStrippedAndDuplicatesIgnoringCaseDropped() {
      ArticleContent c = content(null, List.of(" Steam ", "steam", "钱包", "STEAM"), 0);
      assertEquals(List.of("Steam", "钱包"), c.keywords());
      assertEquals(List.of(), content(null, null, 0).keywords());
    }

    @Test
    void keywordsMustBeShortWithoutCommasAndNotTooMany() {
      assertThrows(IllegalArgumentException.class, () -> content(null, List.of("a,b"), 0));
      assertThrows(IllegalArgumentException.class, () -> content(null, List.of(" "), 0));
      List<String> withNull = new ArrayList<>();
      withNull.add(null);
      assertThrows(IllegalArgumentException.class, () -> content(null, withNull, 0));
      assertThrows(IllegalArgumentException.class, () -> content(null, List.of("k".repeat(41)), 0));
      List<String> twenty = IntStream.range(0, 20).mapToObj(i -> "k" + i).toList();
      assertEquals(20, content(null, twenty, 0).keywords().size());
      List<String> tooMany = IntStream.range(0, 21).mapToObj(i -> "k" + i).toList();
      assertThrows(IllegalArgumentException.class, () -> content(null, tooMany, 0));
    }

    @Test
    void theSortWeightStaysWithinItsRange() {
      assertEquals(-1000, content(null, null, -1000).sortWeight());
      assertEquals(1000, content(null, null, 1000).sortWeight());
      assertThrows(IllegalArgumentException.class, () -> content(null, null, 1001));
      assertThrows(IllegalArgumentException.class, () -> content(null, null, -1001));
    }
  }

  @Nested
  class Revising {
    @Test
    void aRevisionAgainstTheCurrentVersionReplacesTheContent() {
      Article a = draft();
      ArticleContent general = content(null, List.of("redeem"), 5);

      a.revise(general, true, a.version(), T1);

      assertTrue(a.product().isEmpty());
      assertEquals(List.of("redeem"), a.keywords());
      assertEquals(5, a.sortWeight());
      assertTrue(a.isPublished());
      assertEquals(T1, a.updatedAt());
      assertEquals(T0, a.createdAt());
    }

    @Test
    void aStaleVersionChangesNothing() {
      Article a = draft();

      DomainException e =
          assertThrows(
              DomainException.class,
              () -> a.revise(content(null, List.of(), 9), true, a.version() + 1, T1));

      assertEquals("version-conflict", e.code());
      assertEquals("STEAM-100", a.product().orElseThrow().sku());
      assertFalse(a.isPublished());
      assertEquals(T0, a.updatedAt());
    }
  }

  @Nested
  class Archiving {
    @Test
    void archivingUnpublishesForGood() {
      Article a = Article.write(content(null, null, 0), true, T0);

      a.archive(null, T1);

      assertTrue(a.isArchived());
      assertFalse(a.isPublished());
      assertEquals(T1, a.archivedAt().orElseThrow());
      DomainException e =
          assertThrows(
              DomainException.class,
              () -> a.revise(content(null, null, 0), true, a.version(), T1.plusSeconds(1)));
      assertEquals("article-archived", e.code());
      assertFalse(a.isPublished(), "an archived article is never published again");
    }

    @Test
    void archivingTwiceKeepsTheFirstTime() {
      Article a = draft();
      a.archive(null, T1);
      a.archive(a.version(), T1.plusSeconds(5));
      assertEquals(T1, a.archivedAt().orElseThrow());
    }

    @Test
    void archivingAgainstAStaleVersionIsRefused() {
      Article a = Article.write(content(null, null, 0), true, T0);
      DomainException e = assertThrows(DomainException.class, () -> a.archive(a.version() + 3, T1));
      assertEquals("version-conflict", e.code());
      assertTrue(a.isPublished());
      assertFalse(a.isArchived());
    }
  }

  @Test
  void languagesAreKnownByTheirExactTag() {
    assertEquals(Language.ZH_CN, Language.ofTag("zh-CN").orElseThrow());
    assertEquals(Language.EN, Language.ofTag("en").orElseThrow());
    assertTrue(Language.ofTag("zh").isEmpty());
    assertTrue(Language.ofTag(null).isEmpty());
    assertEquals(Language.EN, Language.ZH_CN.other());
  }
}
