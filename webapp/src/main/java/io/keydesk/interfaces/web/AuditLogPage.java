package io.keydesk.interfaces.web;

import io.keydesk.application.AuditTrail;
import io.keydesk.application.AuditTrail.EntryPage;
import io.keydesk.application.RiskAdminService;
import io.keydesk.application.RiskAdminService.AuditCheck;
import io.keydesk.domain.model.staff.Role;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The audit log, newest first, with the chain's verification one click away. */
@Named
@ViewScoped
public class AuditLogPage implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int PAGE_SIZE = 25;

  /** The subject types a filter can pick. */
  private static final List<String> SUBJECT_TYPES =
      List.of(
          "category",
          "staff-user",
          "risk-setting",
          "block",
          "fraud-signal",
          "kb-article",
          "ticket",
          "order",
          "product");

  @Inject AuditTrail trail;
  @Inject RiskAdminService risk;
  @Inject CurrentStaff staff;

  private String subjectType;
  private String action;
  private int page;
  private EntryPage entries;
  private AuditCheck check;

  public void load() {
    if (ConsoleAccess.require(staff.get(), Role.SUPERVISOR, Role.ADMIN)) {
      entries = trail.newest(subjectType, action, page, PAGE_SIZE);
    }
  }

  public void filter() {
    page = 0;
    load();
  }

  public void next() {
    if (hasNext()) {
      page++;
      load();
    }
  }

  public void previous() {
    if (page > 0) {
      page--;
      load();
    }
  }

  /** Walks the whole chain and keeps the answer for the page. */
  public void verify() {
    if (ConsoleAccess.require(staff.get(), Role.SUPERVISOR, Role.ADMIN)) {
      check = risk.verifyAudit();
    }
  }

  /** The last entry that holds: all of them when intact, else the one before the broken one. */
  public long getIntactUpTo() {
    if (check == null) {
      return 0;
    }
    return check.intact() ? check.entries() : Math.max(0, check.firstBrokenSeq() - 1);
  }

  public boolean hasNext() {
    return entries != null && (long) (page + 1) * PAGE_SIZE < entries.total();
  }

  public List<String> getSubjectTypes() {
    return SUBJECT_TYPES;
  }

  public EntryPage getEntries() {
    return entries;
  }

  public AuditCheck getCheck() {
    return check;
  }

  public int getPage() {
    return page;
  }

  public String getSubjectType() {
    return subjectType;
  }

  public void setSubjectType(String subjectType) {
    this.subjectType = subjectType;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }
}
