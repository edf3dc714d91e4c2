package io.keydesk.domain.model.notification;

import static io.keydesk.domain.shared.Checks.notNull;

import io.keydesk.domain.model.order.Contact;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The channels a buyer chose for news about their cases, per contact: e-mail, SMS (when a phone is
 * known), and the in-site inbox, which is always on. {@code other} is the order's other contact
 * (the phone of a buyer who proved an e-mail address, or the reverse).
 *
 * @param contact the contact the buyer proved; their inbox is kept under it
 * @param email whether news goes by e-mail (to the contact or to {@code other}, whichever is one)
 * @param sms whether news goes by SMS (likewise)
 * @param other the order's other contact, or null when the order has only one
 */
public record ChannelChoice(Contact contact, boolean email, boolean sms, Contact other) {
  public ChannelChoice {
    notNull(contact, "contact");
    if (other != null && other.isEmail() == contact.isEmail()) {
      throw new IllegalArgumentException("the other contact must be of the other kind");
    }
    if (email && emailOf(contact, other).isEmpty()) {
      throw new IllegalArgumentException("no e-mail address is known");
    }
    if (sms && phoneOf(contact, other).isEmpty()) {
      throw new IllegalArgumentException("no phone number is known");
    }
  }

  /** What a buyer gets before choosing: their contact's own channel, and the inbox. */
  public static ChannelChoice defaults(Contact contact, Contact other) {
    return new ChannelChoice(contact, contact.isEmail(), !contact.isEmail(), other);
  }

  public Optional<Contact> emailAddress() {
    return emailOf(contact, other);
  }

  public Optional<Contact> phone() {
    return phoneOf(contact, other);
  }

  /**
   * The notices to send for news of a case under this choice: the inbox (and the contact's own
   * channel when chosen) to the contact, and the other contact's channel when chosen. A template
   * that never goes to the inbox falls back to the contact's own channel, so nothing is dropped.
   */
  public List<Notice> notices(Template template, String language, Map<String, String> params) {
    List<Notice> notices = new ArrayList<>();
    Set<Channel> own = EnumSet.noneOf(Channel.class);
    if (template.allowsInbox()) {
      own.add(Channel.INBOX);
    }
    if (contact.isEmail() ? email : sms) {
      own.add(contact.isEmail() ? Channel.EMAIL : Channel.SMS);
    }
    if (own.isEmpty()) {
      return List.of(Notice.to(contact, template, language, params));
    }
    notices.add(new Notice(contact, template, language, params, own));
    if (other != null && (other.isEmail() ? email : sms)) {
      Channel channel = other.isEmail() ? Channel.EMAIL : Channel.SMS;
      notices.add(new Notice(other, template, language, params, Set.of(channel)));
    }
    return notices;
  }

  private static Optional<Contact> emailOf(Contact contact, Contact other) {
    return contact.isEmail() ? Optional.of(contact) : Optional.ofNullable(other);
  }

  private static Optional<Contact> phoneOf(Contact contact, Contact other) {
    return !contact.isEmail() ? Optional.of(contact) : Optional.ofNullable(other);
  }

  @Override
  public String toString() {
    return "ChannelChoice[" + contact + " email=" + email + " sms=" + sms + "]";
  }
}
