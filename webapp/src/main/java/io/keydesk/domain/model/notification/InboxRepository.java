package io.keydesk.domain.model.notification;

import io.keydesk.domain.model.order.Contact;
import java.util.List;
import java.util.Optional;

public interface InboxRepository {
  /** The newest {@code limit} messages of a contact, newest first. */
  List<InboxMessage> ofContact(Contact contact, int limit);

  long unreadCount(Contact contact);

  Optional<InboxMessage> find(long id);

  Optional<InboxMessage> findByEventId(String eventId);

  InboxMessage store(InboxMessage message);
}
