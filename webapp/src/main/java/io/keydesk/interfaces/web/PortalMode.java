package io.keydesk.interfaces.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import java.io.Serializable;
import java.util.Map;

/**
 * Novice (a guided flow, one question at a time: the default) or expert (the whole case on one
 * page). The buyer's choice is remembered for the session and in a cookie for a year, so it holds
 * on the next visit too; the cookie holds only the word {@code novice} or {@code expert}.
 */
@Named
@SessionScoped
public class PortalMode implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String COOKIE = "keydesk_mode";
  private static final int ONE_YEAR = 365 * 24 * 3600;

  private Boolean expert;

  public boolean isExpert() {
    if (expert == null) {
      Object cookie =
          FacesContext.getCurrentInstance().getExternalContext().getRequestCookieMap().get(COOKIE);
      expert = cookie instanceof Cookie c && "expert".equals(c.getValue());
    }
    return expert;
  }

  /** {@code novice} or {@code expert}, as the funnel events name it. */
  public String getName() {
    return isExpert() ? "expert" : "novice";
  }

  /** Switches the mode and remembers the choice. */
  public void toggle() {
    expert = !isExpert();
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    String path = external.getRequestContextPath();
    external.addResponseCookie(
        COOKIE,
        getName(),
        Map.of(
            "maxAge",
            ONE_YEAR,
            "path",
            path.isEmpty() ? "/" : path,
            "httpOnly",
            true,
            "SameSite",
            "Lax"));
  }
}
