package io.keydesk.application;

import io.keydesk.domain.model.category.Category;
import io.keydesk.domain.model.category.CategoryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The published after-sales rules: each category's response and resolution targets, read from the
 * same stored values the ticket deadlines are computed from.
 */
@ApplicationScoped
public class PublishedRules {
  @Inject CategoryRepository categories;

  /** One category's rule; targets in minutes. */
  public record Rule(
      String code, String nameEn, String nameZh, long responseMinutes, long resolutionMinutes) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Rule> rules() {
    return categories.all().stream().map(PublishedRules::rule).toList();
  }

  static Rule rule(Category c) {
    return new Rule(
        c.code().name(),
        c.name("en"),
        c.name("zh-CN"),
        c.responseTarget().toMinutes(),
        c.resolutionTarget().toMinutes());
  }
}
