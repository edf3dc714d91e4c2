/**
 * Signed webhooks to the shop: queued in the caller's transaction ({@link
 * io.keydesk.application.ShopWebhooks}), sent by a relay until the shop acknowledges them, with
 * exponential backoff; and a simulated receiver for local runs.
 */
package io.keydesk.infrastructure.webhooks;
