package io.keydesk.infrastructure.persistence;

import io.keydesk.domain.model.staff.StaffRepository;
import io.keydesk.domain.model.staff.StaffUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
}
