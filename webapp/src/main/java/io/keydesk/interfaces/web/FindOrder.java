package io.keydesk.interfaces.web;

import io.keydesk.application.BuyerAccessService;
import io.keydesk.application.TooManyRequestsException;
import io.keydesk.interfaces.rest.ClientAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The portal's start: order number + contact, or a magic link, open the buyer's session. */
@Named
@RequestScoped
public class FindOrder {
  @Inject BuyerAccessService access;
  @Inject BuyerSession session;
  @Inject ClientAddress clientAddress;

  @NotBlank
  @Size(max = 64)
  private String orderNo;

  /** The token of a magic link ({@code index.xhtml?magic=…}), set by the view parameter. */
  private String magic;

  @NotBlank
  @Size(max = 254)
  private String contact;

  public String find() {
    try {
      return access
          .openSession(orderNo, contact, clientAddress.of(Pages.request()))
          .map(
              s -> {
                session.start(s.token());
                return "/orders.xhtml?faces-redirect=true";
              })
          .orElseGet(
              () -> {
                Pages.error(null, "find.failed");
                return null;
              });
    } catch (TooManyRequestsException e) {
      Pages.error(null, "find.limited");
      return null;
    }
  }

  /**
   * The view action of the start page: a magic link opens the session and goes straight to the
   * orders; an unknown, used or expired link (one message for all three) leaves the buyer on the
   * form.
   */
  public void openMagicLink() {
    if (magic == null || magic.isEmpty()) {
      return;
    }
    try {
      access
          .openWithMagicLink(magic, clientAddress.of(Pages.request()))
          .ifPresentOrElse(
              s -> {
                session.start(s.token());
                Pages.redirect("/orders.xhtml");
              },
              () -> Pages.error(null, "magic.invalid"));
    } catch (TooManyRequestsException e) {
      Pages.error(null, "find.limited");
    }
  }

  public String getMagic() {
    return magic;
  }

  public void setMagic(String magic) {
    this.magic = magic;
  }

  public String getOrderNo() {
    return orderNo;
  }

  public void setOrderNo(String orderNo) {
    this.orderNo = orderNo;
  }

  public String getContact() {
    return contact;
  }

  public void setContact(String contact) {
    this.contact = contact;
  }
}
