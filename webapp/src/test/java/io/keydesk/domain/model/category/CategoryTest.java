package io.keydesk.domain.model.category;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CategoryTest {
  private final Category other = new Category(CategoryCode.OTHER, "Other", "其他", 480, 4320);

  @Test
  void newTargetsSetTheDeadlinesComputedFromThenOn() {
    Instant opened = Instant.parse("2026-11-25T08:00:00Z");
    Instant before = other.resolutionDueFrom(opened);

    other.changeTargets(60, 600);

    assertEquals(opened.plus(Duration.ofHours(72)), before, "a deadline already given stays");
    assertEquals(opened.plus(Duration.ofMinutes(60)), other.responseDueFrom(opened));
    assertEquals(opened.plus(Duration.ofMinutes(600)), other.resolutionDueFrom(opened));
  }

  @Test
  void aTargetOutsideTheRangeIsRefusedNamingIt() {
    Category.InvalidTargetException zero =
        assertThrows(Category.InvalidTargetException.class, () -> other.changeTargets(0, 600));
    assertEquals("responseMinutes", zero.field());
    Category.InvalidTargetException tooLong =
        assertThrows(
            Category.InvalidTargetException.class,
            () -> other.changeTargets(60, Category.MAX_TARGET_MINUTES + 1));
    assertEquals("resolutionMinutes", tooLong.field());
    Category.InvalidTargetException inverted =
        assertThrows(Category.InvalidTargetException.class, () -> other.changeTargets(600, 60));
    assertEquals("resolutionMinutes", inverted.field());
    assertEquals("must not be shorter than the response target", inverted.reason());
    assertEquals(Duration.ofMinutes(480), other.responseTarget(), "unchanged after a refusal");
  }

  @Test
  void equalTargetsAndTheLongestAreAllowed() {
    other.changeTargets(Category.MAX_TARGET_MINUTES, Category.MAX_TARGET_MINUTES);
    assertEquals(Duration.ofDays(30), other.resolutionTarget());
  }
}
