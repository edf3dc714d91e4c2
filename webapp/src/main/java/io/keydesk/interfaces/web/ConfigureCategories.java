package io.keydesk.interfaces.web;

import io.keydesk.application.CategoryAdmin;
import io.keydesk.application.CategoryAdmin.TargetChange;
import io.keydesk.application.PublishedRules.Rule;
import io.keydesk.domain.model.staff.Role;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The categories' published targets: supervisors read them, admins change them (one category at a
 * time, the new targets apply to tickets opened from then on).
 */
@Named
@ViewScoped
public class ConfigureCategories implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject CategoryAdmin service;
  @Inject CurrentStaff staff;

  private List<Rule> categories;
  private String code;
  private Integer responseMinutes;
  private Integer resolutionMinutes;

  public void load() {
    if (ConsoleAccess.require(staff.get(), Role.SUPERVISOR, Role.ADMIN)) {
      categories = service.all();
    }
  }

  /** Puts one category's targets into the form. */
  public void edit(String categoryCode) {
    Rule rule = service.one(categoryCode);
    code = rule.code();
    responseMinutes = (int) rule.responseMinutes();
    resolutionMinutes = (int) rule.resolutionMinutes();
  }

  public void save() {
    if (!ConsoleAccess.require(staff.get(), Role.ADMIN)) {
      return;
    }
    try {
      service.changeTargets(
          staff.get(), code, new TargetChange(responseMinutes, resolutionMinutes));
      categories = service.all();
      code = null;
      Pages.info("admin.saved");
    } catch (RuntimeException e) {
      ConsoleAccess.show("targets", e);
    }
  }

  public void cancel() {
    code = null;
  }

  public boolean isEditable() {
    return ConsoleAccess.has(staff.get(), Role.ADMIN);
  }

  public List<Rule> getCategories() {
    return categories;
  }

  public String getCode() {
    return code;
  }

  public Integer getResponseMinutes() {
    return responseMinutes;
  }

  public void setResponseMinutes(Integer responseMinutes) {
    this.responseMinutes = responseMinutes;
  }

  public Integer getResolutionMinutes() {
    return resolutionMinutes;
  }

  public void setResolutionMinutes(Integer resolutionMinutes) {
    this.resolutionMinutes = resolutionMinutes;
  }
}
