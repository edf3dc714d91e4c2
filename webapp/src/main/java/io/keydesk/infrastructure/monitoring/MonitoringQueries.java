package io.keydesk.infrastructure.monitoring;

import io.keydesk.domain.model.ticket.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The few queries health and metrics need. */
@ApplicationScoped
public class MonitoringQueries {
  @PersistenceContext private EntityManager em;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean databaseAnswers() {
    return ((Number) em.createNativeQuery("SELECT 1").getSingleResult()).intValue() == 1;
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Map<TicketStatus, Long> ticketsByStatus() {
    Map<TicketStatus, Long> counts = new EnumMap<>(TicketStatus.class);
    for (TicketStatus s : TicketStatus.values()) {
      counts.put(s, 0L);
    }
    List<?> rows =
        em.createNativeQuery("SELECT status, COUNT(*) FROM ticket GROUP BY status").getResultList();
    for (Object row : rows) {
      Object[] r = (Object[]) row;
      counts.put(TicketStatus.valueOf((String) r[0]), ((Number) r[1]).longValue());
    }
    return counts;
  }
}
