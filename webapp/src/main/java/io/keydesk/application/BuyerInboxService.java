package io.keydesk.application;

import io.keydesk.application.AccessTokens.BuyerIdentity;
import io.keydesk.application.Views.InboxMessageView;
import io.keydesk.application.Views.InboxView;
import io.keydesk.domain.model.notification.InboxMessage;
import io.keydesk.domain.model.notification.InboxRepository;
import io.keydesk.domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * The buyer's in-site inbox: what Keydesk told them, newest first. A buyer sees only the messages
 * of the contact they proved; someone else's message is "not found" like a missing one.
 */
@ApplicationScoped
public class BuyerInboxService {
  /** How many messages one answer lists at most (the unread count covers all of them). */
  public static final int PAGE = 100;

  @Inject InboxRepository inbox;
  @Inject Clock clock;

  @Transactional(Transactional.TxType.SUPPORTS)
  public InboxView inbox(BuyerIdentity buyer) {
    return new InboxView(
        inbox.unreadCount(buyer.contact()),
        inbox.ofContact(buyer.contact(), PAGE).stream().map(Views::inboxMessage).toList());
  }

  /** How many of the buyer's messages are unread (for the badge in the portal's header). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public long unreadCount(BuyerIdentity buyer) {
    return inbox.unreadCount(buyer.contact());
  }

  /** Marks one message read; reading it again changes nothing. */
  @Transactional
  public InboxMessageView markRead(BuyerIdentity buyer, long id) {
    InboxMessage message =
        inbox
            .find(id)
            .filter(m -> m.isFor(buyer.contact()))
            .orElseThrow(() -> new NotFoundException("inbox message"));
    message.markRead(clock.instant());
    return Views.inboxMessage(message);
  }
}
