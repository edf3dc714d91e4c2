package io.keydesk.domain.model.notification;

import static io.keydesk.domain.shared.Checks.notNull;

import io.keydesk.domain.model.order.Contact;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One thing to tell one buyer: a template in the buyer's language with its parameters, on one or
 * more channels. E-mail needs an e-mail contact and SMS a phone contact; {@link #to} picks the
 * channels that fit the contact.
 *
 * @param language {@code zh-CN} or {@code en}
 */
public record Notice(
    Contact to,
    Template template,
    String language,
    Map<String, String> params,
    Set<Channel> channels) {
  public static final Set<String> LANGUAGES = Set.of("zh-CN", "en");

  public Notice {
    notNull(to, "contact");
    notNull(template, "template");
    if (!LANGUAGES.contains(language)) {
      throw new IllegalArgumentException("language must be zh-CN or en");
    }
    notNull(params, "params");
    template.check(params);
    params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    if (channels == null || channels.isEmpty()) {
      throw new IllegalArgumentException("at least one channel is required");
    }
    channels = Set.copyOf(channels);
    if (channels.contains(Channel.EMAIL) && !to.isEmail()) {
      throw new IllegalArgumentException("EMAIL needs an e-mail contact");
    }
    if (channels.contains(Channel.SMS) && to.isEmail()) {
      throw new IllegalArgumentException("SMS needs a phone contact");
    }
    if (channels.contains(Channel.INBOX) && !template.allowsInbox()) {
      throw new IllegalArgumentException(template + " never goes to the inbox");
    }
  }

  /**
   * A notice on the channels that fit the contact: EMAIL for an e-mail address, SMS for a phone
   * number, and INBOX too when the template allows it.
   */
  public static Notice to(
      Contact to, Template template, String language, Map<String, String> params) {
    notNull(to, "contact");
    notNull(template, "template");
    Set<Channel> channels = EnumSet.of(to.isEmail() ? Channel.EMAIL : Channel.SMS);
    if (template.allowsInbox()) {
      channels.add(Channel.INBOX);
    }
    return new Notice(to, template, language, params, channels);
  }

  /** The parameters that may be stored in clear. */
  public Map<String, String> publicParams() {
    Map<String, String> open = new LinkedHashMap<>(params);
    open.keySet().removeAll(template.secret());
    return open;
  }

  /** The secret parameters (empty for most templates). */
  public Map<String, String> secretParams() {
    Map<String, String> secret = new LinkedHashMap<>(params);
    secret.keySet().retainAll(template.secret());
    return secret;
  }

  /** Masks the contact and every secret parameter: notices may be logged. */
  @Override
  public String toString() {
    String shown =
        params.entrySet().stream()
            .map(
                e ->
                    e.getKey()
                        + "="
                        + (template.secret().contains(e.getKey()) ? "***" : e.getValue()))
            .collect(Collectors.joining(", ", "{", "}"));
    return "Notice["
        + template
        + " to "
        + to.masked()
        + " ("
        + language
        + ") "
        + channels
        + " "
        + shown
        + "]";
  }
}
