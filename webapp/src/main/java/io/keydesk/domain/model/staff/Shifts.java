package io.keydesk.domain.model.staff;

import java.time.DayOfWeek;
import java.util.List;

/** The weekly shift table (V14 {@code staff_shift}), in local hours of the display zone. */
public interface Shifts {
  /** Every shift of active staff, by username, day and hour. */
  List<Shift> all();

  /** Replaces one member of staff's week. */
  void replace(long staffId, List<Shift> week);

  /** One shift: {@code username} works on {@code day} from hour {@code from} to {@code to}. */
  record Shift(String username, Role role, DayOfWeek day, int from, int to) {
    public Shift {
      if (day == null || from < 0 || from > 23 || to < 1 || to > 24 || from >= to) {
        throw new IllegalArgumentException("a shift is a day and 0 <= from < to <= 24");
      }
    }

    /** Whether the shift covers the hour starting at {@code hour} (0-23) on {@code d}. */
    public boolean covers(DayOfWeek d, int hour) {
      return day == d && from <= hour && hour < to;
    }
  }
}
