package io.keydesk.domain.model.notification;

/** Where a notice goes out. */
public enum Channel {
  /** To the buyer's e-mail address. */
  EMAIL,
  /** To the buyer's phone, through the SMS gateway. */
  SMS,
  /** To the buyer's in-site inbox (a row they read in the portal or through the API). */
  INBOX
}
