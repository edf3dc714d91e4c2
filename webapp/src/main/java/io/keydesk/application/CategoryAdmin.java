package io.keydesk.application;

import io.keydesk.application.AccessTokens.StaffIdentity;
import io.keydesk.domain.model.category.Category;
import io.keydesk.domain.model.category.CategoryCode;
import io.keydesk.domain.model.category.CategoryRepository;
import io.keydesk.domain.model.ticket.Actor;
import io.keydesk.domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The categories' published targets, as admins change them. The stored targets are the only source
 * of ticket deadlines and of the rules page, so a change applies to tickets opened after it; open
 * tickets keep the deadlines they were given.
 */
@ApplicationScoped
public class CategoryAdmin {
  @Inject CategoryRepository categories;
  @Inject Audit audit;
  @Inject Clock clock;

  /** New targets for a category, in minutes. */
  @Schema(name = "TargetChange")
  public record TargetChange(
      @NotNull Integer responseMinutes, @NotNull Integer resolutionMinutes) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<PublishedRules.Rule> all() {
    return categories.all().stream().map(PublishedRules::rule).toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public PublishedRules.Rule one(String code) {
    return PublishedRules.rule(load(code));
  }

  /** Publishes new targets (audited); answers the category as it now is. */
  @Transactional
  public PublishedRules.Rule changeTargets(
      StaffIdentity staff, String code, @NotNull @Valid TargetChange change) {
    Category category = load(code);
    long fromResponse = category.responseTarget().toMinutes();
    long fromResolution = category.resolutionTarget().toMinutes();
    try {
      category.changeTargets(change.responseMinutes(), change.resolutionMinutes());
    } catch (Category.InvalidTargetException e) {
      throw new InvalidFieldException(e.field(), e.reason());
    }
    if (fromResponse == change.responseMinutes() && fromResolution == change.resolutionMinutes()) {
      return PublishedRules.rule(category);
    }
    categories.store(category);
    Instant now = clock.instant();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("responseFrom", fromResponse);
    details.put("responseTo", change.responseMinutes());
    details.put("resolutionFrom", fromResolution);
    details.put("resolutionTo", change.resolutionMinutes());
    audit.record(
        Actor.staff(staff.username()),
        "category.targets-changed",
        "category",
        category.code().name(),
        details,
        now);
    return PublishedRules.rule(category);
  }

  private Category load(String code) {
    CategoryCode parsed =
        Arrays.stream(CategoryCode.values())
            .filter(c -> c.name().equals(code))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("category " + code));
    return categories.find(parsed).orElseThrow(() -> new NotFoundException("category " + code));
  }
}
