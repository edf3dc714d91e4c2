package io.keydesk.interfaces.web;

import io.keydesk.application.BuyerPreferences;
import io.keydesk.application.BuyerPreferences.PreferencesView;
import io.keydesk.application.InvalidFieldException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * "How should we tell you?" on the orders page: e-mail, SMS when a phone is known, inbox always.
 */
@Named
@ViewScoped
public class ChannelPreferences implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject BuyerSession session;
  @Inject BuyerPreferences service;

  private PreferencesView current;
  private boolean email;
  private boolean sms;
  private String saved;

  /** Loaded by the page's view action. */
  public void load() {
    session.identity().ifPresent(buyer -> show(service.get(buyer)));
  }

  public void save() {
    session
        .requireOrRedirect()
        .ifPresent(
            buyer -> {
              try {
                show(
                    service.update(
                        buyer,
                        current.emailAddress() == null ? null : email,
                        current.phone() == null ? null : sms));
                saved = Pages.text("prefs.saved");
              } catch (InvalidFieldException e) {
                Pages.error(null, "prefs.unavailable");
              }
            });
  }

  private void show(PreferencesView view) {
    current = view;
    email = view.email();
    sms = view.sms();
  }

  public PreferencesView getCurrent() {
    return current;
  }

  public boolean isEmail() {
    return email;
  }

  public void setEmail(boolean email) {
    this.email = email;
  }

  public boolean isSms() {
    return sms;
  }

  public void setSms(boolean sms) {
    this.sms = sms;
  }

  public String getSaved() {
    return saved;
  }
}
