package io.keydesk.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Sentences the system writes to a buyer (the note of an automatic resolution, why a case waits for
 * an agent, the reasons of a risk decision), in the buyer's language, from the same bundles as the
 * pages ({@code io/keydesk/i18n/messages_*.properties}).
 */
@ApplicationScoped
public class BuyerTexts {
  static final String BUNDLE = "io.keydesk.i18n.messages";

  /** The text of {@code key} in {@code language} ({@code zh-CN}, else English). */
  public String text(String language, String key, Object... args) {
    return of(language, key, args);
  }

  /** Like {@link #text}, for code without injection (views). */
  public static String of(String language, String key, Object... args) {
    Locale locale =
        language != null && language.startsWith("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            locale,
            BuyerTexts.class.getClassLoader(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return new MessageFormat(bundle.getString(key), locale).format(args);
  }
}
