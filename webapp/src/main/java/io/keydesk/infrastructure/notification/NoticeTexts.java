package io.keydesk.infrastructure.notification;

import io.keydesk.domain.model.notification.Template;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Renders a notice in the buyer's language from the message bundles ({@code
 * io/keydesk/i18n/messages_*.properties}): for every template {@code notice.<T>.subject}, {@code
 * .body} and {@code .sms}, and {@code .inbox} when it may go to the inbox; the parameters are
 * numbered in {@link Template#parameters()} order ({0}, {1}, …) and written as {@link
 * MessageFormat} patterns (a literal apostrophe is {@code ''}). Optional parameters that are given
 * add a line {@code notice.param.<name>}. Ticket statuses and resolutions are shown with their
 * labels ({@code status.*}, {@code resolution.*}). Pure: no I/O besides reading the bundles.
 */
public final class NoticeTexts {
  static final String BUNDLE = "io.keydesk.i18n.messages";

  /** One delivered key, opened for sending; lives only in memory while a notice is sent. */
  public record KeyText(int index, String code, String secret) {
    @Override
    public String toString() {
      return "KeyText[" + index + ", ***]";
    }
  }

  /** Everything one notice says, in one language. */
  public record Rendered(
      String subject, String text, String html, String sms, String inboxTitle, String inboxBody) {
    @Override
    public String toString() {
      return "Rendered[" + subject + "]";
    }
  }

  private final String publicUrl;

  /**
   * @param publicUrl the address buyers reach the portal at, for links to their cases and magic
   *     links
   */
  public NoticeTexts(String publicUrl) {
    this.publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  /** The locale of a notice language ({@code zh-CN} or {@code en}). */
  static Locale locale(String language) {
    return "zh-CN".equals(language) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
  }

  static ResourceBundle bundle(String language) {
    return ResourceBundle.getBundle(
        BUNDLE,
        locale(language),
        NoticeTexts.class.getClassLoader(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The bundle keys a template needs, in every language. */
  public static List<String> keysOf(Template template) {
    List<String> keys = new ArrayList<>();
    for (String part : List.of("subject", "body", "sms")) {
      keys.add("notice." + template + "." + part);
    }
    if (template.allowsInbox()) {
      keys.add("notice." + template + ".inbox");
    }
    template.optional().forEach(p -> keys.add("notice.param." + p));
    keys.addAll(List.of("notice.greeting", "notice.automatic", "notice.signature"));
    if (template == Template.PRODUCT_ALERT) {
      keys.add("notice.PRODUCT_ALERT.link");
    }
    if (template == Template.DELIVERY_RESEND) {
      keys.addAll(List.of("notice.key", "notice.keyWithSecret"));
    }
    return keys;
  }

  /**
   * Renders a notice.
   *
   * @param keys the opened keys of a {@link Template#DELIVERY_RESEND} for e-mail and SMS; empty
   *     otherwise (the inbox never shows keys)
   * @throws MissingResourceException when a text is missing from the bundle
   */
  public Rendered render(
      Template template, String language, Map<String, String> params, List<KeyText> keys) {
    ResourceBundle texts = bundle(language);
    Map<String, String> values = withDefaults(template, params);
    Object[] args = template.parameters().stream().map(p -> shown(texts, p, values)).toArray();
    Locale locale = locale(language);
    String subject = format(texts, "notice." + template + ".subject", locale, args);
    String body = format(texts, "notice." + template + ".body", locale, args);

    List<String> extra = new ArrayList<>();
    String link = null;
    String magicLink = null;
    for (String optional : template.optional()) {
      String value = values.get(optional);
      if (value == null || value.isBlank()) {
        continue;
      }
      if (optional.equals("link")) {
        link = value;
      } else if (optional.equals("magicToken")) {
        magicLink = magicLink(value);
      } else {
        extra.add(format(texts, "notice.param." + optional, locale, value));
      }
    }
    String magicLine =
        magicLink == null ? null : format(texts, "notice.param.magicToken", locale, magicLink);
    List<String> keyLines = keys.stream().map(k -> keyLine(texts, locale, k)).toList();

    List<String> paragraphs = new ArrayList<>();
    paragraphs.add(texts.getString("notice.greeting"));
    paragraphs.add(body);
    if (!keyLines.isEmpty()) {
      paragraphs.add(String.join("\n", keyLines));
    }
    paragraphs.addAll(extra);
    String linkKey =
        texts.containsKey("notice." + template + ".link")
            ? "notice." + template + ".link"
            : "notice.param.link";
    String linkLine = link == null ? null : format(texts, linkKey, locale, link);
    Map<String, String> links = new LinkedHashMap<>();
    if (linkLine != null) {
      paragraphs.add(linkLine);
      links.put(linkLine, link);
    }
    if (magicLine != null) {
      paragraphs.add(magicLine);
      links.put(magicLine, magicLink);
    }
    paragraphs.add(texts.getString("notice.automatic"));
    paragraphs.add(texts.getString("notice.signature"));
    String text = String.join("\n\n", paragraphs) + "\n";

    StringBuilder sms =
        new StringBuilder(format(texts, "notice." + template + ".sms", locale, args));
    keyLines.forEach(line -> sms.append('\n').append(line));
    if (magicLine != null) {
      sms.append('\n').append(magicLine);
    }

    String inboxBody = null;
    if (template.allowsInbox()) {
      List<String> inbox = new ArrayList<>();
      inbox.add(format(texts, "notice." + template + ".inbox", locale, args));
      inbox.addAll(extra);
      inboxBody = String.join("\n\n", inbox);
    }
    return new Rendered(
        subject,
        text,
        html(language, subject, paragraphs, keyLines, links),
        sms.toString(),
        subject,
        inboxBody);
  }

  private Map<String, String> withDefaults(Template template, Map<String, String> params) {
    Map<String, String> values = new LinkedHashMap<>(params);
    if (template.optional().contains("link") && !values.containsKey("link")) {
      values.put(
          "link",
          values.containsKey("ticketNo")
              ? publicUrl
                  + "/ticket.xhtml?no="
                  + URLEncoder.encode(values.get("ticketNo"), StandardCharsets.UTF_8)
              : publicUrl + "/");
    }
    return values;
  }

  /** The portal address a magic link token opens ({@code <base>/m/<token>}). */
  String magicLink(String token) {
    return publicUrl + "/m/" + token;
  }

  /** A parameter as the buyer reads it: statuses and resolutions by their label. */
  private static String shown(ResourceBundle texts, String param, Map<String, String> values) {
    String value = values.getOrDefault(param, "");
    return switch (param) {
      case "status" -> texts.getString("status." + value);
      case "resolution" -> texts.getString("resolution." + value);
      default -> value;
    };
  }

  private static String keyLine(ResourceBundle texts, Locale locale, KeyText key) {
    return key.secret() == null
        ? format(texts, "notice.key", locale, Integer.toString(key.index() + 1), key.code())
        : format(
            texts,
            "notice.keyWithSecret",
            locale,
            Integer.toString(key.index() + 1),
            key.code(),
            key.secret());
  }

  private static String format(ResourceBundle texts, String key, Locale locale, Object... args) {
    return new MessageFormat(texts.getString(key), locale).format(args);
  }

  private static String html(
      String language,
      String subject,
      List<String> paragraphs,
      List<String> keyLines,
      Map<String, String> links) {
    String keysBlock = String.join("\n", keyLines);
    StringBuilder html =
        new StringBuilder("<!DOCTYPE html>\n<html lang=\"")
            .append(language)
            .append("\">\n<head><meta charset=\"UTF-8\"><title>")
            .append(escape(subject))
            .append("</title></head>\n")
            .append(
                "<body style=\"font-family:sans-serif;font-size:15px;line-height:1.5;color:#222\">\n");
    for (String paragraph : paragraphs) {
      if (!keyLines.isEmpty() && paragraph.equals(keysBlock)) {
        html.append("<p style=\"font-family:monospace;font-size:16px\">")
            .append(escape(paragraph).replace("\n", "<br>\n"))
            .append("</p>\n");
      } else if (links.containsKey(paragraph)) {
        String link = links.get(paragraph);
        String anchor = "<a href=\"" + escape(link) + "\">" + escape(link) + "</a>";
        html.append("<p>").append(escape(paragraph).replace(escape(link), anchor)).append("</p>\n");
      } else {
        html.append("<p>").append(escape(paragraph).replace("\n", "<br>\n")).append("</p>\n");
      }
    }
    return html.append("</body>\n</html>\n").toString();
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
