package io.keydesk.domain.model.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.domain.model.category.CategoryCode;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StaffUserSkillsTest {
  private final StaffUser alice =
      new StaffUser("alice", "Alice", "hash", Role.AGENT, null, "en", Instant.EPOCH);

  @Test
  void anAgentHandlesOnlyTheirCategoriesAndLanguages() {
    assertFalse(alice.handles(CategoryCode.OTHER, "en"), "no skills yet");
    alice.changeSkills(EnumSet.of(CategoryCode.INVALID_KEY), Set.of("zh-CN"), 3);
    assertTrue(alice.handles(CategoryCode.INVALID_KEY, "zh-CN"));
    assertFalse(alice.handles(CategoryCode.INVALID_KEY, "en"));
    assertFalse(alice.handles(CategoryCode.OTHER, "zh-CN"));
    assertEquals(3, alice.capacity());
    assertEquals(Set.of(CategoryCode.INVALID_KEY), alice.skillCategories());
  }

  @Test
  void skillsAreChecked() {
    assertThrows(
        IllegalArgumentException.class,
        () -> alice.changeSkills(EnumSet.noneOf(CategoryCode.class), Set.of("fr"), 3));
    assertThrows(
        IllegalArgumentException.class,
        () -> alice.changeSkills(EnumSet.noneOf(CategoryCode.class), Set.of("en"), -1));
    assertThrows(
        IllegalArgumentException.class,
        () -> alice.changeSkills(EnumSet.noneOf(CategoryCode.class), Set.of("en"), 501));
  }
}
