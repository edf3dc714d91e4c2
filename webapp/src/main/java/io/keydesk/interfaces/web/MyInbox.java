package io.keydesk.interfaces.web;

import io.keydesk.application.BuyerInboxService;
import io.keydesk.application.Views.InboxMessageView;
import io.keydesk.domain.shared.NotFoundException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The in-site inbox page: the buyer's messages newest first; opening one marks it read. */
@Named
@ViewScoped
public class MyInbox implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject BuyerSession session;
  @Inject BuyerInboxService service;
  @Inject InboxBadge badge;

  private List<InboxMessageView> messages = List.of();
  private long unread;

  /** Loaded by the page's view action. */
  public void load() {
    session.requireOrRedirect().ifPresent(this::refresh);
  }

  /** Marks one message read. */
  public void markRead(long id) {
    session
        .requireOrRedirect()
        .ifPresent(
            buyer -> {
              try {
                service.markRead(buyer, id);
              } catch (NotFoundException e) {
                Pages.error(null, "inbox.notFound");
              }
              refresh(buyer);
            });
  }

  /** Marks every unread message read. */
  public void markAllRead() {
    session
        .requireOrRedirect()
        .ifPresent(
            buyer -> {
              messages.stream()
                  .filter(m -> !m.read())
                  .forEach(m -> service.markRead(buyer, m.id()));
              refresh(buyer);
            });
  }

  private void refresh(io.keydesk.application.AccessTokens.BuyerIdentity buyer) {
    var view = service.inbox(buyer);
    messages = view.messages();
    unread = view.unread();
    badge.refresh();
  }

  public List<InboxMessageView> getMessages() {
    return messages;
  }

  public long getUnread() {
    return unread;
  }
}
