package io.keydesk.interfaces.web;

import io.keydesk.application.PublishedRules;
import io.keydesk.application.PublishedRules.Rule;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The public rules page: targets and what happens automatically, per category. */
@Named("rules")
@RequestScoped
public class RulesPage {
  @Inject PublishedRules published;
  @Inject Language language;

  private List<Rule> rules = List.of();

  @PostConstruct
  void load() {
    rules = published.rules();
  }

  public List<Rule> getRules() {
    return rules;
  }

  /** The category's name in the page language. */
  public String name(Rule rule) {
    return language.isChinese() ? rule.nameZh() : rule.nameEn();
  }

  /** A target as the buyer reads it: "30 min", "4 h", "2 d" (or 分钟 / 小时 / 天). */
  public String target(long minutes) {
    if (minutes % 1440 == 0) {
      return Pages.text("duration.days", minutes / 1440);
    }
    if (minutes % 60 == 0) {
      return Pages.text("duration.hours", minutes / 60);
    }
    return Pages.text("duration.minutes", minutes);
  }
}
