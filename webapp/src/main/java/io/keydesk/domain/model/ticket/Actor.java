package io.keydesk.domain.model.ticket;

import static io.keydesk.domain.shared.Checks.notBlank;
import static io.keydesk.domain.shared.Checks.notNull;

/** Who did something to a ticket. */
public record Actor(Type type, String name) {
  public enum Type {
    BUYER,
    STAFF,
    SYSTEM
  }

  public static final Actor SYSTEM = new Actor(Type.SYSTEM, "Keydesk");

  public Actor {
    notNull(type, "actor type");
    notBlank(name, "actor name", 100);
  }

  public static Actor buyer() {
    return new Actor(Type.BUYER, "buyer");
  }

  public static Actor staff(String username) {
    return new Actor(Type.STAFF, username);
  }
}
