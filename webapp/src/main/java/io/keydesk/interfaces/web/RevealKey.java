package io.keydesk.interfaces.web;

import io.keydesk.application.KeyRevealService;
import io.keydesk.application.KeyRevealService.CodeSent;
import io.keydesk.application.KeyRevealService.Reveal;
import io.keydesk.application.KeyRevealService.RevealedKey;
import io.keydesk.application.TooManyRequestsException;
import io.keydesk.domain.shared.DomainException;
import io.keydesk.domain.shared.NotFoundException;
import io.keydesk.interfaces.rest.ClientAddress;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Set;

/**
 * "Show key" on the orders page: a one-time code goes to the order's contact, the buyer types the 6
 * digits, the key is shown. One key at a time; the key in clear lives only in this view (never
 * serialised) and is forgotten when another key is asked for.
 */
@Named
@ViewScoped
public class RevealKey implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Set<String> HIDDEN_FOR_GOOD = Set.of("REFUNDED", "VOIDED", "IN_STOCK");

  @Inject BuyerSession session;
  @Inject KeyRevealService service;
  @Inject Language language;
  @Inject ClientAddress clientAddress;

  private String orderNo;
  private int index = -1;
  private boolean codeSent;
  private String code;
  private String feedback;
  private boolean feedbackIsError;
  private transient RevealedKey shown;

  /** Whether a key in this status can be shown at all. */
  public boolean canReveal(String status) {
    return !HIDDEN_FOR_GOOD.contains(status);
  }

  /** Sends a one-time code for that key to the contact of the session. */
  public void sendCode(String forOrder, int forIndex) {
    select(forOrder, forIndex);
    session
        .requireOrRedirect()
        .ifPresent(
            buyer -> {
              try {
                CodeSent sent = service.sendCode(buyer, forOrder, forIndex, language.getTag());
                codeSent = true;
                say(false, Pages.text("reveal.codeSent", sent.sentTo()));
              } catch (TooManyRequestsException e) {
                say(true, Pages.text("reveal.limited", Math.max(1, e.retryAfter().toMinutes())));
              } catch (NotFoundException e) {
                say(true, Pages.text("reveal.notFound"));
              } catch (DomainException e) {
                say(true, Pages.text("reveal.notRevealable"));
              }
            });
  }

  /** Checks the typed code and shows the key, or says why not. */
  public void reveal() {
    if (orderNo == null || !codeSent) {
      return;
    }
    String typed = code == null ? "" : code.strip();
    code = null;
    if (!typed.matches("[0-9]{6}")) {
      say(true, Pages.text("reveal.format"));
      return;
    }
    session
        .requireOrRedirect()
        .ifPresent(
            buyer -> {
              try {
                Reveal result =
                    service.reveal(buyer, orderNo, index, typed, clientAddress.of(Pages.request()));
                if (result.key() != null) {
                  shown = result.key();
                  codeSent = false;
                  say(false, Pages.text("reveal.shown"));
                  return;
                }
                switch (result.refusal()) {
                  case WRONG_CODE ->
                      say(true, Pages.text("reveal.wrongCode", result.attemptsLeft()));
                  case TOO_MANY_ATTEMPTS -> {
                    codeSent = false;
                    say(true, Pages.text("reveal.tooMany"));
                  }
                  case NO_CODE -> {
                    codeSent = false;
                    say(true, Pages.text("reveal.noCode"));
                  }
                }
              } catch (NotFoundException e) {
                say(true, Pages.text("reveal.notFound"));
              } catch (DomainException e) {
                say(true, Pages.text("reveal.notRevealable"));
              }
            });
  }

  /** Hides the key again. */
  public void hide() {
    select(null, -1);
  }

  private void select(String forOrder, int forIndex) {
    orderNo = forOrder;
    index = forIndex;
    codeSent = false;
    code = null;
    shown = null;
    feedback = null;
  }

  private void say(boolean error, String text) {
    feedbackIsError = error;
    feedback = text;
  }

  private boolean is(String forOrder, int forIndex) {
    return forOrder != null && forOrder.equals(orderNo) && forIndex == index;
  }

  /** The code field is open for this key. */
  public boolean waitingFor(String forOrder, int forIndex) {
    return is(forOrder, forIndex) && codeSent && shown == null;
  }

  /** The key shown in clear, if it is this one. */
  public RevealedKey shownFor(String forOrder, int forIndex) {
    return is(forOrder, forIndex) ? shown : null;
  }

  /** What happened last for this key, if anything. */
  public String feedbackFor(String forOrder, int forIndex) {
    return is(forOrder, forIndex) ? feedback : null;
  }

  public boolean isFeedbackError() {
    return feedbackIsError;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }
}
