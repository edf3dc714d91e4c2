package io.keydesk.domain.model.knowledge;

import java.util.Optional;

/** The two languages every article is written in. */
public enum Language {
  ZH_CN("zh-CN"),
  EN("en");

  private final String tag;

  Language(String tag) {
    this.tag = tag;
  }

  /** The BCP 47 tag used on the API: {@code zh-CN} or {@code en}. */
  public String tag() {
    return tag;
  }

  public Language other() {
    return this == ZH_CN ? EN : ZH_CN;
  }

  /** The language of an exact tag ({@code zh-CN} or {@code en}); empty for anything else. */
  public static Optional<Language> ofTag(String tag) {
    for (Language l : values()) {
      if (l.tag.equals(tag)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }
}
