/**
 * Sending buyer notifications. {@code JpaNotifications} records a notice as one {@code
 * notification} row per channel in the caller's transaction; {@code NotificationRelay} takes due
 * rows one at a time ({@code FOR UPDATE SKIP LOCKED}) and hands them to {@code
 * NotificationDelivery}, which renders the texts ({@code NoticeTexts}, from the message bundles)
 * and sends them by e-mail ({@code MailSender}, Jakarta Mail over SMTP), SMS ({@code SmsGateway})
 * or into the inbox. Failed sends are retried with capped exponential backoff ({@code Backoff}).
 */
package io.keydesk.infrastructure.notification;
