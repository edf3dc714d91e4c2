package io.keydesk.infrastructure.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.domain.model.notification.Template;
import io.keydesk.domain.model.ticket.Resolution;
import io.keydesk.domain.model.ticket.TicketStatus;
import io.keydesk.infrastructure.notification.NoticeTexts.KeyText;
import io.keydesk.infrastructure.notification.NoticeTexts.Rendered;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every template renders in both languages, from texts that exist, with every value in place. */
class NoticeTextsTest {
  private static final List<String> LANGUAGES = List.of("en", "zh-CN");
  private final NoticeTexts texts = new NoticeTexts("https://help.shop.example/");

  static Stream<Arguments> everyTemplateInEveryLanguage() {
    List<Arguments> all = new ArrayList<>();
    for (Template t : Template.values()) {
      for (String language : LANGUAGES) {
        all.add(Arguments.of(t, language));
      }
    }
    return all.stream();
  }

  /** Values that show up verbatim in the texts; statuses and resolutions show as labels. */
  private static final String MAGIC = "kdm_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

  @ParameterizedTest
  @ValueSource(strings = {"en", "zh-CN"})
  void theDeliveryCarriesAMagicLinkIntoThePortalButTheInboxDoesNot(String language) {
    Rendered r =
        texts.render(
            Template.DELIVERY_RESEND,
            language,
            sample(Template.DELIVERY_RESEND),
            keys(Template.DELIVERY_RESEND));
    String link = "https://help.shop.example/m/" + MAGIC;
    assertTrue(r.text().contains(link), r.text());
    assertTrue(r.html().contains("<a href=\"" + link + "\">" + link + "</a>"), r.html());
    assertTrue(r.sms().contains(link), r.sms());
    assertFalse(r.inboxBody().contains(MAGIC), "the inbox never holds a sign-in link");
  }

  /** Every status a case can reach and every resolution, in both languages: each change is told. */
  static Stream<Arguments> everyChangeInEveryLanguage() {
    Stream<Arguments> statuses =
        Arrays.stream(TicketStatus.values())
            .flatMap(s -> Stream.of("en", "zh-CN").map(l -> Arguments.of("status", s.name(), l)));
    Stream<Arguments> resolutions =
        Arrays.stream(Resolution.values())
            .flatMap(
                r -> Stream.of("en", "zh-CN").map(l -> Arguments.of("resolution", r.name(), l)));
    return Stream.concat(statuses, resolutions);
  }

  @ParameterizedTest
  @MethodSource("everyChangeInEveryLanguage")
  void everyChangeOfACaseIsToldInTheBuyersLanguage(String kind, String value, String language) {
    Template template = kind.equals("status") ? Template.TICKET_UPDATED : Template.TICKET_RESOLVED;
    Map<String, String> params = new LinkedHashMap<>(sample(template));
    params.put(kind, value);
    Rendered r = texts.render(template, language, params, List.of());
    String label = NoticeTexts.bundle(language).getString(kind + "." + value);
    assertTrue(r.subject().contains(label) || r.text().contains(label), r.text());
    assertTrue(r.inboxBody().contains(label) || r.inboxTitle().contains(label), r.inboxBody());
    assertTrue(r.sms().contains("KD-261120-ABCD2345"), r.sms());
  }

  private static Map<String, String> sample(Template template) {
    Map<String, String> p = new LinkedHashMap<>();
    switch (template) {
      case ONE_TIME_CODE -> {
        p.put("code", "493021");
        p.put("minutesValid", "10");
        p.put("orderNo", "SHOP-20261120-77");
      }
      case DELIVERY_RESEND -> {
        p.put("orderNo", "SHOP-20261120-77");
        p.put("magicToken", MAGIC);
      }
      case TICKET_UPDATED -> {
        p.put("ticketNo", "KD-261120-ABCD2345");
        p.put("status", "AWAITING_BUYER");
        p.put("summary", "Please send a screenshot of the error.");
      }
      case TICKET_RESOLVED -> {
        p.put("ticketNo", "KD-261120-ABCD2345");
        p.put("resolution", "REFUNDED");
        p.put("note", "The refund takes 1-3 days.");
      }
      case PRODUCT_ALERT -> {
        p.put("orderNo", "SO-20261120-0042");
        p.put("product", "Steam wallet 100 (STEAM-100)");
      }
    }
    template.check(p);
    return p;
  }

  private static List<KeyText> keys(Template template) {
    return template == Template.DELIVERY_RESEND
        ? List.of(new KeyText(0, "AAAA-BBBB-CCCC", null), new KeyText(1, "DDDD-EEEE", "PIN-42"))
        : List.of();
  }

  @ParameterizedTest
  @MethodSource("everyTemplateInEveryLanguage")
  void everyTextTheTemplateNeedsExists(Template template, String language) {
    ResourceBundle bundle = NoticeTexts.bundle(language);
    List<String> missing =
        NoticeTexts.keysOf(template).stream()
            .filter(k -> !bundle.containsKey(k) || bundle.getString(k).isBlank())
            .toList();
    assertEquals(List.of(), missing, "missing in " + language);
  }

  @ParameterizedTest
  @MethodSource("everyTemplateInEveryLanguage")
  void everyTemplateRendersWithAllItsValues(Template template, String language) {
    Map<String, String> params = sample(template);
    Rendered r = texts.render(template, language, params, keys(template));

    for (String part : new String[] {r.subject(), r.text(), r.html(), r.sms()}) {
      assertFalse(part.isBlank());
      assertFalse(part.matches("(?s).*\\{\\d+}.*"), "a placeholder was left: " + part);
    }
    for (Map.Entry<String, String> p : params.entrySet()) {
      String shown = shown(language, p.getKey(), p.getValue());
      assertTrue(r.text().contains(shown), p.getKey() + " missing from the text: " + r.text());
      assertTrue(r.html().contains(NoticeTexts.escape(shown)), p.getKey() + " missing from HTML");
    }
    if (template.required().contains("orderNo") || template.required().contains("ticketNo")) {
      String no = params.getOrDefault("orderNo", params.get("ticketNo"));
      assertTrue(r.subject().contains(no), "the subject names the order or case: " + r.subject());
      assertTrue(r.sms().contains(no), "the SMS names the order or case: " + r.sms());
    }
    assertTrue(r.html().startsWith("<!DOCTYPE html>\n<html lang=\"" + language + "\">"));
    assertTrue(r.html().contains("<title>" + NoticeTexts.escape(r.subject()) + "</title>"));
    boolean chinese = r.subject().codePoints().anyMatch(c -> c >= 0x4e00 && c <= 0x9fff);
    assertEquals(language.equals("zh-CN"), chinese, "subject in the buyer's language");
  }

  private static String shown(String language, String param, String value) {
    ResourceBundle bundle = NoticeTexts.bundle(language);
    return switch (param) {
      case "status" -> bundle.getString("status." + value);
      case "resolution" -> bundle.getString("resolution." + value);
      default -> value;
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "zh-CN"})
  void aCaseUpdateLinksToTheCaseInThePortal(String language) {
    Rendered r =
        texts.render(Template.TICKET_UPDATED, language, sample(Template.TICKET_UPDATED), List.of());
    String link = "https://help.shop.example/ticket.xhtml?no=KD-261120-ABCD2345";
    assertTrue(r.text().contains(link), r.text());
    assertTrue(r.html().contains("<a href=\"" + link + "\">" + link + "</a>"), r.html());
    assertTrue(r.sms().contains(link), r.sms());
    assertFalse(r.inboxBody().contains(link), "the inbox is in the portal already");
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "zh-CN"})
  void aProductAlertSaysWhatHappenedAndLinksToThePortalToReport(String language) {
    Rendered r =
        texts.render(Template.PRODUCT_ALERT, language, sample(Template.PRODUCT_ALERT), List.of());
    String portal = "https://help.shop.example/";
    assertTrue(r.text().contains("SO-20261120-0042"), r.text());
    assertTrue(r.text().contains("Steam wallet 100 (STEAM-100)"), r.text());
    assertTrue(r.text().contains(portal), r.text());
    assertTrue(r.html().contains("<a href=\"" + portal + "\">"), r.html());
    assertTrue(r.sms().contains(portal), r.sms());
    assertTrue(r.subject().contains("SO-20261120-0042"), r.subject());
    assertFalse(r.text().contains("ticket.xhtml"), "there is no case to follow yet");
    assertTrue(r.inboxBody().contains("STEAM-100"), r.inboxBody());
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "zh-CN"})
  void resentKeysAreInTheMailButNeverInTheInbox(String language) {
    Rendered r =
        texts.render(
            Template.DELIVERY_RESEND,
            language,
            sample(Template.DELIVERY_RESEND),
            keys(Template.DELIVERY_RESEND));
    for (String code : List.of("AAAA-BBBB-CCCC", "DDDD-EEEE", "PIN-42")) {
      assertTrue(r.text().contains(code));
      assertTrue(r.html().contains(code));
      assertTrue(r.sms().contains(code));
      assertFalse(r.inboxBody().contains(code));
    }
    assertFalse(r.toString().contains("AAAA"), "rendered texts do not print themselves");
    assertFalse(keys(Template.DELIVERY_RESEND).toString().contains("AAAA"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "zh-CN"})
  void aOneTimeCodeHasNoInboxText(String language) {
    Rendered r =
        texts.render(Template.ONE_TIME_CODE, language, sample(Template.ONE_TIME_CODE), List.of());
    assertNull(r.inboxBody());
    assertTrue(r.sms().contains("493021"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "zh-CN"})
  void textFromPeopleIsEscapedInHtmlAndAnOmittedNoteLeavesNoLine(String language) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("ticketNo", "KD-261120-ABCD2345");
    params.put("status", "IN_REVIEW");
    params.put("summary", "<script>alert(1)</script> & \"quotes\"");
    Rendered r = texts.render(Template.TICKET_UPDATED, language, params, List.of());
    assertFalse(r.html().contains("<script>"));
    assertTrue(r.html().contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"));
    assertTrue(r.text().contains("<script>alert(1)</script>"), "plain text stays as written");

    Map<String, String> noNote = new LinkedHashMap<>();
    noNote.put("ticketNo", "KD-261120-ABCD2345");
    noNote.put("resolution", "ANSWERED");
    Rendered resolved = texts.render(Template.TICKET_RESOLVED, language, noNote, List.of());
    String noteLabel =
        NoticeTexts.bundle(language).getString("notice.param.note").replace("{0}", "").strip();
    assertFalse(resolved.text().contains(noteLabel), resolved.text());
    assertNotNull(resolved.inboxBody());
  }
}
