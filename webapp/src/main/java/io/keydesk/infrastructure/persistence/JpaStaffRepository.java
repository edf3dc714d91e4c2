package io.keydesk.infrastructure.persistence;

import io.keydesk.domain.model.category.CategoryCode;
import io.keydesk.domain.model.staff.Role;
import io.keydesk.domain.model.staff.StaffRepository;
import io.keydesk.domain.model.staff.StaffUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaStaffRepository implements StaffRepository {
  @PersistenceContext private EntityManager em;

  @Override
  public Optional<StaffUser> find(String username) {
    return em.createNamedQuery("StaffUser.byUsername", StaffUser.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  @Override
  public long count() {
    return em.createNamedQuery("StaffUser.count", Long.class).getSingleResult();
  }

  @Override
  public java.util.List<StaffUser> all() {
    return em.createNamedQuery("StaffUser.all", StaffUser.class).getResultList();
  }

  @Override
  public StaffUser store(StaffUser user) {
    if (user.id() == null) {
      em.persist(user);
    }
    return user;
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<StaffUser> lockAvailableAgents(CategoryCode category, String language) {
    return em.createNativeQuery(
            "SELECT u.* FROM staff_user u"
                + " WHERE u.role = ?1 AND u.active = TRUE AND u.away = FALSE AND u.capacity > 0"
                + " AND EXISTS (SELECT 1 FROM staff_skill_category c"
                + "   WHERE c.staff_id = u.id AND c.category_code = ?2)"
                + " AND EXISTS (SELECT 1 FROM staff_skill_language l"
                + "   WHERE l.staff_id = u.id AND l.language = ?3)"
                + " ORDER BY u.id FOR UPDATE",
            StaffUser.class)
        .setParameter(1, Role.AGENT.name())
        .setParameter(2, category.name())
        .setParameter(3, language)
        .setHint("eclipselink.refresh", "true")
        .getResultList();
  }

  @Override
  public List<StaffUser> team() {
    return em.createQuery(
            "SELECT u FROM StaffUser u WHERE u.role IN :roles ORDER BY u.username", StaffUser.class)
        .setParameter("roles", List.of(Role.AGENT, Role.SUPERVISOR))
        .getResultList();
  }
}
