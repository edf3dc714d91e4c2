package io.keydesk.domain.model.staff;

import java.util.Optional;

public interface StaffRepository {
  Optional<StaffUser> find(String username);

  long count();

  StaffUser store(StaffUser user);
}
