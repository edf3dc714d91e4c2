package io.keydesk.interfaces.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;

/**
 * The page language: first from the browser (Accept-Language, among zh-CN and en), then whatever
 * the user picks; kept for the session.
 */
@Named
@SessionScoped
public class Language implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

  private Locale locale;

  public Locale getLocale() {
    if (locale == null) {
      FacesContext faces = FacesContext.getCurrentInstance();
      Locale browser = faces.getApplication().getViewHandler().calculateLocale(faces);
      locale = "zh".equals(browser.getLanguage()) ? CHINESE : Locale.ENGLISH;
    }
    return locale;
  }

  public String getTag() {
    return getLocale().toLanguageTag();
  }

  public boolean isChinese() {
    return "zh".equals(getLocale().getLanguage());
  }

  /** Switches between Chinese and English and stays on the page. */
  public void toggle() {
    locale = isChinese() ? Locale.ENGLISH : CHINESE;
    FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
  }
}
