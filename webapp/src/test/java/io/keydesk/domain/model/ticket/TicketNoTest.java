package io.keydesk.domain.model.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TicketNoTest {
  private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

  private static List<String> randomNumbers(int count) {
    List<String> numbers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      numbers.add(TicketNo.random(DAY).value());
    }
    return numbers;
  }

  @Test
  void aNumberShowsTheDayAndEightCrockfordCharacters() {
    String no = TicketNo.random(LocalDate.of(2026, 12, 31)).value();

    assertTrue(no.matches("KD-261231-[0-9A-HJKMNP-TV-Z]{8}"), no);
    assertTrue(no.substring(10).chars().noneMatch(c -> "ILOU".indexOf(c) >= 0), no);
  }

  @Test
  void tenThousandNumbersOfOneDayAreAllDistinct() {
    List<String> numbers = randomNumbers(10_000);

    assertEquals(10_000, new HashSet<>(numbers).size());
    assertTrue(numbers.stream().allMatch(TicketNo::looksValid));
  }

  @Test
  void numbersCannotBeGuessedFromTheirNeighbours() {
    List<String> numbers = randomNumbers(10_000);

    int ascending = 0;
    Set<Long> steps = new HashSet<>();
    for (int i = 1; i < numbers.size(); i++) {
      long previous = value(numbers.get(i - 1));
      long next = value(numbers.get(i));
      if (next > previous) {
        ascending++;
      }
      steps.add(next - previous);
    }
    // a counter always ascends by a fixed step; random numbers ascend about half of the time
    assertTrue(ascending > 4_500 && ascending < 5_500, "ascending pairs: " + ascending);
    assertTrue(steps.size() > 9_900, "distinct steps: " + steps.size());
  }

  @Test
  void everyPositionUsesTheWholeAlphabet() {
    List<String> numbers = randomNumbers(10_000);

    for (int position = 10; position < 18; position++) {
      Set<Character> used = new HashSet<>();
      for (String no : numbers) {
        used.add(no.charAt(position));
      }
      assertEquals(32, used.size(), "characters used at position " + position);
    }
  }

  /** The 40 random bits of a number (most significant character last, as they are written). */
  private static long value(String no) {
    long v = 0;
    for (int i = 17; i >= 10; i--) {
      v = (v << 5) | CROCKFORD.indexOf(no.charAt(i));
    }
    return v;
  }

  @ParameterizedTest
  @ValueSource(strings = {"KD-260302-7K3M9QXA", "KD-000101-00000000", "KD-991231-ZZZZZZZZ"})
  void wellFormedNumbersLookValid(String no) {
    assertTrue(TicketNo.looksValid(no));
    assertEquals(no, new TicketNo(no).value());
    assertEquals(no, new TicketNo(no).toString());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "kd-260302-7k3m9qxa",
        "KD-260302-7K3M9QX",
        "KD-260302-7K3M9QXAB",
        "KD-26030-7K3M9QXA",
        "KD-2603A2-7K3M9QXA",
        "KD-260302-7K3M9QXI",
        "KD-260302-7K3M9QXL",
        "KD-260302-7K3M9QXO",
        "KD-260302-7K3M9QXU",
        " KD-260302-7K3M9QXA",
        "KD-260302-7K3M9QXA\n",
        "XX-260302-7K3M9QXA",
        "KD260302-7K3M9QXA",
        "KD-260302-7K3M9QXA' OR '1'='1"
      })
  void anythingElseDoesNotLookValidAndIsRefused(String text) {
    assertFalse(TicketNo.looksValid(text));
    assertThrows(IllegalArgumentException.class, () -> new TicketNo(text));
  }

  @Test
  void numbersAreValues() {
    assertEquals(new TicketNo("KD-260302-7K3M9QXA"), new TicketNo("KD-260302-7K3M9QXA"));
  }
}
