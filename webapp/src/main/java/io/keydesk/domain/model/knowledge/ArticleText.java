package io.keydesk.domain.model.knowledge;

import static io.keydesk.domain.shared.Checks.notBlank;

/** Title and body of an article in one language; both required, stripped. */
public record ArticleText(String title, String body) {
  public static final int MAX_TITLE = 200;
  public static final int MAX_BODY = 10_000;

  public ArticleText {
    title = notBlank(title, "title", MAX_TITLE).strip();
    body = notBlank(body, "body", MAX_BODY).strip();
  }
}
