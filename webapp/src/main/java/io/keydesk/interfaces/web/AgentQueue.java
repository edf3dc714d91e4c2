package io.keydesk.interfaces.web;

import io.keydesk.application.StaffTicketService;
import io.keydesk.application.StaffTicketService.QueuePage;
import io.keydesk.domain.model.category.CategoryCode;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/** The agents' queue of open tickets, most urgent first, paged on the database. */
@Named
@ViewScoped
public class AgentQueue implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int PAGE_SIZE = 25;

  @Inject StaffTicketService service;
  @Inject CurrentStaff staff;

  private CategoryCode category;
  private int page;
  private QueuePage queue;

  public void load() {
    queue =
        service.queue(
            staff.get(), new StaffTicketService.Filter(null, category, null, page, PAGE_SIZE));
  }

  public void filter() {
    page = 0;
    load();
  }

  public void next() {
    if (hasNext()) {
      page++;
      load();
    }
  }

  public void previous() {
    if (page > 0) {
      page--;
      load();
    }
  }

  public boolean hasNext() {
    return queue != null && (long) (page + 1) * PAGE_SIZE < queue.total();
  }

  public List<CategoryCode> getCategories() {
    return Arrays.asList(CategoryCode.values());
  }

  public QueuePage getQueue() {
    return queue;
  }

  public int getPage() {
    return page;
  }

  public CategoryCode getCategory() {
    return category;
  }

  public void setCategory(CategoryCode category) {
    this.category = category;
  }
}
