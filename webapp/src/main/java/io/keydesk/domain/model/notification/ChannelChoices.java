package io.keydesk.domain.model.notification;

import io.keydesk.domain.model.order.Contact;
import java.time.Instant;
import java.util.Optional;

/** The stored channel choices, one per contact. */
public interface ChannelChoices {
  /** The choice made for this contact; empty when the buyer never chose. */
  Optional<ChannelChoice> find(Contact contact);

  /** Stores (or replaces) the choice of its contact. */
  void store(ChannelChoice choice, Instant now);
}
