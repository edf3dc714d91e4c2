package io.keydesk.interfaces.web;

import io.keydesk.application.BuyerAccessService;
import io.keydesk.application.TooManyRequestsException;
import io.keydesk.interfaces.rest.ClientAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** The portal's start: order number + contact, or a magic link, open the buyer's session. */
@Named
@RequestScoped
public class FindOrder {
  private static final String MAGIC_PREFIX = "kdm_";

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
   * The view action of the start page: a link that is not one of ours (the redirect of a malformed
   * one) gets its message at once. A real link is never used up by loading the page: mail scanners
   * and link previews fetch links before the buyer clicks, so the page offers a button ({@link
   * #openMagicLink}) and only the buyer's press, a POST, uses the link.
   */
  public void checkMagicLink() {
    if (magic != null && !magic.isEmpty() && !magic.startsWith(MAGIC_PREFIX)) {
      Pages.error(null, "magic.invalid");
    }
  }

  /** Whether the page offers to open the orders with a magic link (on the GET and its POST). */
  public boolean isMagicOffered() {
    Map<String, String> params =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
    String token = params.getOrDefault("magic", params.get("magicForm:token"));
    return token != null && token.startsWith(MAGIC_PREFIX);
  }

  /**
   * The buyer pressed "Open my orders": the magic link opens the session and goes straight to the
   * orders; an unknown, used or expired link (one message for all three) leaves the buyer on the
   * form.
   */
  public String openMagicLink() {
    if (magic == null || magic.isEmpty()) {
      return null;
    }
    try {
      return access
          .openWithMagicLink(magic, clientAddress.of(Pages.request()))
          .map(
              s -> {
                session.start(s.token());
                return "/orders.xhtml?faces-redirect=true";
              })
          .orElseGet(
              () -> {
                Pages.error(null, "magic.invalid");
                return null;
              });
    } catch (TooManyRequestsException e) {
      Pages.error(null, "find.limited");
      return null;
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
