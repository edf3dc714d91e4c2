package io.keydesk.application;

import io.keydesk.application.AccessTokens.BuyerIdentity;
import io.keydesk.domain.model.notification.ChannelChoice;
import io.keydesk.domain.model.notification.ChannelChoices;
import io.keydesk.domain.model.notification.Template;
import io.keydesk.domain.model.order.Contact;
import io.keydesk.domain.model.order.Order;
import io.keydesk.domain.model.order.OrderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The channels a buyer chose for news about their cases (e-mail, SMS when a phone is known, the
 * in-site inbox always), and sending that news accordingly. One-time codes and a delivery the buyer
 * asked for do not go through here: they always go to the contact itself.
 */
@ApplicationScoped
public class BuyerPreferences {
  @Inject ChannelChoices choices;
  @Inject OrderRepository orders;
  @Inject Notifications notifications;
  @Inject Clock clock;

  /**
   * The buyer's choice. {@code emailAddress} and {@code phone} are masked, null when unknown: a
   * channel without an address cannot be switched on.
   */
  public record PreferencesView(
      boolean email, boolean sms, boolean inbox, String emailAddress, String phone) {
    static PreferencesView of(ChannelChoice c) {
      return new PreferencesView(
          c.email(),
          c.sms(),
          true,
          c.emailAddress().map(Contact::masked).orElse(null),
          c.phone().map(Contact::masked).orElse(null));
    }
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public PreferencesView get(BuyerIdentity buyer) {
    return PreferencesView.of(current(buyer));
  }

  /**
   * Changes the choice; a null value keeps the current one.
   *
   * @throws InvalidFieldException naming {@code email} or {@code sms} when it is switched on but no
   *     address of that kind is known
   */
  @Transactional
  public PreferencesView update(BuyerIdentity buyer, Boolean email, Boolean sms) {
    ChannelChoice now = current(buyer);
    boolean wantEmail = email == null ? now.email() : email;
    boolean wantSms = sms == null ? now.sms() : sms;
    if (wantEmail && now.emailAddress().isEmpty()) {
      throw new InvalidFieldException("email", "no e-mail address is known for your order");
    }
    if (wantSms && now.phone().isEmpty()) {
      throw new InvalidFieldException("sms", "no phone number is known for your order");
    }
    ChannelChoice chosen = new ChannelChoice(buyer.contact(), wantEmail, wantSms, now.other());
    choices.store(chosen, clock.instant());
    return PreferencesView.of(chosen);
  }

  /**
   * Records news about a case for the buyer of that contact, on the channels they chose (the
   * contact's own channel and the inbox when they never chose). Call inside the transaction of the
   * change.
   */
  public void send(
      Contact contact, Template template, String language, Map<String, String> params) {
    ChannelChoice choice =
        choices.find(contact).orElseGet(() -> ChannelChoice.defaults(contact, null));
    choice.notices(template, language, params).forEach(notifications::send);
  }

  /** The stored choice, with the other contact of the session's order when it knows one. */
  private ChannelChoice current(BuyerIdentity buyer) {
    Contact contact = buyer.contact();
    Contact other =
        orders.find(buyer.orderNo()).flatMap(o -> otherContact(o, contact)).orElse(null);
    Optional<ChannelChoice> stored = choices.find(contact);
    if (stored.isEmpty()) {
      return ChannelChoice.defaults(contact, other);
    }
    ChannelChoice c = stored.get();
    Contact known = other != null ? other : c.other();
    return new ChannelChoice(contact, c.email(), c.sms(), known);
  }

  private static Optional<Contact> otherContact(Order order, Contact contact) {
    Optional<String> raw = contact.isEmail() ? order.buyerPhone() : order.buyerEmail();
    return raw.flatMap(Contact::parse).filter(c -> c.isEmail() != contact.isEmail());
  }
}
