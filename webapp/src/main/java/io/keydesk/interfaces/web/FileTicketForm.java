package io.keydesk.interfaces.web;

import io.keydesk.application.BuyerTicketService;
import io.keydesk.application.FileTicket;
import io.keydesk.application.Views.OrderView;
import io.keydesk.domain.model.category.CategoryCode;
import io.keydesk.domain.shared.DomainException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A buyer opens a case about one order. The form carries one idempotency key for its whole life, so
 * a double click or a resubmit never opens a second case.
 */
@Named
@ViewScoped
public class FileTicketForm implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject BuyerSession session;
  @Inject BuyerTicketService service;
  @Inject Language language;

  private final String idempotencyKey = "web-" + UUID.randomUUID();
  private String orderNo;
  private OrderView order;

  @NotNull private CategoryCode category;
  private Integer keyIndex;

  @NotBlank
  @Size(max = 4000)
  private String description;

  /** View action: the order must be one of the buyer's. */
  public void load() {
    session
        .requireOrRedirect()
        .ifPresent(
            buyer ->
                order =
                    service.orders(buyer).stream()
                        .filter(o -> o.orderNo().equals(orderNo))
                        .findFirst()
                        .orElse(null));
    if (order == null && session.isSignedIn()) {
      Pages.redirect("/orders.xhtml");
    }
  }

  public String submit() {
    var buyer = session.requireOrRedirect();
    if (buyer.isEmpty()) {
      return null;
    }
    try {
      String ticketNo =
          service
              .file(
                  buyer.get(),
                  FileTicket.of(
                      orderNo,
                      category.name(),
                      description,
                      keyIndex,
                      language.isChinese() ? "zh-CN" : "en",
                      "web"),
                  idempotencyKey)
              .ticket()
              .ticketNo();
      Pages.info("file.submitted");
      return "/ticket.xhtml?faces-redirect=true&no=" + ticketNo;
    } catch (DomainException | IllegalArgumentException e) {
      Pages.error(null, "file.failed");
      return null;
    }
  }

  public List<CategoryCode> getCategories() {
    return Arrays.asList(CategoryCode.values());
  }

  public OrderView getOrder() {
    return order;
  }

  public String getOrderNo() {
    return orderNo;
  }

  public void setOrderNo(String orderNo) {
    this.orderNo = orderNo;
  }

  public CategoryCode getCategory() {
    return category;
  }

  public void setCategory(CategoryCode category) {
    this.category = category;
  }

  public Integer getKeyIndex() {
    return keyIndex;
  }

  public void setKeyIndex(Integer keyIndex) {
    this.keyIndex = keyIndex;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }
}
