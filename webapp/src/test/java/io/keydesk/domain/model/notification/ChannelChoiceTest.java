package io.keydesk.domain.model.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keydesk.domain.model.order.Contact;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChannelChoiceTest {
  private static final Contact MAIL = new Contact("ann@example.com");
  private static final Contact PHONE = new Contact("+8613800138000");
  private static final Map<String, String> PARAMS =
      Map.of("ticketNo", "T-1", "status", "IN_REVIEW", "summary", "checked");

  @Test
  void byDefaultTheContactsOwnChannelAndTheInbox() {
    List<Notice> notices =
        ChannelChoice.defaults(MAIL, PHONE).notices(Template.TICKET_UPDATED, "en", PARAMS);
    assertEquals(1, notices.size());
    assertEquals(MAIL, notices.get(0).to());
    assertEquals(Set.of(Channel.EMAIL, Channel.INBOX), notices.get(0).channels());
  }

  @Test
  void emailOffLeavesTheInboxOnly() {
    List<Notice> notices =
        new ChannelChoice(MAIL, false, false, null).notices(Template.TICKET_UPDATED, "en", PARAMS);
    assertEquals(1, notices.size());
    assertEquals(Set.of(Channel.INBOX), notices.get(0).channels());
  }

  @Test
  void smsGoesToTheOrdersPhoneWhenChosen() {
    List<Notice> notices =
        new ChannelChoice(MAIL, false, true, PHONE)
            .notices(
                Template.TICKET_RESOLVED,
                "zh-CN",
                Map.of("ticketNo", "T-1", "resolution", "REFUNDED"));
    assertEquals(2, notices.size());
    assertEquals(Set.of(Channel.INBOX), notices.get(0).channels());
    assertEquals(PHONE, notices.get(1).to());
    assertEquals(Set.of(Channel.SMS), notices.get(1).channels());
  }

  @Test
  void aChannelWithoutAnAddressCannotBeChosen() {
    assertThrows(IllegalArgumentException.class, () -> new ChannelChoice(MAIL, true, true, null));
    assertThrows(IllegalArgumentException.class, () -> new ChannelChoice(PHONE, true, true, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ChannelChoice(MAIL, true, false, new Contact("bob@example.com")));
  }

  @Test
  void aTemplateThatNeverGoesToTheInboxStillReachesTheContact() {
    List<Notice> notices =
        new ChannelChoice(MAIL, false, false, null)
            .notices(
                Template.ONE_TIME_CODE,
                "en",
                Map.of("code", "123456", "minutesValid", "10", "orderNo", "O-1"));
    assertEquals(Set.of(Channel.EMAIL), notices.get(0).channels());
  }
}
