package io.keydesk.interfaces.web;

import io.keydesk.application.AccessTokens.StaffIdentity;
import io.keydesk.application.StaffTicketService;
import io.keydesk.application.StaffTicketService.QueueItem;
import io.keydesk.application.TeamService;
import io.keydesk.domain.model.category.CategoryCode;
import io.keydesk.domain.model.risk.Decision;
import io.keydesk.domain.model.staff.Role;
import io.keydesk.domain.model.ticket.Deadline;
import io.keydesk.domain.model.ticket.TicketStatus;
import io.keydesk.domain.shared.DomainException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The queue of tickets, most urgent first, paged on the database (a lazy PrimeFaces table): filters
 * for every column that matters, the time left on the server's clock, and for supervisors bulk
 * reassignment and the escalated tickets.
 */
@Named
@ViewScoped
public class AgentQueue implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject StaffTicketService service;
  @Inject TeamService team;
  @Inject CurrentStaff staff;

  private TicketStatus status;
  private CategoryCode category;
  private String product;
  private String supplier;
  private Decision risk;
  private Deadline.State deadline;
  private String assignee;
  private boolean escalatedOnly;
  private List<QueueItem> selected = new ArrayList<>();
  private String reassignTo;
  private List<String> assignees = List.of();
  private long escalated;
  private boolean away;
  private final Tickets tickets = new Tickets();

  /** The lazy model the table pages through. */
  public class Tickets extends LazyDataModel<QueueItem> {
    private static final long serialVersionUID = 1L;
    private List<QueueItem> page = List.of();

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) Math.min(Integer.MAX_VALUE, service.queue(identity(), filter(0, 1)).total());
    }

    @Override
    public List<QueueItem> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      StaffTicketService.QueuePage result =
          service.queue(identity(), filter(first / Math.max(1, pageSize), pageSize));
      setRowCount((int) Math.min(Integer.MAX_VALUE, result.total()));
      page = result.items();
      return page;
    }

    @Override
    public String getRowKey(QueueItem item) {
      return item.ticketNo();
    }

    @Override
    public QueueItem getRowData(String rowKey) {
      return page.stream().filter(i -> i.ticketNo().equals(rowKey)).findFirst().orElse(null);
    }
  }

  /** Supplier managers have their reports, not the queue (the API refuses them too). */
  public void check() throws java.io.IOException {
    StaffIdentity me = identity();
    if (me == null || me.role() == Role.SUPPLIER_MANAGER) {
      jakarta.faces.context.FacesContext faces =
          jakarta.faces.context.FacesContext.getCurrentInstance();
      faces.getExternalContext().responseSendError(403, "forbidden");
      faces.responseComplete();
    }
  }

  @PostConstruct
  void init() {
    StaffIdentity me = identity();
    if (me == null || me.role() == Role.SUPPLIER_MANAGER) {
      return;
    }
    if (me != null && isSupervisor()) {
      assignees = team.team(me).stream().filter(m -> m.active()).map(m -> m.username()).toList();
      escalated = team.escalatedCount();
    }
    if (me != null && me.role() == Role.AGENT) {
      away = team.member(me, me.username()).away();
    }
  }

  private StaffIdentity identity() {
    return staff.get();
  }

  private StaffTicketService.Filter filter(int page, int size) {
    return new StaffTicketService.Filter(
        status == null ? null : List.of(status),
        category,
        blankToNull(product),
        blankToNull(supplier),
        risk,
        deadline,
        blankToNull(assignee),
        escalatedOnly,
        page,
        size);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** Filters changed: the table starts again at its first page (done by the table's reset). */
  public void filter() {
    selected = new ArrayList<>();
    if (jakarta.faces.context.FacesContext.getCurrentInstance()
            .getViewRoot()
            .findComponent("queue:table")
        instanceof org.primefaces.component.datatable.DataTable table) {
      table.setFirst(0);
    }
  }

  /** Supervisors: the selected rows go to one member of staff. */
  public void reassign() {
    if (!isSupervisor()) {
      Pages.error(null, "console.queue.forbidden");
      return;
    }
    if (selected == null || selected.isEmpty()) {
      Pages.error(null, "console.queue.selectFirst");
      return;
    }
    if (reassignTo == null || reassignTo.isBlank()) {
      Pages.error("queue:reassignTo", "console.queue.pickAssignee");
      return;
    }
    try {
      List<String> changed =
          team.reassign(
              identity(),
              new TeamService.Reassignment(
                  selected.stream().map(QueueItem::ticketNo).toList(), reassignTo));
      jakarta.faces.context.FacesContext.getCurrentInstance()
          .addMessage(
              null,
              new jakarta.faces.application.FacesMessage(
                  jakarta.faces.application.FacesMessage.SEVERITY_INFO,
                  Pages.text("console.queue.reassigned", changed.size(), reassignTo),
                  null));
      selected = new ArrayList<>();
    } catch (DomainException | ConstraintViolationException e) {
      Pages.error(null, "console.queue.reassignFailed");
    }
  }

  /** An agent steps away (no new tickets) or comes back. */
  public void toggleAway() {
    StaffIdentity me = identity();
    away = team.setAway(me, me.username(), !away).away();
    Pages.info(away ? "console.queue.nowAway" : "console.queue.nowBack");
  }

  /** The time left to a deadline, or how long it is overdue, in the viewer's language. */
  public String timeLeft(QueueItem item) {
    if (item.secondsLeft() == null) {
      return "—";
    }
    long s = item.secondsLeft();
    String span = span(Math.abs(s));
    return s >= 0
        ? Pages.text("console.queue.left", span)
        : Pages.text("console.queue.overdue", span);
  }

  static String span(long seconds) {
    long minutes = Math.max(1, (seconds + 59) / 60);
    long days = minutes / (24 * 60);
    long hours = (minutes / 60) % 24;
    long mins = minutes % 60;
    if (days > 0) {
      return Pages.text("console.queue.daysHours", days, hours);
    }
    if (hours > 0) {
      return Pages.text("console.queue.hoursMinutes", hours, mins);
    }
    return Pages.text("console.queue.minutes", mins);
  }

  public boolean isSupervisor() {
    StaffIdentity me = identity();
    return me != null && (me.role() == Role.SUPERVISOR || me.role() == Role.ADMIN);
  }

  public boolean isAgent() {
    StaffIdentity me = identity();
    return me != null && me.role() == Role.AGENT;
  }

  public Tickets getTickets() {
    return tickets;
  }

  public List<TicketStatus> getStatuses() {
    return Arrays.asList(TicketStatus.values());
  }

  public List<CategoryCode> getCategories() {
    return Arrays.asList(CategoryCode.values());
  }

  public List<Decision> getRisks() {
    return Arrays.asList(Decision.values());
  }

  public List<Deadline.State> getDeadlines() {
    return List.of(Deadline.State.BREACHED, Deadline.State.AT_RISK, Deadline.State.OK);
  }

  public List<String> getAssignees() {
    return assignees;
  }

  public long getEscalated() {
    return escalated;
  }

  public boolean isAway() {
    return away;
  }

  public TicketStatus getStatus() {
    return status;
  }

  public void setStatus(TicketStatus status) {
    this.status = status;
  }

  public CategoryCode getCategory() {
    return category;
  }

  public void setCategory(CategoryCode category) {
    this.category = category;
  }

  public String getProduct() {
    return product;
  }

  public void setProduct(String product) {
    this.product = product;
  }

  public String getSupplier() {
    return supplier;
  }

  public void setSupplier(String supplier) {
    this.supplier = supplier;
  }

  public Decision getRisk() {
    return risk;
  }

  public void setRisk(Decision risk) {
    this.risk = risk;
  }

  public Deadline.State getDeadline() {
    return deadline;
  }

  public void setDeadline(Deadline.State deadline) {
    this.deadline = deadline;
  }

  public String getAssignee() {
    return assignee;
  }

  public void setAssignee(String assignee) {
    this.assignee = assignee;
  }

  public boolean isEscalatedOnly() {
    return escalatedOnly;
  }

  public void setEscalatedOnly(boolean escalatedOnly) {
    this.escalatedOnly = escalatedOnly;
  }

  public List<QueueItem> getSelected() {
    return selected;
  }

  public void setSelected(List<QueueItem> selected) {
    this.selected = selected;
  }

  public String getReassignTo() {
    return reassignTo;
  }

  public void setReassignTo(String reassignTo) {
    this.reassignTo = reassignTo;
  }
}
