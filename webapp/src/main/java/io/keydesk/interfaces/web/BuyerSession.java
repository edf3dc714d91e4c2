package io.keydesk.interfaces.web;

import io.keydesk.application.AccessTokens.BuyerIdentity;
import io.keydesk.application.BuyerAccessService;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;

/**
 * The buyer's session token in the portal. The token is checked on every use, so an expired session
 * sends the buyer back to "find your order".
 */
@Named
@SessionScoped
public class BuyerSession implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject BuyerAccessService access;

  private String token;

  void start(String newToken) {
    Pages.request().changeSessionId();
    this.token = newToken;
  }

  Optional<BuyerIdentity> identity() {
    return token == null ? Optional.empty() : access.identify(token);
  }

  /** The buyer, or a redirect to the start page. */
  Optional<BuyerIdentity> requireOrRedirect() {
    Optional<BuyerIdentity> buyer = identity();
    if (buyer.isEmpty()) {
      Pages.redirect("/index.xhtml");
    }
    return buyer;
  }

  public boolean isSignedIn() {
    return token != null;
  }

  public String signOut() {
    token = null;
    Pages.request().getSession().invalidate();
    return "/index.xhtml?faces-redirect=true";
  }
}
