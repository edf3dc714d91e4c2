package io.keydesk.interfaces.web;

import io.keydesk.application.AccessTokens.StaffIdentity;
import io.keydesk.application.InvalidFieldException;
import io.keydesk.domain.model.staff.Role;
import io.keydesk.domain.shared.DomainException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.MissingResourceException;

/**
 * The configuration pages' role check and their error messages. Every page checks the caller's role
 * on the server in its view action (403 otherwise), and every action checks it again.
 */
final class ConsoleAccess {
  private ConsoleAccess() {}

  /** Whether the signed-in member of staff has one of the roles. */
  static boolean has(StaffIdentity staff, Role... roles) {
    return staff != null && Arrays.asList(roles).contains(staff.role());
  }

  /**
   * Refuses the request with 403 unless the caller has one of the roles; answers whether allowed.
   */
  static boolean require(StaffIdentity staff, Role... roles) {
    if (has(staff, roles)) {
      return true;
    }
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      faces.getExternalContext().responseSendError(403, "your role may not use this page");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
    return false;
  }

  /**
   * Shows a service's refusal next to the field it names ({@code form:field}), in the page's
   * language where the bundle has a text for that field ({@code admin.invalid.<field>}).
   */
  static void show(String form, RuntimeException e) {
    if (e instanceof InvalidFieldException f) {
      message(form + ":" + f.field(), local("admin.invalid." + f.field(), f.getMessage()));
    } else if (e instanceof ConstraintViolationException v) {
      for (ConstraintViolation<?> violation : v.getConstraintViolations()) {
        String field = null;
        for (Path.Node node : violation.getPropertyPath()) {
          field = node.getName();
        }
        message(
            field == null ? null : form + ":" + field,
            local("admin.invalid." + field, violation.getMessage()));
      }
    } else if (e instanceof DomainException d) {
      message(null, local("admin.refused." + d.code(), d.getMessage()));
    } else {
      throw e;
    }
  }

  private static void message(String clientId, String text) {
    FacesContext faces = FacesContext.getCurrentInstance();
    String id = clientId;
    if (id != null && faces.getViewRoot().findComponent(":" + id) == null) {
      id = null;
    }
    faces.addMessage(id, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    faces.validationFailed();
  }

  private static String local(String key, String fallback) {
    try {
      return Pages.text(key);
    } catch (MissingResourceException e) {
      return fallback;
    }
  }
}
