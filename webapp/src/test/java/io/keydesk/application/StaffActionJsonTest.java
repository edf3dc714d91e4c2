package io.keydesk.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.Test;

/** Staff actions arrive as JSON with or without an escalation target. */
class StaffActionJsonTest {
  @Test
  void readsEveryField() throws Exception {
    try (var jsonb = JsonbBuilder.create()) {
      StaffAction a =
          jsonb.fromJson(
              "{\"type\":\"ESCALATE\",\"text\":\"why\",\"target\":\"SUPPLIER\"}",
              StaffAction.class);
      assertEquals(StaffAction.escalate("SUPPLIER", "why"), a);
      StaffAction b = jsonb.fromJson("{\"type\":\"CLOSE\"}", StaffAction.class);
      assertNull(b.target());
      assertEquals(new StaffAction("CLOSE", null, null), b);
    }
  }
}
