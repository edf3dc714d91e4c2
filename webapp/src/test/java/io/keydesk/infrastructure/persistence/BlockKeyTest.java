package io.keydesk.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.keydesk.domain.model.risk.BlockEntry.Kind;
import org.junit.jupiter.api.Test;

/**
 * The block-list index may only err towards asking the database: values the collation
 * (utf8mb4_unicode_ci) finds equal must fold to the same key.
 */
class BlockKeyTest {
  @Test
  void caseAccentsWidthAndTrailingSpacesDoNotMatter() {
    String key = JpaRiskRepository.blockKey(Kind.DEVICE, "cafe-42");
    assertEquals(key, JpaRiskRepository.blockKey(Kind.DEVICE, "CAFE-42"));
    assertEquals(key, JpaRiskRepository.blockKey(Kind.DEVICE, "café-42"));
    assertEquals(key, JpaRiskRepository.blockKey(Kind.DEVICE, "ＣＡＦＥ－４２"));
    assertEquals(key, JpaRiskRepository.blockKey(Kind.DEVICE, "cafe-42  "));
    assertEquals(key, JpaRiskRepository.blockKey(Kind.DEVICE, "ca\u200bfe-42"));
  }

  @Test
  void theKindIsPartOfTheKey() {
    assertNotEquals(
        JpaRiskRepository.blockKey(Kind.IP, "10.0.0.1"),
        JpaRiskRepository.blockKey(Kind.DEVICE, "10.0.0.1"));
  }

  @Test
  void noValueIsNeverBlocked() {
    assertNull(JpaRiskRepository.blockKey(Kind.CONTACT, null));
    assertNull(JpaRiskRepository.blockKey(Kind.CONTACT, ""));
  }
}
