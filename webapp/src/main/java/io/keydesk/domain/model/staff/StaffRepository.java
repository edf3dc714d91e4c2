package io.keydesk.domain.model.staff;

import java.util.Optional;

public interface StaffRepository {
  Optional<StaffUser> find(String username);

  long count();

  /** Everyone, by username. */
  java.util.List<StaffUser> all();

  StaffUser store(StaffUser user);
}
