package io.keydesk.domain.model.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.domain.model.order.Contact;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NoticeTest {
  private static final Contact EMAIL = new Contact("alice@example.com");
  private static final Contact PHONE = new Contact("13800138000");
  private static final Map<String, String> CODE =
      Map.of("code", "493021", "minutesValid", "10", "orderNo", "DEMO-1001");
  private static final Map<String, String> UPDATE =
      Map.of("ticketNo", "KD-261120-ABCD2345", "status", "IN_REVIEW", "summary", "checking");

  @Test
  void theContactChoosesTheChannelAndTheInboxComesWithIt() {
    assertEquals(
        Set.of(Channel.EMAIL, Channel.INBOX),
        Notice.to(EMAIL, Template.TICKET_UPDATED, "en", UPDATE).channels());
    assertEquals(
        Set.of(Channel.SMS, Channel.INBOX),
        Notice.to(PHONE, Template.TICKET_UPDATED, "zh-CN", UPDATE).channels());
  }

  @Test
  void aOneTimeCodeNeverGoesToTheInbox() {
    assertEquals(
        Set.of(Channel.EMAIL), Notice.to(EMAIL, Template.ONE_TIME_CODE, "en", CODE).channels());
    assertThrows(
        IllegalArgumentException.class,
        () -> new Notice(EMAIL, Template.ONE_TIME_CODE, "en", CODE, Set.of(Channel.INBOX)));
  }

  @Test
  void channelsMustFitTheContact() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Notice(PHONE, Template.TICKET_UPDATED, "en", UPDATE, Set.of(Channel.EMAIL)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Notice(EMAIL, Template.TICKET_UPDATED, "en", UPDATE, Set.of(Channel.SMS)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Notice(EMAIL, Template.TICKET_UPDATED, "en", UPDATE, Set.of()));
  }

  @Test
  void parametersAreCheckedAgainstTheTemplate() {
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Notice.to(
                    EMAIL, Template.ONE_TIME_CODE, "en", Map.of("code", "1234", "orderNo", "A")));
    assertTrue(missing.getMessage().contains("minutesValid"), missing.getMessage());
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Notice.to(EMAIL, Template.DELIVERY_RESEND, "en", Map.of("orderNo", "A", "x", "y")));
    assertTrue(unknown.getMessage().contains("unknown parameter x"), unknown.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Notice.to(
                EMAIL,
                Template.TICKET_UPDATED,
                "en",
                Map.of("ticketNo", "KD-1", "status", "DONE", "summary", "s")));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Notice.to(
                EMAIL,
                Template.ONE_TIME_CODE,
                "en",
                Map.of("code", "12 34", "minutesValid", "10", "orderNo", "A")));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Notice.to(
                EMAIL,
                Template.ONE_TIME_CODE,
                "en",
                Map.of("code", "1234", "minutesValid", "0", "orderNo", "A")));
    assertThrows(
        IllegalArgumentException.class,
        () -> Notice.to(EMAIL, Template.TICKET_UPDATED, "fr", UPDATE));
  }

  @Test
  void secretParametersAreKeptApartAndNeverPrinted() {
    Notice notice = Notice.to(EMAIL, Template.ONE_TIME_CODE, "zh-CN", CODE);
    assertEquals(Map.of("code", "493021"), notice.secretParams());
    assertEquals(Map.of("minutesValid", "10", "orderNo", "DEMO-1001"), notice.publicParams());
    assertFalse(notice.toString().contains("493021"), notice.toString());
    assertFalse(notice.toString().contains("alice@"), notice.toString());
    assertTrue(notice.toString().contains("code=***"));
  }

  @Test
  void onlyAOneTimeCodeRunsOut() {
    assertEquals(Optional.of(Duration.ofMinutes(10)), Template.ONE_TIME_CODE.validFor(CODE));
    assertEquals(Optional.empty(), Template.TICKET_UPDATED.validFor(UPDATE));
  }

  @Test
  void theParametersCannotBeChangedAfterwards() {
    Notice notice = Notice.to(EMAIL, Template.TICKET_UPDATED, "en", UPDATE);
    assertThrows(UnsupportedOperationException.class, () -> notice.params().put("summary", "x"));
  }
}
