package io.keydesk.domain.model.staff;

import io.keydesk.domain.model.category.CategoryCode;
import java.util.List;
import java.util.Optional;

public interface StaffRepository {
  Optional<StaffUser> find(String username);

  long count();

  /** Everyone, by username. */
  java.util.List<StaffUser> all();

  StaffUser store(StaffUser user);

  /**
   * The active agents who are not away and handle this category and language, locked (FOR UPDATE)
   * until the transaction ends, so concurrent assignments on any app instance take turns.
   */
  List<StaffUser> lockAvailableAgents(CategoryCode category, String language);

  /** Agents and supervisors, by username: the team a supervisor manages. */
  List<StaffUser> team();
}
