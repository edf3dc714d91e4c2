/**
 * What Keydesk tells a buyer: a {@link io.keydesk.domain.model.notification.Notice} (one template
 * in the buyer's language, its parameters, the channels it goes out on) and the buyer's in-site
 * inbox ({@link io.keydesk.domain.model.notification.InboxMessage}).
 */
package io.keydesk.domain.model.notification;
