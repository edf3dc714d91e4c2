package io.keydesk.interfaces.web;

import io.keydesk.application.BuyerInboxService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The unread count next to the inbox link in the header of every portal page. */
@Named
@RequestScoped
public class InboxBadge {
  @Inject BuyerSession session;
  @Inject BuyerInboxService inbox;

  private boolean signedIn;
  private long unread;

  @PostConstruct
  void load() {
    refresh();
  }

  /** Counts again, after messages were marked read in this request. */
  public void refresh() {
    signedIn = false;
    unread = 0;
    session
        .identity()
        .ifPresent(
            buyer -> {
              signedIn = true;
              unread = inbox.unreadCount(buyer);
            });
  }

  public boolean isSignedIn() {
    return signedIn;
  }

  public long getUnread() {
    return unread;
  }
}
