package io.keydesk.domain.model.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.domain.model.catalog.Supplier;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StaffUserTest {
  private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
  private final Supplier valve = new Supplier("VALVE-CN", "Valve CN", NOW);

  private StaffUser agent() {
    return new StaffUser("li.na", "Li Na", "hash", Role.AGENT, null, "zh-CN", NOW);
  }

  @Test
  void aSupplierManagerAndOnlyASupplierManagerIsBoundToASupplier() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new StaffUser("m", "M", "hash", Role.SUPPLIER_MANAGER, null, "en", NOW));
    assertThrows(
        IllegalArgumentException.class,
        () -> new StaffUser("mm", "M", "hash", Role.AGENT, valve, "en", NOW));

    StaffUser user = agent();
    user.changeRole(Role.SUPPLIER_MANAGER, valve);
    assertEquals(Role.SUPPLIER_MANAGER, user.role());
    assertEquals("VALVE-CN", user.supplier().orElseThrow().code());
    assertThrows(IllegalArgumentException.class, () -> user.changeRole(Role.SUPERVISOR, valve));
    assertEquals(Role.SUPPLIER_MANAGER, user.role(), "unchanged after a refusal");
    user.changeRole(Role.SUPERVISOR, null);
    assertTrue(user.supplier().isEmpty());
  }

  @Test
  void usernamesAndLanguagesHaveAFixedShape() {
    assertTrue(StaffUser.validUsername("li.na-2"));
    assertFalse(StaffUser.validUsername("Li Na"));
    assertFalse(StaffUser.validUsername("x"));
    assertFalse(StaffUser.validUsername(null));
    StaffUser user = agent();
    assertThrows(IllegalArgumentException.class, () -> user.changeLanguage("fr"));
    user.changeLanguage("en");
    assertEquals("en", user.language());
  }

  @Test
  void theEmailAddressIsOptionalCheckedAndNormalised() {
    StaffUser user = agent();
    assertTrue(user.email().isEmpty(), "none until set");
    user.changeEmail("  Li.Na@Example.COM ");
    assertEquals("li.na@example.com", user.email().orElseThrow());
    for (String bad :
        new String[] {
          "li.na",
          "li@na@example.com",
          "li na@example.com",
          "li@example",
          "13800138000",
          "a@" + "b".repeat(250) + ".com",
          "x".repeat(65) + "@example.com"
        }) {
      assertThrows(IllegalArgumentException.class, () -> user.changeEmail(bad), bad);
      assertEquals("li.na@example.com", user.email().orElseThrow(), "unchanged after " + bad);
    }
    String longest = "a@" + "b".repeat(248) + ".com";
    assertEquals(254, longest.length());
    user.changeEmail(longest);
    assertEquals(longest, user.email().orElseThrow());
    user.changeEmail(" ");
    assertTrue(user.email().isEmpty(), "blank removes the address");
    user.changeEmail("li.na@example.com");
    user.changeEmail(null);
    assertTrue(user.email().isEmpty(), "null removes the address");
  }

  @Test
  void deactivationIsReversible() {
    StaffUser user = agent();
    user.deactivate();
    assertFalse(user.isActive());
    user.reactivate();
    assertTrue(user.isActive());
  }
}
