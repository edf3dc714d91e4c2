package io.keydesk.infrastructure.persistence;

import io.keydesk.domain.model.staff.Role;
import io.keydesk.domain.model.staff.Shifts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.DayOfWeek;
import java.util.List;

/** The weekly shift table in {@code staff_shift} (V14). */
@ApplicationScoped
public class JpaShifts implements Shifts {
  @PersistenceContext private EntityManager em;

  @Override
  public List<Shift> all() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT u.username, u.role, s.weekday, s.start_hour, s.end_hour FROM staff_shift s"
                    + " JOIN staff_user u ON u.id = s.staff_id WHERE u.active = TRUE"
                    + " ORDER BY u.username, s.weekday, s.start_hour")
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Shift(
                    (String) r[0],
                    Role.valueOf((String) r[1]),
                    DayOfWeek.of(((Number) r[2]).intValue()),
                    ((Number) r[3]).intValue(),
                    ((Number) r[4]).intValue()))
        .toList();
  }

  @Override
  public void replace(long staffId, List<Shift> week) {
    em.createNativeQuery("DELETE FROM staff_shift WHERE staff_id = ?")
        .setParameter(1, staffId)
        .executeUpdate();
    for (Shift s : week) {
      em.createNativeQuery(
              "INSERT INTO staff_shift (staff_id, weekday, start_hour, end_hour) VALUES (?, ?, ?,"
                  + " ?)")
          .setParameter(1, staffId)
          .setParameter(2, s.day().getValue())
          .setParameter(3, s.from())
          .setParameter(4, s.to())
          .executeUpdate();
    }
  }
}
