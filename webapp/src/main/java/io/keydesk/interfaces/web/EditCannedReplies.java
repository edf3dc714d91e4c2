package io.keydesk.interfaces.web;

import io.keydesk.application.AccessTokens.StaffIdentity;
import io.keydesk.application.CannedReplies;
import io.keydesk.application.CannedReplies.CannedReplyForm;
import io.keydesk.application.CannedReplies.CannedReplyView;
import io.keydesk.domain.model.category.CategoryCode;
import io.keydesk.domain.shared.DomainException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;

/** Supervisors and admins write the canned replies agents answer with; anyone else gets a 403. */
@Named
@ViewScoped
public class EditCannedReplies implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject CannedReplies service;
  @Inject CurrentStaff staff;

  private List<CannedReplyView> replies = List.of();
  private Long id;
  private String name;
  private CategoryCode category;
  private String language = "zh-CN";
  private String body;

  public void load() {
    StaffIdentity me = staff.get();
    if (me == null || !CannedReplies.EDITORS.contains(me.role())) {
      FacesContext faces = FacesContext.getCurrentInstance();
      try {
        faces.getExternalContext().responseSendError(HttpServletResponse.SC_FORBIDDEN, null);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      faces.responseComplete();
      return;
    }
    replies = service.list();
  }

  public void edit(long replyId) {
    CannedReplyView r = service.get(replyId);
    id = r.id();
    name = r.name();
    category = r.category() == null ? null : CategoryCode.valueOf(r.category());
    language = r.language();
    body = r.body();
  }

  public void newReply() {
    id = null;
    name = null;
    category = null;
    language = "zh-CN";
    body = null;
  }

  public void save() {
    CannedReplyForm form =
        new CannedReplyForm(name, category == null ? null : category.name(), language, body);
    try {
      if (id == null) {
        service.create(staff.get(), form);
      } else {
        service.update(staff.get(), id, form);
      }
      Pages.info("console.canned.saved");
      newReply();
    } catch (DomainException e) {
      error(e.getMessage());
    } catch (ConstraintViolationException e) {
      e.getConstraintViolations().forEach(v -> error(v.getPropertyPath() + ": " + v.getMessage()));
    }
    replies = service.list();
  }

  public void delete(long replyId) {
    try {
      service.delete(staff.get(), replyId);
      Pages.info("console.canned.deleted");
      if (id != null && id == replyId) {
        newReply();
      }
    } catch (DomainException e) {
      error(e.getMessage());
    }
    replies = service.list();
  }

  private static void error(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  public List<CategoryCode> getCategories() {
    return List.of(CategoryCode.values());
  }

  public List<String> getLanguages() {
    return List.of("zh-CN", "en");
  }

  public boolean isEditing() {
    return id != null;
  }

  public List<CannedReplyView> getReplies() {
    return replies;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public CategoryCode getCategory() {
    return category;
  }

  public void setCategory(CategoryCode category) {
    this.category = category;
  }

  public String getLanguage() {
    return language;
  }

  public void setLanguage(String language) {
    this.language = language;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }
}
