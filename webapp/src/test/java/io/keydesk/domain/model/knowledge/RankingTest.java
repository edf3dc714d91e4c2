package io.keydesk.domain.model.knowledge;

import static io.keydesk.domain.model.category.CategoryCode.INVALID_KEY;
import static io.keydesk.domain.model.category.CategoryCode.PAYMENT_ISSUE;
import static io.keydesk.domain.model.category.CategoryCode.USAGE_HELP;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keydesk.domain.model.knowledge.Ranking.Candidate;
import io.keydesk.domain.model.knowledge.Ranking.Ranked;
import io.keydesk.domain.model.knowledge.Ranking.Scope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The order of answers, given the text relevance the index computed. */
class RankingTest {
  // INVALID_KEY: two general, one for STEAM-100, one for XBOX
  private static final Candidate GENERAL_TYPOS = new Candidate(1, INVALID_KEY, null, 20);
  private static final Candidate GENERAL_REGION = new Candidate(2, INVALID_KEY, null, 10);
  private static final Candidate STEAM_REDEEMED = new Candidate(3, INVALID_KEY, "STEAM-100", 0);
  private static final Candidate XBOX_USED = new Candidate(4, INVALID_KEY, "XBOX-GP-1M", 30);
  // other categories
  private static final Candidate STEAM_HOWTO = new Candidate(5, USAGE_HELP, "STEAM-100", 30);
  private static final Candidate CHARGED_TWICE = new Candidate(6, PAYMENT_ISSUE, null, 0);

  private static final List<Candidate> ALL =
      List.of(GENERAL_TYPOS, GENERAL_REGION, STEAM_REDEEMED, XBOX_USED, STEAM_HOWTO, CHARGED_TWICE);

  private static List<Long> ids(List<Ranked> ranked) {
    return ranked.stream().map(r -> r.candidate().id()).toList();
  }

  @Nested
  class Recommendations {
    @Test
    void theCategorysAnswerForTheProductComesFirstEvenWhenTheTextFitsAGeneralOneBetter() {
      Map<Long, Double> relevance = Map.of(2L, 9.0, 1L, 1.5, 3L, 0.4);

      List<Ranked> ranked = Ranking.recommend(ALL, relevance, INVALID_KEY, "STEAM-100", 10);

      assertEquals(List.of(3L, 2L, 1L), ids(ranked));
      assertEquals(Scope.PRODUCT, ranked.get(0).scope());
      assertEquals(Scope.GENERAL, ranked.get(1).scope());
      assertEquals(9.0, ranked.get(1).relevance());
    }

    @Test
    void answersAboutOtherProductsOrOtherCategoriesAreNeverRecommended() {
      Map<Long, Double> relevance = Map.of(4L, 50.0, 5L, 50.0, 6L, 50.0);

      assertEquals(
          List.of(3L, 1L, 2L),
          ids(Ranking.recommend(ALL, relevance, INVALID_KEY, "STEAM-100", 10)));
      assertEquals(
          List.of(1L, 2L), ids(Ranking.recommend(ALL, relevance, INVALID_KEY, "OTHER-SKU", 10)));
    }

    @Test
    void withoutTextTheSortWeightDecidesWithinEachGroup() {
      assertEquals(
          List.of(4L, 1L, 2L),
          ids(Ranking.recommend(ALL, Map.of(), INVALID_KEY, "XBOX-GP-1M", 10)));
      assertEquals(List.of(1L, 2L), ids(Ranking.recommend(ALL, Map.of(), INVALID_KEY, null, 10)));
    }

    @Test
    void equalWeightsAndRelevanceKeepTheOlderArticleFirst() {
      Candidate a = new Candidate(7, PAYMENT_ISSUE, null, 0);
      List<Candidate> both = List.of(a, CHARGED_TWICE);
      assertEquals(List.of(6L, 7L), ids(Ranking.recommend(both, Map.of(), PAYMENT_ISSUE, null, 5)));
    }

    @Test
    void withoutACategoryOnlyMatchingAnswersAndThoseAboutTheProductAreOffered() {
      Map<Long, Double> relevance = Map.of(6L, 2.0, 2L, 1.0, 4L, 7.0);

      assertEquals(
          List.of(5L, 3L, 6L, 2L), ids(Ranking.recommend(ALL, relevance, null, "STEAM-100", 10)));
      assertEquals(List.of(6L, 2L), ids(Ranking.recommend(ALL, relevance, null, null, 10)));
    }

    @Test
    void theLimitCutsFromTheBottom() {
      assertEquals(List.of(3L), ids(Ranking.recommend(ALL, Map.of(), INVALID_KEY, "STEAM-100", 1)));
    }
  }

  @Nested
  class Search {
    @Test
    void withATextOnlyMatchingArticlesAreFoundMostRelevantFirst() {
      Map<Long, Double> relevance = Map.of(5L, 3.0, 1L, 0.5, 6L, 3.0, 4L, 8.0);

      assertEquals(
          List.of(4L, 5L, 6L, 1L), ids(Ranking.search(ALL, relevance, true, null, null, 10)));
    }

    @Test
    void aCategoryAndAProductNarrowTheResultsToWhatAppliesToThem() {
      Map<Long, Double> relevance = Map.of(1L, 1.0, 3L, 2.0, 4L, 8.0, 5L, 3.0);

      assertEquals(
          List.of(3L, 1L), ids(Ranking.search(ALL, relevance, true, INVALID_KEY, "STEAM-100", 10)));
      assertEquals(
          List.of(5L, 3L, 1L), ids(Ranking.search(ALL, relevance, true, null, "STEAM-100", 10)));
    }

    @Test
    void withoutATextEverythingThatAppliesIsListedByWeight() {
      assertEquals(
          List.of(4L, 1L, 2L, 3L),
          ids(Ranking.search(ALL, Map.of(), false, INVALID_KEY, null, 10)));
      assertEquals(List.of(), ids(Ranking.search(ALL, Map.of(), true, INVALID_KEY, null, 10)));
    }
  }
}
