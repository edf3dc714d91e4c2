package io.keydesk.interfaces.web;

import io.keydesk.application.StaffAdmin;
import io.keydesk.application.StaffAdmin.NewStaff;
import io.keydesk.application.StaffAdmin.PasswordReset;
import io.keydesk.application.StaffAdmin.StaffChange;
import io.keydesk.application.StaffAdmin.StaffView;
import io.keydesk.domain.model.staff.Role;
import io.keydesk.domain.model.staff.StaffUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Admins manage staff users: create one, change role, supplier, name, language and e-mail address
 * (where supplier managers get their scheduled reports), deactivate and reactivate, set a new
 * password. Passwords are write-only here.
 */
@Named
@ViewScoped
public class ManageStaff implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject StaffAdmin service;
  @Inject CurrentStaff staff;

  private List<StaffView> users;
  private Map<String, String> suppliers;

  // the new user
  private String username;
  private String displayName;
  private Role role = Role.AGENT;
  private String supplier;
  private String language = "zh-CN";
  private String email;
  private String password;

  // the user being changed
  private String editing;
  private String editDisplayName;
  private Role editRole;
  private String editSupplier;
  private String editLanguage;
  private String editEmail;
  private String newPassword;

  public void load() {
    if (ConsoleAccess.require(staff.get(), Role.ADMIN)) {
      users = service.all();
      suppliers = service.suppliers();
    }
  }

  public void create() {
    if (!ConsoleAccess.require(staff.get(), Role.ADMIN)) {
      return;
    }
    try {
      service.create(
          staff.get(),
          new NewStaff(
              username,
              displayName,
              role == null ? null : role.name(),
              role == Role.SUPPLIER_MANAGER ? supplier : null,
              language,
              password,
              email));
      Pages.info("admin.staff.created");
      username = null;
      displayName = null;
      supplier = null;
      email = null;
      load();
    } catch (RuntimeException e) {
      ConsoleAccess.show("create", e);
    } finally {
      password = null;
    }
  }

  /** Puts one user into the change form. */
  public void edit(String name) {
    StaffView user = service.one(name);
    editing = user.username();
    editDisplayName = user.displayName();
    editRole = Role.valueOf(user.role());
    editSupplier = user.supplier();
    editLanguage = user.language();
    editEmail = user.email();
    newPassword = null;
  }

  public void cancel() {
    editing = null;
    newPassword = null;
  }

  public void save() {
    change(
        new StaffChange(
            editDisplayName,
            editRole == null ? null : editRole.name(),
            editRole == Role.SUPPLIER_MANAGER ? editSupplier : "",
            editLanguage,
            null,
            editEmail == null ? "" : editEmail));
  }

  public void deactivate(String name) {
    editing = name;
    change(new StaffChange(null, null, null, null, false, null));
  }

  public void reactivate(String name) {
    editing = name;
    change(new StaffChange(null, null, null, null, true, null));
  }

  public void resetPassword() {
    if (!ConsoleAccess.require(staff.get(), Role.ADMIN)) {
      return;
    }
    try {
      service.resetPassword(staff.get(), editing, new PasswordReset(newPassword));
      Pages.info("admin.staff.passwordReset");
      editing = null;
    } catch (RuntimeException e) {
      ConsoleAccess.show("edit", e);
    } finally {
      newPassword = null;
    }
  }

  private void change(StaffChange change) {
    if (!ConsoleAccess.require(staff.get(), Role.ADMIN)) {
      return;
    }
    try {
      service.change(staff.get(), editing, change);
      Pages.info("admin.saved");
      editing = null;
      load();
    } catch (RuntimeException e) {
      ConsoleAccess.show("edit", e);
    }
  }

  public boolean isSelf(String name) {
    return name != null && name.equals(staff.getUsername());
  }

  public List<Role> getRoles() {
    return Arrays.asList(Role.values());
  }

  public List<String> getLanguages() {
    return StaffUser.LANGUAGES.stream().sorted(java.util.Comparator.reverseOrder()).toList();
  }

  public List<StaffView> getUsers() {
    return users;
  }

  public Map<String, String> getSuppliers() {
    return suppliers;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public Role getRole() {
    return role;
  }

  public void setRole(Role role) {
    this.role = role;
  }

  public String getSupplier() {
    return supplier;
  }

  public void setSupplier(String supplier) {
    this.supplier = supplier;
  }

  public String getLanguage() {
    return language;
  }

  public void setLanguage(String language) {
    this.language = language;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPassword() {
    return null;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getEditing() {
    return editing;
  }

  public String getEditDisplayName() {
    return editDisplayName;
  }

  public void setEditDisplayName(String editDisplayName) {
    this.editDisplayName = editDisplayName;
  }

  public Role getEditRole() {
    return editRole;
  }

  public void setEditRole(Role editRole) {
    this.editRole = editRole;
  }

  public String getEditSupplier() {
    return editSupplier;
  }

  public void setEditSupplier(String editSupplier) {
    this.editSupplier = editSupplier;
  }

  public String getEditLanguage() {
    return editLanguage;
  }

  public void setEditLanguage(String editLanguage) {
    this.editLanguage = editLanguage;
  }

  public String getEditEmail() {
    return editEmail;
  }

  public void setEditEmail(String editEmail) {
    this.editEmail = editEmail;
  }

  public String getNewPassword() {
    return null;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }
}
