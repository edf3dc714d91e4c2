package io.keydesk.application;

import io.keydesk.application.AccessTokens.StaffIdentity;
import io.keydesk.domain.model.staff.Shifts;
import io.keydesk.domain.model.staff.Shifts.Shift;
import io.keydesk.domain.model.staff.StaffRepository;
import io.keydesk.domain.model.staff.StaffUser;
import io.keydesk.domain.model.ticket.Actor;
import io.keydesk.domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The weekly shift table: read by supervisors, one person's week replaced at a time (audited as
 * {@code staff.shifts-replaced}). Shifts are configuration read only by the forecast, so no event
 * goes to Kafka (as for the risk settings).
 */
@ApplicationScoped
public class ShiftService {
  /** Shifts per person and week, at most. */
  public static final int MAX_SHIFTS = 21;

  @Inject Shifts shifts;
  @Inject StaffRepository staff;
  @Inject Audit audit;
  @Inject Clock clock;

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Shift> all() {
    return shifts.all();
  }

  /**
   * Replaces {@code username}'s week (an empty list: off all week). Overlapping shifts on one day
   * are refused.
   *
   * @throws NotFoundException when there is no such active member of staff
   * @throws InvalidFieldException {@code shifts} when shifts overlap or there are too many
   */
  @Transactional
  public List<Shift> replace(StaffIdentity by, String username, List<Shift> week) {
    StaffUser user =
        staff
            .find(username)
            .filter(StaffUser::isActive)
            .orElseThrow(() -> new NotFoundException("staff user"));
    if (week.size() > MAX_SHIFTS) {
      throw new InvalidFieldException("shifts", "at most " + MAX_SHIFTS + " shifts a week");
    }
    for (int i = 0; i < week.size(); i++) {
      for (int j = i + 1; j < week.size(); j++) {
        Shift a = week.get(i);
        Shift b = week.get(j);
        if (a.day() == b.day() && a.from() < b.to() && b.from() < a.to()) {
          throw new InvalidFieldException(
              "shifts[" + j + "]", "overlaps shifts[" + i + "] on " + a.day());
        }
      }
    }
    List<Shift> stored =
        week.stream()
            .map(s -> new Shift(user.username(), user.role(), s.day(), s.from(), s.to()))
            .toList();
    shifts.replace(user.id(), stored);
    Instant now = clock.instant();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("username", user.username());
    details.put(
        "week",
        stored.stream()
            .map(s -> s.day() + " " + s.from() + "-" + s.to())
            .collect(Collectors.joining(", ")));
    audit.record(
        Actor.staff(by.username()),
        "staff.shifts-replaced",
        "staff-user",
        user.username(),
        details,
        now);
    return stored;
  }
}
